"""The Mentees page's meeting stall: no meeting held in twice the rhythm the two agreed.

Registered with `apps.mentorship.stalls` from this app's ready(), so mentorship never imports
meetings. A meeting counts as held once its start has passed (the product does not take
attendance); a mentorship without a regular rhythm has nothing to fall behind on.
"""

from datetime import UTC, datetime, timedelta

from django.db.models import Max, Q

from apps.accounts.models import User
from apps.core.dates import span_in_words
from apps.meetings.models import Frequency, MeetingSeries
from apps.mentorship.models import Mentorship
from apps.mentorship.stalls import Found, Stall

PERIOD_DAYS: dict[str, int] = {
    Frequency.WEEKLY: 7,
    Frequency.BIWEEKLY: 14,
    Frequency.MONTHLY: 30,
}


def meetings_missed(mentor: User, mentorships: list[Mentorship], now: datetime) -> Found:
    by_id = {m.pk: m for m in mentorships}
    # Each rhythm comes with the last meeting held (any meeting of the mentorship, in or out of
    # the rhythm), in one query.
    held_before = Q(mentorship__meetings__starts_at__lt=now)
    series = list(
        MeetingSeries.objects.filter(mentorship__in=list(by_id))
        .only("mentorship", "frequency", "anchor")
        .annotate(last_held=Max("mentorship__meetings__starts_at", filter=held_before))
    )
    found: Found = {}
    for rhythm in series:
        mentorship = by_id[rhythm.mentorship_id]
        period = timedelta(days=PERIOD_DAYS.get(rhythm.frequency, 7))
        # Before the first meeting of the rhythm there is nothing to have missed.
        first = datetime.combine(rhythm.anchor, datetime.min.time(), tzinfo=UTC)
        since = rhythm.last_held or max(mentorship.started_at, first)
        if now - since > 2 * period:
            label = Frequency(rhythm.frequency).label.lower()
            what = "No meeting" if rhythm.last_held else "No meeting yet"
            gap = span_in_words(max((now - since).days, 1))
            reason = f"{what} for {gap} — you agreed to meet {label}"
            found[mentorship.planner_id] = [Stall("meetings", reason)]
    return found
