"""`running_mentorships`: the Mentees page's mentorships with their planners, this week's
nudge and the check-in facts in one plain-SQL query; it must read what the ORM's query of the
mentor's running mentorships reads."""

from datetime import timedelta

import pytest
from django.db.models import Case, Max, OuterRef, Subquery, When
from django.utils import timezone

from apps.checkins.models import CheckIn, CheckinSchedule, Frequency
from apps.checkins.services.schedules import schedule_for
from apps.core.scope import request_scope
from apps.mentorship.mentee_facts import checkin_facts, running_mentorships
from apps.mentorship.models import NUDGE_INTERVAL, Mentorship, Nudge
from apps.mentorship.readers import reach_of
from tests.factories import MentorshipFactory, UserFactory

pytestmark = pytest.mark.django_db

FIELDS = ("public_id", "planner__display_name", "planner__email", "started_at")
SHARES = ("share_vision", "share_checkins", "all_goals")


def _orm_running(mentor, nudged_after) -> list[Mentorship]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    nudged = Nudge.objects.filter(mentorship=OuterRef("pk"), sent_at__gt=nudged_after)
    last = (
        CheckIn.objects.visible_to(mentor)
        .filter(owner=OuterRef("planner"))
        .order_by()
        .values("owner")
        .annotate(last=Max("completed_at"))
        .values("last")
    )
    schedule = CheckinSchedule.objects.filter(owner=OuterRef("planner"), paused=False)
    rhythm = Case(When(share_checkins=True, then=Subquery(schedule.values("frequency"))))
    return list(
        Mentorship.objects.filter(pk__in=reach_of(mentor).mentorships)
        .select_related("planner")
        .order_by("-started_at", "-id")
        .only(*FIELDS, *SHARES)
        .annotate(
            last_nudge=Subquery(nudged.values("sent_at")[:1]),
            last_checkin=Subquery(last),
            checkin_rhythm=rhythm,
        )
    )


def _read(mentorships: list[Mentorship]) -> list[tuple]:
    return [
        (
            m.pk,
            m.pid,
            m.planner_id,
            m.started_at,
            *(getattr(m, share) for share in SHARES),
            m.planner.pk,
            m.planner.get_full_name(),
            m.planner.email,
            m.last_nudge,  # type: ignore[attr-defined]
            m.last_checkin,  # type: ignore[attr-defined]
            m.checkin_rhythm,  # type: ignore[attr-defined]
            m.get_deferred_fields(),
            m.planner.get_deferred_fields(),
        )
        for m in mentorships
    ]


def _checkin(owner, days_ago: int, *, completed: bool = True) -> None:
    at = timezone.now() - timedelta(days=days_ago)
    CheckIn.objects.create(owner=owner, completed_at=at if completed else None)


def _schedule(owner, *, paused: bool = False) -> None:
    schedule = schedule_for(user=owner)
    schedule.frequency, schedule.paused = Frequency.MONTHLY, paused
    schedule.save()


def test_the_read_mentorships_match_the_orms(bob, dora):
    mentor, now = bob, timezone.now()
    sharing, unshared, paused, quiet, nudged, ended, over = (UserFactory() for _ in range(7))
    ago = [now - timedelta(days=days) for days in range(30)]
    ships = {
        sharing: MentorshipFactory(planner=sharing, mentor=mentor, share_checkins=True),
        unshared: MentorshipFactory(planner=unshared, mentor=mentor, started_at=ago[3]),
        paused: MentorshipFactory(planner=paused, mentor=mentor, share_checkins=True),
        quiet: MentorshipFactory(planner=quiet, mentor=mentor, share_vision=True, all_goals=True),
        nudged: MentorshipFactory(planner=nudged, mentor=mentor, started_at=ago[20]),
        ended: MentorshipFactory(planner=ended, mentor=mentor, ended_at=now, share_checkins=True),
        over: MentorshipFactory(
            planner=over, mentor=mentor, end_date=timezone.localdate() - timedelta(days=1)
        ),
    }
    # Someone else mentors the sharing planner too, and mentors the mentor.
    theirs = MentorshipFactory(planner=sharing, mentor=dora, share_checkins=True)
    MentorshipFactory(planner=mentor, mentor=dora, share_checkins=True)
    for planner in (sharing, unshared, paused, ended, mentor):
        _checkin(planner, 12)
        _checkin(planner, 2, completed=False)  # a draft is never read
        _schedule(planner, paused=planner == paused)
    _checkin(sharing, 5)
    for days in (9, 5, 2):
        Nudge.objects.create(mentorship=ships[nudged], sent_at=ago[days])
    Nudge.objects.create(mentorship=ships[quiet], sent_at=ago[10])
    Nudge.objects.create(mentorship=theirs, sent_at=ago[1])

    for reader in (mentor, dora, sharing, UserFactory()):
        after = now - NUDGE_INTERVAL
        assert _read(running_mentorships(reader, after)) == _read(_orm_running(reader, after))
    read = {m.planner_id: m for m in running_mentorships(mentor, now - NUDGE_INTERVAL)}
    assert set(read) == {sharing.pk, unshared.pk, paused.pk, quiet.pk, nudged.pk}
    assert read[nudged.pk].last_nudge == ago[2]  # type: ignore[attr-defined]
    assert read[quiet.pk].last_nudge is None  # type: ignore[attr-defined]
    assert read[sharing.pk].checkin_rhythm == Frequency.MONTHLY  # type: ignore[attr-defined]
    assert read[paused.pk].checkin_rhythm is None  # type: ignore[attr-defined]
    assert read[unshared.pk].last_checkin is None  # type: ignore[attr-defined]


def test_the_check_in_stall_reads_the_facts_the_mentorships_came_with(
    bob, django_assert_num_queries
):
    planner = UserFactory()
    MentorshipFactory(planner=planner, mentor=bob, share_checkins=True)
    _checkin(planner, 3)
    _schedule(planner)
    with request_scope():
        mentorships = running_mentorships(bob, timezone.now() - NUDGE_INTERVAL)
        with django_assert_num_queries(0):
            facts = checkin_facts(bob, mentorships)
    assert facts[planner.pk] == (mentorships[0].last_checkin, Frequency.MONTHLY)  # type: ignore[attr-defined]
