"""Who may use a mentorship's rhythm: the nudge is the running mentor's alone (the planner,
strangers and an ended mentor get a 404); a deadline request is proposed and decided by the
planner only, and commented on only by a mentor whose running share covers its goal. No
mentor path changes a date: deciding is a 404 for every mentor."""

from datetime import timedelta

from django.utils import timezone

from apps.goals.models import Goal
from apps.mentorship.models import DeadlineRequest, DeadlineRequestStatus, Nudge
from apps.mentorship.services import deadlines
from tests.factories import GoalFactory
from tests.security.access import Expect, Valid, owned, signed_in

NEW_DATE = timezone.localdate() + timedelta(days=200)


def _mentorship(cast: dict) -> dict:
    return {"public_id": cast["mentorship"].public_id}


def _goal(cast: dict) -> dict:
    return {"public_id": GoalFactory(owner=cast["owner"], title="Needs more time").public_id}


def _open_request(cast: dict) -> dict:
    goal = GoalFactory(owner=cast["owner"], title="Asked about")
    request = deadlines.deadline_request_propose(
        by=cast["owner"], goal=goal, milestone=None, proposed_date=NEW_DATE, reason="A new baby"
    )
    return {"public_id": request.public_id}


def _request(kw: dict) -> DeadlineRequest:
    return DeadlineRequest.objects.select_related("goal").get(public_id=kw["public_id"])


MENTOR_ONLY = {**owned(404), "owner": 404, "mentor": 302}

EXPECTATIONS = {
    # An empty nudge is a valid one (the words are optional). The harness posts twice, the
    # HTMX one second: a second nudge in the same week is refused with a 429 that says when.
    "mentorship:nudge": Expect(
        get=signed_in(405),
        post=MENTOR_ONLY,
        htmx_post={**MENTOR_ONLY, "mentor": 429},
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: {"message": "How is the course going?"},
            check=lambda cast, kw: Nudge.objects.filter(
                mentorship=cast["mentorship"], message="How is the course going?"
            ).exists(),
            by="mentor",
        ),
    ),
    "mentorship:deadline-propose": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_goal,
        valid=Valid(
            data=lambda cast, kw: {
                "about": "goal",
                "proposed_date": NEW_DATE.isoformat(),
                "reason": "The exam moved to spring",
            },
            check=lambda cast, kw: DeadlineRequest.objects.filter(
                goal__public_id=kw["public_id"], proposed_date=NEW_DATE, status="open"
            ).exists(),
        ),
    ),
    "mentorship:deadline-comment": Expect(
        get=signed_in(405),
        post={**owned(404), "owner": 404, "mentor": 422},
        kwargs=_open_request,
        valid=Valid(
            data=lambda cast, kw: {"body": "Spring sounds realistic."},
            check=lambda cast, kw: _request(kw).mentor_comment == "Spring sounds realistic.",
            by="mentor",
        ),
    ),
    "mentorship:deadline-decide": Expect(
        get=signed_in(405),
        post=owned(422),
        kwargs=_open_request,
        valid=Valid(
            data=lambda cast, kw: {"decision": "accept"},
            check=lambda cast, kw: (
                _request(kw).status == DeadlineRequestStatus.ACCEPTED
                and Goal.objects.get(pk=_request(kw).goal_id).target_date == NEW_DATE
            ),
        ),
    ),
}
