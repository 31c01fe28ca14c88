"""The planner's private calendar feed (iCalendar): goal target dates and milestone due dates of
their open goals, as all-day events that calendar apps subscribe to."""

import uuid
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from icalendar import Calendar, Event

from apps.accounts.models import User
from apps.goals.models import Goal
from apps.milestones.models import Milestone
from apps.plan.feed_events import extra_events

PRODID = "-//careerplan//private calendar//EN"
# Calendar apps poll on their own schedule; this asks for a few times a day.
REFRESH = timedelta(hours=6)


def _goal_link(goal: Goal) -> str:
    """The goal's page on the site, as a full address for calendar apps."""
    return settings.SITE_URL + reverse("plan:goal", kwargs={"public_id": goal.public_id})


def _uid(kind: str, public_id: uuid.UUID) -> str:
    # Stable across fetches and resets, so calendar apps update events instead of duplicating.
    host = urlsplit(settings.SITE_URL).hostname or "careerplan"
    return f"{kind}-{public_id}@{host}"


def _day_after(day: date) -> date | None:
    # An all-day event without an end lasts one day (RFC 5545), which is all the last
    # representable date can have.
    return day + timedelta(days=1) if day < date.max else None


def _goal_event(goal: Goal, day: date) -> Event:
    link = _goal_link(goal)
    return Event.new(
        uid=_uid("goal", goal.public_id),
        start=day,
        end=_day_after(day),
        stamp=goal.updated_at,
        summary=f"Target date: {goal.title}",
        description=f"The day you set to reach this goal.\n\n{link}",
        url=link,
    )


def _milestone_event(milestone: Milestone, goal: Goal, day: date) -> Event:
    link = _goal_link(goal)
    return Event.new(
        uid=_uid("milestone", milestone.public_id),
        start=day,
        end=_day_after(day),
        stamp=milestone.updated_at,
        summary=f"Milestone: {milestone.title}",
        description=f"A milestone of your goal “{goal.title}”.\n\n{link}",
        url=link,
    )


def events_for(owner: User) -> list[Event]:
    """`owner`'s open goals and the milestones still to reach (two queries), and the events
    registered apps add for them."""
    milestones = Milestone.objects.open().exclude(due_date=None).order_by("due_date")
    goals = (
        Goal.objects.editable_by(owner)
        .open()
        .in_order()
        .prefetch_related(Prefetch("milestones", queryset=milestones))
    )
    events = []
    for goal in goals:
        if goal.target_date:
            events.append(_goal_event(goal, goal.target_date))
        events += [
            _milestone_event(m, goal, m.due_date) for m in goal.milestones.all() if m.due_date
        ]
    # What the apps above add (meetings), one query each whatever their number.
    return events + extra_events(owner)


def feed_for(owner: User) -> bytes:
    calendar = Calendar.new(
        prodid=PRODID,
        uid=uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/calendar/{owner.pk}"),
        name="careerplan",
        description="Your goal deadlines, milestones and meetings from careerplan.",
        refresh_interval=REFRESH,
        subcomponents=events_for(owner),
    )
    # RFC 7986 §5.7 requires the value type on this property; clients may ignore it otherwise.
    calendar["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    return calendar.to_ical()
