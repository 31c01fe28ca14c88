"""The matrix, the timeline and the calendar: the planner's own pages, plus the feed, whose
secret token is the credential (calendar apps cannot sign in), so anyone holding it may read."""

from apps.goals.services import calendar_feed_for
from tests.factories import GoalFactory
from tests.security.access import Expect, everyone, owned, signed_in


def _owners_goal(cast: dict) -> dict:
    return {"public_id": GoalFactory(owner=cast["owner"]).public_id}


def _owners_feed(cast: dict) -> dict:
    return {"token": calendar_feed_for(user=cast["owner"]).token}


EXPECTATIONS = {
    "plan:matrix": Expect(get=signed_in(200), post=signed_in(405)),
    # An empty POST names no goal and no quadrant: the matrix comes back with the error.
    "plan:reorder": Expect(get=signed_in(405), post=signed_in(422)),
    "plan:move": Expect(get=signed_in(405), post=owned(422), kwargs=_owners_goal),
    "plan:timeline": Expect(get=signed_in(200), post=signed_in(405)),
    "plan:calendar": Expect(get=signed_in(200), post=signed_in(405)),
    # Each person resets their own feed; there is nothing else to reset.
    "plan:calendar-reset": Expect(get=signed_in(405), post=signed_in(302)),
    "plan:feed": Expect(get=everyone(200), post=everyone(405), kwargs=_owners_feed),
}
