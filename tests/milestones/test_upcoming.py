"""`upcoming_and_overdue`: what the dashboard lists under "this week"."""

from datetime import UTC, date, datetime, timedelta

from apps.milestones.selectors import upcoming_and_overdue
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory

TODAY = date(2030, 6, 1)


def _day(offset):
    return TODAY + timedelta(days=offset)


def test_upcoming_and_overdue_across_open_goals(alice, charlie):
    goal = GoalFactory(owner=alice, title="Lead projects")
    soon = MilestoneFactory(goal=goal, title="Soon", due_date=_day(3))
    MilestoneFactory(goal=goal, title="Due today", due_date=TODAY)
    MilestoneFactory(goal=goal, title="Edge", due_date=_day(14))
    MilestoneFactory(goal=goal, title="Too far", due_date=_day(15))
    MilestoneFactory(goal=goal, title="No date", due_date=None)
    MilestoneFactory(goal=goal, title="Done", due_date=_day(1), done_at=datetime.now(UTC))
    MilestoneFactory(goal=goal, title="Late", due_date=_day(-2))
    MilestoneFactory(goal=goal, title="Very late", due_date=_day(-20))
    ActionStepFactory(milestone=soon, title="Step soon", due_date=_day(1))
    ActionStepFactory(milestone=soon, title="Step late", due_date=_day(-1))
    ActionStepFactory(
        milestone=soon, title="Step done", due_date=_day(1), done_at=datetime.now(UTC)
    )
    finished = MilestoneFactory(goal=goal, due_date=None, done_at=datetime.now(UTC))
    ActionStepFactory(milestone=finished, title="Step under a done milestone", due_date=_day(1))
    # Not alice's, or not open.
    MilestoneFactory(goal__owner=charlie, title="Charlie's", due_date=_day(1))
    MilestoneFactory(goal__owner=alice, goal__status="achieved", title="Achieved", due_date=_day(1))
    MilestoneFactory(
        goal__owner=alice, goal__status="abandoned", title="Dropped", due_date=_day(-1)
    )

    upcoming, overdue = upcoming_and_overdue(alice, TODAY)

    assert [(e.title, e.days) for e in upcoming] == [
        ("Due today", 0),
        ("Step soon", 1),
        ("Soon", 3),
        ("Edge", 14),
    ]
    assert [(e.title, e.days) for e in overdue] == [
        ("Very late", -20),
        ("Late", -2),
        ("Step late", -1),
    ]
    step = upcoming[1]
    assert (step.kind, step.goal.title, step.milestone_title) == ("step", goal.title, "Soon")
    assert (upcoming[2].kind, upcoming[2].milestone_title, upcoming[2].item) == (
        "milestone",
        "",
        soon,
    )


def test_days_window_is_a_parameter(alice):
    MilestoneFactory(goal__owner=alice, title="In a month", due_date=_day(30))
    assert upcoming_and_overdue(alice, TODAY)[0] == []
    assert [e.title for e in upcoming_and_overdue(alice, TODAY, days=30)[0]] == ["In a month"]


def test_constant_queries(alice, django_assert_num_queries):
    def fill(count):
        for _ in range(count):
            milestone = MilestoneFactory(goal__owner=alice, due_date=_day(2))
            ActionStepFactory.create_batch(3, milestone=milestone, due_date=_day(-1))

    fill(2)
    with django_assert_num_queries(2):
        upcoming, overdue = upcoming_and_overdue(alice, TODAY)
        assert [e.goal.title for e in upcoming + overdue]
    fill(20)
    with django_assert_num_queries(2):
        upcoming, overdue = upcoming_and_overdue(alice, TODAY)
        assert len(upcoming) == 22
        assert len(overdue) == 66
        assert [e.goal.title for e in upcoming + overdue]


def test_signed_out_sees_nothing(db):
    from django.contrib.auth.models import AnonymousUser

    assert upcoming_and_overdue(AnonymousUser(), TODAY) == ([], [])
    assert upcoming_and_overdue(AnonymousUser(), TODAY, limit=8) == ([], [])


def _shown(entry):
    return (
        entry.kind,
        entry.item.pk,
        entry.title,
        entry.due_date,
        entry.days,
        entry.goal.pk,
        entry.goal.title,
        entry.goal.public_id,
        entry.milestone_title,
    )


def test_the_cut_lists_begin_the_whole_lists(alice, charlie, django_assert_num_queries):
    """The dashboard's cut (one plain-SQL query) is the start of the whole lists that the ORM
    reads, with their lengths as totals: same rows, same order, ties and all."""
    # Titles that sort differently by code point and by a natural-language collation (which
    # tells only where the database's own collation is not "C"), steps and milestones on the
    # same days, equal titles and positions across goals.
    titles = ["b", "B", "a", "Ä", "a", "Z", "10", "9"]
    for g, status in enumerate(["active", "draft", "on_hold", "achieved"]):
        goal = GoalFactory(owner=alice, status=status, title=f"Goal {g}")
        for n, title in enumerate(titles):
            milestone = MilestoneFactory(
                goal=goal, title=title, due_date=_day(n % 5 - 2), position=(n - g) % 3
            )
            for s in range(3):
                ActionStepFactory(
                    milestone=milestone,
                    title=titles[(n + s) % len(titles)],
                    due_date=_day(s * 7 - 8),
                    position=(s - g) % 3,
                    done_at=datetime.now(UTC) if (n + s) % 4 == 0 else None,
                )
    done = MilestoneFactory(goal__owner=alice, due_date=_day(1), done_at=datetime.now(UTC))
    ActionStepFactory(milestone=done, due_date=_day(1))
    MilestoneFactory(goal__owner=charlie, due_date=_day(1))

    for days in (0, 3, 14):
        upcoming, overdue = upcoming_and_overdue(alice, TODAY, days=days)
        for limit in (0, 1, 2, 5, 8, 100):
            with django_assert_num_queries(1):
                cut = upcoming_and_overdue(alice, TODAY, days=days, limit=limit)
            for part, whole in zip(cut, (upcoming, overdue), strict=True):
                assert [_shown(e) for e in part] == [_shown(e) for e in whole[:limit]]
                assert part.total == len(whole)
