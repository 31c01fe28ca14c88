"""The data page and the printable plan read a constant number of queries, whatever the plan's
size (the PDF lays out the same page)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.portability.services import export_request
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory
from tests.portability.plans import full_plan


def _count(client, name: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(name)).status_code == 200
    return len(queries.captured_queries)


def _grow(user, goals: int) -> None:
    for _ in range(goals):
        milestone = MilestoneFactory(goal=GoalFactory(owner=user))
        ActionStepFactory(milestone=milestone)


def test_the_data_page_does_not_grow_with_downloads_or_the_plan(alice_client, alice):
    full_plan(alice, "Alice")
    export_request(user=alice)
    small = _count(alice_client, "portability:data")
    _grow(alice, 10)
    for _ in range(4):
        export_request(user=alice)
    assert _count(alice_client, "portability:data") == small


def test_the_printable_plan_does_not_grow_with_the_plan(alice_client, alice):
    full_plan(alice, "Alice")
    small = _count(alice_client, "portability:print")
    _grow(alice, 20)
    assert _count(alice_client, "portability:print") == small
