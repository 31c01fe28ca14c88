"""`first_active_goals`: the dashboard's goal cards in one plain-SQL query, the same as the ORM's
`with_progress().in_order()` slice and count."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from apps.goals.models import Goal, Status
from apps.goals.selectors import CARD_FIELDS, first_active_goals
from tests.factories import GoalFactory, MilestoneFactory


def _orm(user, limit):
    active = Goal.objects.owned_by(user).filter(status=Status.ACTIVE)
    return list(active.with_progress().in_order()[:limit]), active.count()


def _shown(goal):
    return (
        *(getattr(goal, name) for name in CARD_FIELDS),
        goal.milestones_total,
        goal.milestones_done,
        goal.progress,
    )


def test_the_cards_match_the_orms(alice, charlie, django_assert_num_queries):
    statuses = ["active", "draft", "active", "achieved", "active", "on_hold", "active"]
    for n, status in enumerate(statuses * 2):
        goal = GoalFactory(
            owner=alice,
            status=status,
            position=(n * 5) % 9,  # not the order of creation
            target_date=date(2030, 1, 1 + n) if n % 3 else None,
            measure_kind="number" if n % 4 == 0 else "milestones",
            baseline=Decimal("1.5") if n % 4 == 0 else None,
            target_value=Decimal("10") if n % 4 == 0 else None,
            current_value=Decimal("4.25") if n % 8 == 0 else None,
        )
        for m in range(n % 5):
            MilestoneFactory(goal=goal, done_at=datetime.now(UTC) if m % 2 else None)
    GoalFactory(owner=charlie, status="active")

    for limit in (1, 3, 12, 100):
        with django_assert_num_queries(1):
            goals, total = first_active_goals(alice, limit)
        expected, expected_total = _orm(alice, limit)
        assert [_shown(goal) for goal in goals] == [_shown(goal) for goal in expected]
        assert total == expected_total == 8
    # Only the card's fields are loaded: the long texts stay in the database.
    assert goals[0].get_deferred_fields() >= {"description", "specific", "achievable"}


def test_no_active_goals_no_cards(alice, db):
    GoalFactory(owner=alice, status="achieved")
    assert first_active_goals(alice, 12) == ([], 0)
    assert first_active_goals(AnonymousUser(), 12) == ([], 0)
