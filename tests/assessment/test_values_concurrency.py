"""Two tabs ranking values at the same moment: they take turns on the planner's rows, so the
ranks never end up doubled, gapped or six deep, and the second tab gets a message, not a 500.

Each "tab" is a thread with its own database connection. The first holds its transaction open
after writing, so the second really has to wait for it."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connections, transaction

from apps.assessment import services
from apps.assessment.models import CareerValue
from tests.assessment.factories import ValueFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _in_a_tab(work, outcome: dict, key: str, *, hold: threading.Event | None = None):
    def run() -> None:
        try:
            with transaction.atomic():
                outcome[key] = work()
                if hold is not None:
                    outcome[f"{key}-written"].set()
                    # Keep the row locks until the other tab is queued behind them.
                    hold.wait(timeout=5)
        except ValidationError as error:
            outcome[key] = error
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def _race(first, second) -> dict:
    outcome: dict = {"first-written": threading.Event()}
    release = threading.Event()
    one = _in_a_tab(first, outcome, "first", hold=release)
    two = _in_a_tab(second, outcome, "second")
    one.start()
    assert outcome["first-written"].wait(timeout=5)
    two.start()
    # The second tab is now blocked on the first one's locks; let the first commit.
    two.join(timeout=0.5)
    assert two.is_alive(), "the second tab did not wait for the first"
    release.set()
    one.join(timeout=5)
    two.join(timeout=5)
    close_old_connections()
    return outcome


def _ranks(user) -> list[int]:
    return sorted(
        CareerValue.objects.filter(owner=user, rank__isnull=False).values_list("rank", flat=True)
    )


def test_two_tabs_filling_the_last_place_leave_five_not_six():
    planner = UserFactory()
    for place in range(1, 5):
        ValueFactory(owner=planner, rank=place)
    fifth, sixth = ValueFactory(owner=planner), ValueFactory(owner=planner)

    outcome = _race(
        lambda: services.value_move(value=fifth, move="in"),
        lambda: services.value_move(value=sixth, move="in"),
    )

    assert _ranks(planner) == [1, 2, 3, 4, 5]
    assert CareerValue.objects.get(pk=fifth.pk).rank == 5
    assert isinstance(outcome["second"], ValidationError)
    assert "full" in str(outcome["second"])


def test_two_tabs_saving_different_orders_end_with_the_later_one_whole():
    planner = UserFactory()
    a, b, c, d = (ValueFactory(owner=planner, name=name) for name in "ABCD")

    _race(
        lambda: services.values_rank(owner=planner, ranked=[a.public_id, b.public_id]),
        lambda: services.values_rank(owner=planner, ranked=[d.public_id, c.public_id, b.public_id]),
    )

    top = CareerValue.objects.filter(owner=planner, rank__isnull=False)
    assert [(v.name, v.rank) for v in top] == [("D", 1), ("C", 2), ("B", 3)]
