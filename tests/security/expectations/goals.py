"""Who may use the goals URLs. A bare POST changes nothing: forms answer 422, deletes need the
confirmation their button sends."""

from tests.factories import GoalFactory, ObstacleFactory, ResourceFactory
from tests.security.access import Expect, Valid, owned, signed_in


def _goal(cast: dict) -> dict:
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _obstacle(cast: dict) -> dict:
    return {"public_id": ObstacleFactory(goal__owner=cast["owner"]).public_id}


def _resource(cast: dict) -> dict:
    return {"public_id": ResourceFactory(goal__owner=cast["owner"]).public_id}


# The method check comes before the lookup: a GET is refused for everyone signed in.
NO_GET = signed_in(405)

EXPECTATIONS = {
    "goals:list": Expect(get=signed_in(200), post=signed_in(405)),
    "goals:create": Expect(get=signed_in(200), post=signed_in(422)),
    # An empty draft is still a draft: the check answers with every criterion missing.
    "goals:smart-check": Expect(get=signed_in(405), post=signed_in(200)),
    "goals:detail": Expect(get=owned(200), post=signed_in(405), kwargs=_goal),
    "goals:edit": Expect(get=owned(200), post=owned(422), kwargs=_goal),
    "goals:status": Expect(get=NO_GET, post=owned(422), kwargs=_goal),
    "goals:delete": Expect(get=owned(200), post=owned(422), kwargs=_goal),
    "goals:obstacle-create": Expect(get=owned(200), post=owned(422), kwargs=_goal),
    "goals:obstacle-edit": Expect(get=owned(200), post=owned(422), kwargs=_obstacle),
    "goals:obstacle-delete": Expect(get=owned(200), post=owned(422), kwargs=_obstacle),
    "goals:resource-create": Expect(get=owned(200), post=owned(422), kwargs=_goal),
    "goals:resource-edit": Expect(get=owned(200), post=owned(422), kwargs=_resource),
    "goals:resource-status": Expect(get=NO_GET, post=owned(422), kwargs=_resource),
    "goals:resource-delete": Expect(get=owned(200), post=owned(422), kwargs=_resource),
}
