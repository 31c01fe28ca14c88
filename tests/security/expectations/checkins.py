"""Who may use the check-in URLs. The pause link is a capability: its signed, dated token
(holding the planner's random pause key, not their id) is the credential, so everyone who holds
it gets the same answer."""

from apps.checkins.access import draft_of, notifications_of, schedule_of
from apps.checkins.models import CheckIn
from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.checkins.services.pause_links import pause_token, read_pause_token
from apps.checkins.services.schedules import schedule_save
from tests.security.access import Expect, Valid, everyone, owned, shared, signed_in

SCHEDULE = {
    "frequency": "monthly",
    "weekday": "2",
    "day_of_month": "15",
    "local_time": "07:45",
    "timezone": "Europe/Paris",
    "milestone_reminders": "on",
}


def _scheduled(cast, kw) -> bool:
    schedule = schedule_of(cast["owner"])
    prefs = notifications_of(cast["owner"])
    return (
        schedule is not None
        and (schedule.frequency, schedule.day_of_month, schedule.timezone)
        == ("monthly", 15, "Europe/Paris")
        and prefs is not None
        and prefs.milestone_reminders
    )


def _pause_kwargs(cast):
    # Something to pause: the owner's weekly reminders.
    schedule_save(user=cast["owner"], frequency="weekly", timezone="UTC")
    return {"token": pause_token(user=cast["owner"])}


def _paused(cast, kw) -> bool:
    schedule = schedule_of(cast["owner"])
    return schedule is not None and schedule.paused and schedule.next_due_at is None


def _old_pause_link(cast, kw):
    cast["old_pause_token"] = pause_token(user=cast["owner"])
    return {}


def _old_link_revoked(cast, kw) -> bool:
    return read_pause_token(token=cast["old_pause_token"]).user is None


def _draft(cast):
    return {"public_id": checkin_start(user=cast["owner"]).public_id}


def _done(cast):
    return {"public_id": checkin_complete(checkin=checkin_start(user=cast["owner"])).public_id}


def _completed(cast, kw) -> bool:
    checkin = CheckIn.objects.get(public_id=kw["public_id"])
    answers = (checkin.went_well, checkin.confidence)
    return checkin.completed_at is not None and answers == ("Shipped the release", 4)


EXPECTATIONS = {
    # An empty POST is an invalid schedule: the form comes back with its errors.
    "checkins:schedule": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(data=lambda cast, kw: SCHEDULE, check=_scheduled),
    ),
    # The pause form sends nothing but its (token-bearing) address, and answers on the page.
    "checkins:pause": Expect(
        get=everyone(200),
        post=everyone(200),
        kwargs=_pause_kwargs,
        valid=Valid(data=lambda cast, kw: {}, check=_paused, status=200),
    ),
    # Each planner revokes their own pause links; there is nothing else to revoke.
    "checkins:pause-links-reset": Expect(
        get=signed_in(405),
        post=signed_in(302),
        htmx_post=signed_in(200),
        valid=Valid(data=_old_pause_link, check=_old_link_revoked),
    ),
    "checkins:history": Expect(get=signed_in(200), post=everyone(405)),
    # Opening the page only reads; posting it (no fields) starts or resumes the draft and
    # redirects to the review.
    "checkins:start": Expect(
        get=signed_in(200),
        post=signed_in(302),
        valid=Valid(
            data=lambda cast, kw: {}, check=lambda cast, kw: draft_of(cast["owner"]) is not None
        ),
    ),
    # An empty POST saves an empty draft (every field is optional) and comes back.
    "checkins:review": Expect(
        get=owned(200),
        post=owned(302),
        htmx_post=owned(200),
        kwargs=_draft,
        valid=Valid(
            data=lambda cast, kw: {
                "went_well": "Shipped the release",
                "confidence": "4",
                "complete": "1",
            },
            check=_completed,
        ),
    ),
    # Check-in summaries are shared with a mentor who has share_checkins (bob).
    "checkins:detail": Expect(get=shared(200), post=everyone(405), kwargs=_done),
}
