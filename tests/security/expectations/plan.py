"""Who may use the goal page, goal creation, the matrix, the roadmap and the calendar: the
planner's own pages, plus the feed, whose secret token is the credential (calendar apps cannot
sign in), so anyone holding it may read. A valid POST by the owner does its job (`valid`)."""

from apps.goals.models import CalendarFeed, Goal
from apps.goals.services import calendar_feed_for
from tests.factories import GoalFactory
from tests.security.access import Expect, Valid, everyone, owned, shared, signed_in
from tests.security.expectations.goals import GOAL_FORM, NO_GET


def _goal(cast: dict) -> dict:
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _number_goal(cast: dict) -> dict:
    goal = GoalFactory(
        owner=cast["owner"], measure_kind="number", baseline=0, target_value=10, current_value=1
    )
    return {"public_id": goal.public_id}


def _owners_feed(cast: dict) -> dict:
    return {"token": calendar_feed_for(user=cast["owner"]).token}


def _is_do_first(goal: Goal) -> bool:
    return goal.urgent and goal.important


def _drop(cast: dict, kw: dict) -> dict:
    """A drag of one of the owner's goals (important, not urgent) into "Do first"."""
    goal = GoalFactory(owner=cast["owner"], title="Dragged", urgent=False, important=True)
    return {"goal": str(goal.public_id), "quadrant": "do_first", "order": [str(goal.public_id)]}


def _reset(cast: dict, kw: dict) -> dict:
    cast["old_token"] = calendar_feed_for(user=cast["owner"]).token
    return {}


EXPECTATIONS = {
    # A mentor whose share covers the goal reads it (read-only); every write stays a 404.
    "plan:goal": Expect(get=shared(200), post=signed_in(405), kwargs=_goal),
    "plan:goal-create": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: GOAL_FORM,
            check=lambda cast, kw: Goal.objects.filter(
                owner=cast["owner"], title=GOAL_FORM["title"]
            ).exists(),
        ),
    ),
    "plan:goal-status": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {"status": "on_hold"},
            check=lambda cast, kw: Goal.objects.get(**kw).status == "on_hold",
        ),
    ),
    "plan:goal-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: not Goal.objects.filter(**kw).exists(),
        ),
    ),
    # An empty POST lacks the number: the form comes back with its error.
    "plan:goal-progress": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_number_goal,
        valid=Valid(
            data=lambda cast, kw: {"value": "4", "note": "Two more chapters"},
            check=lambda cast, kw: Goal.objects.get(public_id=kw["public_id"]).current_value == 4,
        ),
    ),
    "plan:matrix": Expect(get=signed_in(200), post=signed_in(405)),
    # An empty POST names no goal and no quadrant: the matrix comes back with the error.
    "plan:reorder": Expect(
        get=signed_in(405),
        post=signed_in(422),
        valid=Valid(
            data=_drop,
            check=lambda cast, kw: _is_do_first(Goal.objects.get(title="Dragged")),
        ),
    ),
    "plan:move": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {"quadrant": "do_first"},
            check=lambda cast, kw: _is_do_first(Goal.objects.get(**kw)),
        ),
    ),
    "plan:timeline": Expect(get=signed_in(200), post=signed_in(405)),
    # Opening the page shows the address if there is one; the first POST creates it.
    "plan:calendar": Expect(
        get=signed_in(200),
        post=signed_in(302),
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: CalendarFeed.objects.filter(owner=cast["owner"]).exists(),
        ),
    ),
    # Each person resets their own feed; there is nothing else to reset.
    "plan:calendar-reset": Expect(
        get=signed_in(405),
        post=signed_in(302),
        valid=Valid(
            data=_reset,
            check=lambda cast, kw: (
                CalendarFeed.objects.get(owner=cast["owner"]).token != cast["old_token"]
            ),
        ),
    ),
    "plan:feed": Expect(get=everyone(200), post=everyone(405), kwargs=_owners_feed),
}
