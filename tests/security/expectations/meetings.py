"""Who may use the meeting URLs. A mentorship's meetings belong to both of its people while it
runs (the owner, alice, and her mentor bob here); erin's mentorship of alice is another one,
so its meetings are not hers; after the end (dora) and to everyone else they are a 404. The
stop link is a capability like the reminder pause link: its signed token is the credential."""

from apps.meetings.models import AgendaItem, Meeting, MeetingMail, MeetingNote, MeetingSeries
from apps.meetings.services.schedule import series_save
from apps.meetings.services.stop_links import stop_token
from tests.factories import MeetingFactory
from tests.security.access import Expect, Valid, everyone, shared, signed_in

PARTIES = shared(200)


def _mentorship(cast: dict) -> dict:
    return {"public_id": cast["mentorship"].public_id}


def _meeting(cast: dict) -> dict:
    return {"public_id": MeetingFactory(mentorship=cast["mentorship"]).public_id}


def _with_series(cast: dict, kw: dict) -> dict:
    from datetime import time

    series_save(
        mentorship=cast["mentorship"],
        by=cast["owner"],
        frequency="weekly",
        local_time=time(9, 0),
        timezone="Europe/Berlin",
    )
    return {}


def _reminders_of(cast: dict) -> bool | None:
    prefs = MeetingMail.objects.filter(owner=cast["owner"]).first()
    return prefs.reminders if prefs else None


SERIES = {
    "frequency": "biweekly",
    "weekday": "2",
    "day_of_month": "1",
    "local_time": "17:30",
    "duration": "45",
    "timezone": "America/New_York",
}


def _one_off(cast: dict, kw: dict) -> dict:
    from datetime import date, timedelta

    day = (date.today() + timedelta(days=10)).isoformat()
    return {"day": day, "local_time": "09:00", "duration": "30", "timezone": "Asia/Kolkata"}


EXPECTATIONS = {
    "meetings:list": Expect(get=PARTIES, post=signed_in(405), kwargs=_mentorship),
    # An empty rhythm is an invalid one: the page comes back with the errors at the fields.
    "meetings:series": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: SERIES,
            check=lambda cast, kw: (
                MeetingSeries.objects.filter(
                    mentorship=cast["mentorship"], timezone="America/New_York", weekday=2
                ).exists()
                and Meeting.objects.filter(mentorship=cast["mentorship"]).count() == 4
            ),
        ),
    ),
    "meetings:series-stop": Expect(
        get=signed_in(405),
        post=shared(302),
        htmx_post=shared(200),
        kwargs=_mentorship,
        valid=Valid(
            data=_with_series,
            check=lambda cast, kw: (
                not MeetingSeries.objects.filter(mentorship=cast["mentorship"]).exists()
            ),
        ),
    ),
    "meetings:one-off": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_mentorship,
        valid=Valid(
            data=_one_off,
            check=lambda cast, kw: Meeting.objects.filter(
                mentorship=cast["mentorship"], timezone="Asia/Kolkata", series=None
            ).exists(),
        ),
    ),
    # An empty form switches reminders off (an unticked box sends nothing).
    "meetings:reminders": Expect(
        get=signed_in(405),
        post=shared(302),
        htmx_post=shared(200),
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: {"reminders": "on"},
            check=lambda cast, kw: _reminders_of(cast) is True,
        ),
    ),
    "meetings:stop": Expect(
        get=everyone(200),
        post=everyone(200),
        kwargs=lambda cast: {"token": stop_token(user=cast["owner"])},
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: _reminders_of(cast) is False,
            status=200,
        ),
    ),
    "meetings:meeting": Expect(get=PARTIES, post=signed_in(405), kwargs=_meeting),
    "meetings:agenda-add": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_meeting,
        valid=Valid(
            data=lambda cast, kw: {"body": "How to ask for the lead role"},
            check=lambda cast, kw: AgendaItem.objects.filter(
                meeting__public_id=kw["public_id"], author=cast["owner"]
            ).exists(),
        ),
    ),
    "meetings:note-add": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_meeting,
        valid=Valid(
            data=lambda cast, kw: {"body": "Agreed: draft the pitch", "visibility": "private"},
            check=lambda cast, kw: MeetingNote.objects.filter(
                meeting__public_id=kw["public_id"], note_of=cast["owner"], shared=False
            ).exists(),
        ),
    ),
}
