"""The registry: what a kind says, and that access decides before any describer runs."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured

from apps.notifications.registry import (
    Described,
    describe_all,
    register_kind,
    unregister_kind,
)
from apps.notifications.services import notify
from tests.notifications.kinds import KIND


@pytest.fixture
def temporary_kind():
    made = []

    def register(name, describe, **options):
        register_kind(name, describe=describe, **options)
        made.append(name)

    yield register
    for name in made:
        unregister_kind(name)


def test_targets_are_loaded_in_one_query_per_model_with_their_relations(
    alice, bob, mentored, django_assert_num_queries
):
    from tests.factories import GoalFactory

    notes = [
        notify(recipient=bob, kind=KIND, target=GoalFactory(owner=alice), actor=alice)
        for _ in range(5)
    ]
    ContentType.objects.get_for_id(notes[0].target_type_id)  # cached in a running server
    # The reader's running mentorships (what is shared with them), then the goals at once.
    with django_assert_num_queries(2):
        shown = describe_all(bob, notes)
    assert [n.pk for n, _ in shown] == [n.pk for n in notes]
    assert all(isinstance(d, Described) for _, d in shown)


def test_a_describer_never_sees_a_target_the_recipient_may_not_read(
    alice, charlie, alices_goal, temporary_kind
):
    seen = []
    temporary_kind("test_spy", lambda n: seen.append(n) or Described("x", "/", "Spy"))
    note = notify(recipient=charlie, kind="test_spy", target=alices_goal)
    assert describe_all(charlie, [note]) == []
    assert seen == []


def test_a_kind_no_longer_registered_is_left_out(alice, alices_goal, temporary_kind):
    temporary_kind("test_gone", lambda n: Described("Soon gone", "/", "Gone"))
    note = notify(recipient=alice, kind="test_gone", target=alices_goal)
    unregister_kind("test_gone")
    assert describe_all(alice, [note]) == []


def test_a_target_without_an_owned_queryset_is_refused(alice, temporary_kind):
    temporary_kind("test_bad_target", lambda n: Described("x", "/", "Bad"))
    target = ContentType.objects.get_for_model(ContentType)
    note = notify(recipient=alice, kind="test_bad_target", target=target)
    with pytest.raises(ImproperlyConfigured, match="owned queryset"):
        describe_all(alice, [note])


@pytest.mark.parametrize("name", ["", "x" * 65])
def test_a_kind_needs_a_sensible_name(name):
    with pytest.raises(ValueError, match="1 to 64"):
        register_kind(name, describe=lambda n: None)
