"""Who may use the milestone and action-step URLs.

Every object URL belongs to the owner of the goal: anyone else, staff included, gets a 404.
An empty POST is refused with a 422 and changes nothing: ticking says which state it wants
(`done`), moving says which way (`direction`), deleting needs `confirm`, and adding or editing
needs a title. Method checks come before the lookup, so a wrong method is a 405 for anyone
signed in. A valid POST by the owner is redirected back to the goal page, and the database
shows the write.
"""

from datetime import date, timedelta

from apps.milestones.models import ActionStep, Milestone
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory
from tests.security.access import Expect, Valid, owned, signed_in


def _soon() -> str:
    """A due date before the factory goal's target date, so it is not questioned."""
    return (date.today() + timedelta(days=30)).isoformat()


def _goal(cast):
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _milestone(cast):
    return {"public_id": MilestoneFactory(goal__owner=cast["owner"]).public_id}


def _first_of_two_milestones(cast):
    first = MilestoneFactory(goal__owner=cast["owner"])
    MilestoneFactory(goal=first.goal)
    return {"public_id": first.public_id}


def _step(cast):
    return {"public_id": ActionStepFactory(milestone__goal__owner=cast["owner"]).public_id}


def _first_of_two_steps(cast):
    first = ActionStepFactory(milestone__goal__owner=cast["owner"])
    ActionStepFactory(milestone=first.milestone)
    return {"public_id": first.public_id}


def _milestone_of(kw):
    return Milestone.objects.filter(public_id=kw["public_id"]).first()


def _step_of(kw):
    return ActionStep.objects.filter(public_id=kw["public_id"]).first()


EXPECTATIONS = {
    "milestones:list": Expect(get=owned(200), post=signed_in(405), kwargs=_goal),
    "milestones:create": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {"title": "Pass the exam", "due_date": _soon()},
            check=lambda cast, kw: Milestone.objects.filter(
                goal__public_id=kw["public_id"], title="Pass the exam"
            ).exists(),
        ),
    ),
    "milestones:edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_milestone,
        valid=Valid(
            data=lambda cast, kw: {"title": "Renamed", "description": "Done is a pass mark"},
            check=lambda cast, kw: _milestone_of(kw).title == "Renamed",
        ),
    ),
    "milestones:done": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_milestone,
        valid=Valid(
            data=lambda cast, kw: {"done": "1"},
            check=lambda cast, kw: (
                _milestone_of(kw).done_at is not None and _milestone_of(kw).win is not None
            ),
        ),
    ),
    "milestones:move": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_first_of_two_milestones,
        valid=Valid(
            data=lambda cast, kw: {"direction": "down"},
            check=lambda cast, kw: _milestone_of(kw).position == 1,
        ),
    ),
    "milestones:delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_milestone,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: _milestone_of(kw) is None,
        ),
    ),
    "milestones:step-create": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_milestone,
        valid=Valid(
            data=lambda cast, kw: {"title": "Buy the study guide"},
            check=lambda cast, kw: ActionStep.objects.filter(
                milestone__public_id=kw["public_id"], title="Buy the study guide"
            ).exists(),
        ),
    ),
    "milestones:step-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_step,
        valid=Valid(
            data=lambda cast, kw: {"title": "Read chapter 2", "due_date": _soon()},
            check=lambda cast, kw: _step_of(kw).title == "Read chapter 2",
        ),
    ),
    "milestones:step-done": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_step,
        valid=Valid(
            data=lambda cast, kw: {"done": "1"},
            check=lambda cast, kw: _step_of(kw).done_at is not None,
        ),
    ),
    "milestones:step-move": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_first_of_two_steps,
        valid=Valid(
            data=lambda cast, kw: {"direction": "down"},
            check=lambda cast, kw: _step_of(kw).position == 1,
        ),
    ),
    "milestones:step-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_step,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: _step_of(kw) is None,
        ),
    ),
}
