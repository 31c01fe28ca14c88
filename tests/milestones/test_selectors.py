"""`milestones_with_steps`: a goal's milestones and their steps in one plain-SQL query, the
same instances in the same order as the ORM's query with the steps prefetched."""

from datetime import UTC, date, datetime

from django.forms.models import model_to_dict

from apps.milestones.models import Milestone
from apps.milestones.selectors import milestones_with_steps
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory


def _everything(obj):
    return (obj.pk, model_to_dict(obj), obj.created_at, obj.updated_at)


def test_the_milestones_and_steps_match_the_orms(alice, django_assert_num_queries):
    goal = GoalFactory(owner=alice)
    other = GoalFactory(owner=alice)
    for n in range(6):
        milestone = MilestoneFactory(
            goal=goal,
            position=(n * 4) % 5,  # not the order of creation, with ties
            due_date=date(2031, 1, 1 + n) if n % 2 else None,
            done_at=datetime(2026, 3, 1 + n, tzinfo=UTC) if n % 3 == 0 else None,
            description="Why it matters" if n == 2 else "",
        )
        for s in range(n % 4):  # some with no steps at all
            ActionStepFactory(
                milestone=milestone,
                position=(s * 2) % 3,
                done_at=datetime(2026, 3, 2, tzinfo=UTC) if s == 1 else None,
            )
    ActionStepFactory(milestone=MilestoneFactory(goal=other))

    with django_assert_num_queries(1):
        milestones = milestones_with_steps(goal)
        # Their goal and their steps come with them.
        assert all(m.goal is goal for m in milestones)
        steps = [[_everything(s) for s in m.step_list] for m in milestones]

    expected = list(
        Milestone.objects.filter(goal=goal)
        .order_by("position", "created_at")
        .prefetch_related("steps")
    )
    assert [_everything(m) for m in milestones] == [_everything(m) for m in expected]
    assert steps == [
        [_everything(s) for s in m.steps.order_by("position", "created_at")] for m in expected
    ]
    assert [(m.steps_total, m.steps_done) for m in milestones] == [
        (m.steps.count(), m.steps.filter(done_at__isnull=False).count()) for m in expected
    ]
    assert sum(m.steps_total for m in milestones) == 7


def test_a_goal_without_milestones_has_none(alice, db):
    assert milestones_with_steps(GoalFactory(owner=alice)) == []
