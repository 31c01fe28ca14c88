"""The demo's meetings: a series between the demo planner and mentor, and a held one with notes."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.meetings.models import Meeting, MeetingNote, MeetingSeries

pytestmark = pytest.mark.django_db


def test_the_demo_mentor_and_planner_meet_every_two_weeks_and_have_met(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    series = MeetingSeries.objects.get()
    assert series.mentorship.mentor.email == "mentor@example.com"
    assert series.get_frequency_display() == "Every two weeks"
    held = Meeting.objects.get(starts_at__lt=timezone.now())
    assert MeetingNote.objects.filter(meeting=held).count() == 3

    client.force_login(User.objects.get(email="planner@example.com"))
    page = client.get(reverse("meetings:meeting", args=[held.public_id])).content.decode()
    assert "We agreed: Pat drafts" in page
    assert "Ask Morgan how they handled" in page
    assert "sounded unsure" not in page
