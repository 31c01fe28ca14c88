"""Goal cards in one plain-SQL query each, the same as the ORM's answers: the dashboard's
first active goals with their count (`first_active_goals`) and a long-term goal's stepping
stones (`stepping_stones`)."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser

from apps.goals.models import Goal, Status
from apps.goals.selectors import CARD_FIELDS, first_active_goals, stepping_stones
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


def test_the_stepping_stones_match_the_orms(alice, charlie, django_assert_num_queries):
    long_term = GoalFactory(owner=alice, horizon="long")
    for n in range(5):
        stone = GoalFactory(
            owner=alice,
            parent=long_term,
            status="achieved" if n == 3 else "active",
            position=(n * 3) % 4,  # not the order of creation, with ties
            measure_kind="number" if n == 1 else "milestones",
            baseline=Decimal("0") if n == 1 else None,
            target_value=Decimal("8") if n == 1 else None,
            current_value=Decimal("2") if n == 1 else None,
        )
        for m in range(n):
            MilestoneFactory(goal=stone, done_at=datetime.now(UTC) if m % 2 else None)
    GoalFactory(owner=alice, horizon="short")  # serves nothing
    GoalFactory(owner=alice, parent=GoalFactory(owner=alice, horizon="long"))  # serves another

    with django_assert_num_queries(1):
        stones = stepping_stones(long_term)
    expected = Goal.objects.owned_by(alice).filter(parent=long_term).with_progress().in_order()
    assert [_shown(goal) for goal in stones] == [_shown(goal) for goal in expected]
    assert len(stones) == 5
    assert stepping_stones(GoalFactory(owner=charlie, horizon="long")) == []
