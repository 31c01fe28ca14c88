"""Who may use the goals URLs. A bare POST changes nothing: forms answer 422, deletes need the
confirmation their button sends. A valid POST by the owner does its job (`valid`)."""

from apps.goals.models import Goal, Obstacle, Resource
from tests.factories import GoalFactory, ObstacleFactory, ResourceFactory
from tests.security.access import Expect, Valid, owned, signed_in


def _goal(cast: dict) -> dict:
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _obstacle(cast: dict) -> dict:
    return {"public_id": ObstacleFactory(goal__owner=cast["owner"]).public_id}


def _resource(cast: dict) -> dict:
    return {"public_id": ResourceFactory(goal__owner=cast["owner"]).public_id}


# What the goal form sends for a goal worth saving.
GOAL_FORM = {
    "title": "Lead the platform team",
    "goal_type": "position",
    "measure_kind": "milestones",
    "horizon": "short",
    "important": "on",
}
OBSTACLE_FORM = {"kind": "external", "description": "A reorganisation", "strategy": "Ask early"}
RESOURCE_FORM = {"kind": "book", "title": "The manager's path", "url": "", "status": "todo"}

# The method check comes before the lookup: a GET is refused for everyone signed in.
NO_GET = signed_in(405)

EXPECTATIONS = {
    "goals:list": Expect(get=signed_in(200), post=signed_in(405)),
    # An empty draft is still a draft: the check answers with every criterion missing. It only
    # reads: a full draft is rated, and nothing is saved.
    "goals:smart-check": Expect(
        get=signed_in(405),
        post=signed_in(200),
        valid=Valid(
            data=lambda cast, kw: GOAL_FORM,
            check=lambda cast, kw: not Goal.objects.filter(title=GOAL_FORM["title"]).exists(),
            status=200,
        ),
    ),
    "goals:edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {**GOAL_FORM, "reason": "A clearer name"},
            check=lambda cast, kw: Goal.objects.get(**kw).title == GOAL_FORM["title"],
        ),
    ),
    "goals:obstacle-create": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: OBSTACLE_FORM,
            check=lambda cast, kw: Obstacle.objects.filter(
                goal__public_id=kw["public_id"], description="A reorganisation"
            ).exists(),
        ),
    ),
    "goals:obstacle-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_obstacle,
        valid=Valid(
            data=lambda cast, kw: OBSTACLE_FORM,
            check=lambda cast, kw: Obstacle.objects.get(**kw).description == "A reorganisation",
        ),
    ),
    "goals:obstacle-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_obstacle,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: not Obstacle.objects.filter(**kw).exists(),
        ),
    ),
    "goals:resource-create": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: RESOURCE_FORM,
            check=lambda cast, kw: Resource.objects.filter(
                goal__public_id=kw["public_id"], title=RESOURCE_FORM["title"]
            ).exists(),
        ),
    ),
    "goals:resource-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_resource,
        valid=Valid(
            data=lambda cast, kw: RESOURCE_FORM,
            check=lambda cast, kw: Resource.objects.get(**kw).title == RESOURCE_FORM["title"],
        ),
    ),
    "goals:resource-status": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_resource,
        valid=Valid(
            data=lambda cast, kw: {"status": "done"},
            check=lambda cast, kw: Resource.objects.get(**kw).status == "done",
        ),
    ),
    "goals:resource-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_resource,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: not Resource.objects.filter(**kw).exists(),
        ),
    ),
}
