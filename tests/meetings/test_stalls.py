"""The Mentees page flags a mentee with whom no meeting was held in twice the agreed rhythm."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.meetings.models import Meeting, MeetingSeries

pytestmark = pytest.mark.django_db


def _mentees(client) -> str:
    return client.get(reverse("mentorship:mentees")).content.decode()


def _every_two_weeks(mentorship, weeks_ago: int) -> MeetingSeries:
    start = timezone.now() - timedelta(weeks=weeks_ago)
    mentorship.started_at = start
    mentorship.save(update_fields=["started_at"])
    return MeetingSeries.objects.create(
        mentorship=mentorship, frequency="biweekly", timezone="Europe/Berlin", anchor=start.date()
    )


def _meeting(mentorship, days_ago: int) -> Meeting:
    return Meeting.objects.create(
        mentorship=mentorship,
        starts_at=timezone.now() - timedelta(days=days_ago),
        timezone="Europe/Berlin",
    )


def test_no_meeting_in_twice_the_rhythm_is_flagged_with_the_reason(bob_client, mentorship):
    _every_two_weeks(mentorship, weeks_ago=10)
    _meeting(mentorship, days_ago=35)
    page = _mentees(bob_client)
    assert "May be stalled" in page
    assert "No meeting for 5 weeks — you agreed to meet every two weeks" in page


def test_a_recent_meeting_keeps_the_mentee_off_the_list(bob_client, mentorship):
    _every_two_weeks(mentorship, weeks_ago=10)
    _meeting(mentorship, days_ago=35)
    _meeting(mentorship, days_ago=6)
    assert "No meeting" not in _mentees(bob_client)


def test_a_rhythm_that_never_met_counts_from_its_start(bob_client, mentorship):
    _every_two_weeks(mentorship, weeks_ago=6)
    assert "No meeting yet for 6 weeks" in _mentees(bob_client)


def test_without_a_rhythm_nothing_is_said_of_meetings(bob_client, mentorship):
    mentorship.started_at = timezone.now() - timedelta(weeks=20)
    mentorship.save(update_fields=["started_at"])
    assert "No meeting" not in _mentees(bob_client)
