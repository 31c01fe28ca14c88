"""Download my data holds the planner's meetings and their place in the mentor directory,
with none of the other person's private words and nothing of another account."""

import json
from datetime import date, time

import pytest
from django.utils import timezone

from apps.directory.models import MentorProfile, MentorRequest, RequestStatus
from apps.meetings.models import AgendaItem, MeetingNote, MeetingSeries
from apps.portability.document import build, validator
from tests.factories import MeetingFactory, MentorshipFactory


@pytest.fixture
def records(alice, bob, charlie):
    """Alice, planner of an ended mentorship with Bob, met him; Bob also mentors Charlie."""
    mentorship = MentorshipFactory(planner=alice, mentor=bob, ended_at=timezone.now())
    MeetingSeries.objects.create(
        mentorship=mentorship,
        frequency="biweekly",
        weekday=2,
        local_time=time(9, 30),
        timezone="Europe/Berlin",
        anchor=date(2026, 1, 7),
        set_by=bob,
    )
    meeting = MeetingFactory(mentorship=mentorship)
    AgendaItem.objects.create(meeting=meeting, author=alice, body="Alice: my promotion case")
    AgendaItem.objects.create(meeting=meeting, author=bob, body="Bob: the team offsite")
    MeetingNote.objects.create(meeting=meeting, author=bob, body="Bob's summary for both")
    MeetingNote.objects.create(
        meeting=meeting, author=alice, note_of=alice, shared=False, body="Alice's own reminder"
    )
    MeetingNote.objects.create(
        meeting=meeting, author=bob, note_of=bob, shared=False, body="Bob's private worry"
    )
    MentorProfile.objects.create(
        user=alice, headline="Alice helps new leads", areas=["leadership"], capacity=3
    )
    MentorRequest.objects.create(
        planner=alice,
        mentor=bob,
        message="Alice asks Bob",
        status=RequestStatus.DECLINED,
        answered_at=timezone.now(),
        note="Bob says no room",
    )
    MentorRequest.objects.create(planner=charlie, mentor=alice, message="Charlie asks Alice")
    charlies = MentorshipFactory(planner=charlie, mentor=bob)
    other = MeetingFactory(mentorship=charlies)
    AgendaItem.objects.create(meeting=other, author=charlie, body="Charlie's agenda")
    return meeting


def test_the_export_holds_the_planners_meetings(alice, records):
    document = build(alice)
    assert list(validator().iter_errors(document)) == []
    (series,) = document["meetings"]["series"]
    assert (series["frequency"], series["weekday"], series["local_time"]) == (
        "biweekly",
        2,
        "09:30:00",
    )
    (meeting,) = document["meetings"]["meetings"]
    assert meeting["starts_at"] == records.starts_at.isoformat()
    assert meeting["mentorship"] == series["mentorship"]
    assert [(a["author"], a["body"]) for a in meeting["agenda"]] == [
        ("You", "Alice: my promotion case"),
        ("Bob", "Bob: the team offsite"),
    ]
    assert [(n["author"], n["shared"], n["body"]) for n in meeting["notes"]] == [
        ("Bob", True, "Bob's summary for both"),
        ("You", False, "Alice's own reminder"),
    ]


def test_the_other_persons_private_meeting_note_is_never_exported(alice, bob, records):
    assert "Bob's private worry" not in json.dumps(build(alice))
    # Bob is the mentor there: the meetings are in Alice's export, not in his.
    bobs = build(bob)
    assert bobs["meetings"] == {"series": [], "meetings": []}
    assert "Bob's private worry" not in json.dumps(bobs)


def test_the_export_holds_the_planners_place_in_the_directory(alice, records):
    directory = build(alice)["directory"]
    profile = directory["mentor_profile"]
    assert (profile["headline"], profile["areas"], profile["capacity"], profile["listed"]) == (
        "Alice helps new leads",
        ["leadership"],
        3,
        True,
    )
    (sent,) = directory["requests_sent"]
    assert (sent["mentor"], sent["status"], sent["message"]) == (
        "Bob",
        "declined",
        "Alice asks Bob",
    )
    assert sent["answered_at"] is not None
    (received,) = directory["requests_received"]
    assert (received["planner"], received["status"]) == ("Charlie", "open")
    text = json.dumps(directory)
    # Only the words Alice wrote: not Bob's answer, not Charlie's message.
    assert "Bob says no room" not in text
    assert "Charlie asks Alice" not in text
    assert "@example.com" not in text


def test_a_second_users_export_holds_nothing_of_the_first(alice, charlie, records):
    charlies = build(charlie)
    assert list(validator().iter_errors(charlies)) == []
    text = json.dumps(charlies)
    for words in ("Alice:", "Alice's own reminder", "Bob's summary", "Alice helps", "Alice asks"):
        assert words not in text
    assert str(records.public_id) not in text
    assert charlies["directory"]["mentor_profile"] is None
    (meeting,) = charlies["meetings"]["meetings"]
    assert [a["body"] for a in meeting["agenda"]] == ["Charlie's agenda"]
    # Charlie's request to Alice is his; he sees Alice by name only.
    (sent,) = charlies["directory"]["requests_sent"]
    assert (sent["mentor"], sent["message"]) == ("Alice", "Charlie asks Alice")


def test_a_mentor_without_a_name_is_never_named_by_their_address(alice, bob, records):
    bob.display_name = ""
    bob.save(update_fields=["display_name"])
    text = json.dumps(build(alice), default=str)
    assert bob.email not in text
    assert "Someone without a display name" in text
