"""Who may use the milestone and action-step URLs.

Every object URL belongs to the owner of the goal: anyone else, staff included, gets a 404.
An empty POST is refused with a 422 and changes nothing: ticking says which state it wants
(`done`), moving says which way (`direction`), deleting needs `confirm`, and adding or editing
needs a title. Method checks come before the lookup, so a wrong method is a 405 for anyone
signed in.
"""

from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory
from tests.security.access import Expect, Valid, owned, signed_in


def _goal(cast):
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _milestone(cast):
    return {"public_id": MilestoneFactory(goal__owner=cast["owner"]).public_id}


def _step(cast):
    return {"public_id": ActionStepFactory(milestone__goal__owner=cast["owner"]).public_id}


EXPECTATIONS = {
    "milestones:list": Expect(get=owned(200), post=signed_in(405), kwargs=_goal),
    "milestones:create": Expect(get=signed_in(405), post=owned(422), kwargs=_goal),
    "milestones:edit": Expect(get=owned(200), post=owned(422), kwargs=_milestone),
    "milestones:done": Expect(get=signed_in(405), post=owned(422), kwargs=_milestone),
    "milestones:move": Expect(get=signed_in(405), post=owned(422), kwargs=_milestone),
    "milestones:delete": Expect(get=owned(200), post=owned(422), kwargs=_milestone),
    "milestones:step-create": Expect(get=signed_in(405), post=owned(422), kwargs=_milestone),
    "milestones:step-edit": Expect(get=owned(200), post=owned(422), kwargs=_step),
    "milestones:step-done": Expect(get=signed_in(405), post=owned(422), kwargs=_step),
    "milestones:step-move": Expect(get=signed_in(405), post=owned(422), kwargs=_step),
    "milestones:step-delete": Expect(get=owned(200), post=owned(422), kwargs=_step),
}
