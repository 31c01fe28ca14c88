"""The meeting pages: scheduling, each person's own time, the agenda, notes and their privacy."""

from datetime import date, timedelta

import pytest
import time_machine as tm
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from apps.checkins.models import CheckIn
from apps.goals.services import calendar_feed_for
from apps.meetings.models import AgendaItem, Meeting, MeetingMail, MeetingNote
from apps.meetings.services.notes import note_add
from apps.meetings.services.stop_links import STOP_SALT, stop_token
from apps.mentorship.services import mentorship_end
from tests.factories import (
    CommentFactory,
    GoalFactory,
    MeetingFactory,
    MentorshipFactory,
    MilestoneFactory,
)


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


def _as(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_the_mentor_sets_a_rhythm_and_each_sees_it_on_their_own_clock(
    client, alice, bob, mentorship
):
    bob.timezone = "America/New_York"
    bob.save()
    url = reverse("meetings:series", args=[mentorship.public_id])
    data = {
        "frequency": "biweekly",
        "weekday": "3",
        "local_time": "09:30",
        "duration": "45",
        "timezone": "america/new york",
    }
    response = _as(client, bob).post(url, data)
    assert response.status_code == 302
    meeting = Meeting.objects.order_by("starts_at").first()
    assert meeting.timezone == "America/New_York"
    assert Meeting.objects.count() == 4

    bobs = client.get(reverse("meetings:list", args=[mentorship.public_id])).content.decode()
    assert "09:30" in bobs
    # Alice in Berlin sees the same meeting at 15:30, and where it was set.
    alices = _as(client, alice).get(reverse("meetings:meeting", args=[meeting.public_id]))
    page = alices.content.decode()
    assert "15:30" in page
    assert "Set for 09:30 in America/New_York" in page
    # She was told, in the app (and by email).
    assert alice.notifications.filter(kind="meeting_set").count() == 1


@pytest.mark.django_db
def test_a_one_off_meeting_in_the_past_is_refused_at_the_field(alice_client, mentorship):
    url = reverse("meetings:one-off", args=[mentorship.public_id])
    data = {"day": "2020-01-01", "local_time": "10:00", "duration": "30", "timezone": "UTC"}
    response = alice_client.post(url, data)
    assert response.status_code == 422
    assert "Pick a time that is still to come." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_the_agenda_holds_what_is_shared_with_this_mentor_only(alice, bob, bob_client):
    shared_goal = GoalFactory(owner=alice, title="Lead a team")
    private_goal = GoalFactory(owner=alice, title="Secret plan")
    mentorship = MentorshipFactory(planner=alice, mentor=bob, goals=[shared_goal])
    meeting = MeetingFactory(mentorship=mentorship)
    soon = timezone.localdate() + timedelta(days=2)
    MilestoneFactory(goal=shared_goal, title="Talk to my manager", due_date=soon)
    MilestoneFactory(goal=shared_goal, title="Far away", due_date=soon + timedelta(days=60))
    MilestoneFactory(goal=private_goal, title="Hidden milestone", due_date=soon)
    CommentFactory(goal=shared_goal, body="Which course first?")
    CheckIn.objects.create(owner=alice, completed_at=timezone.now(), next_steps="Ask for feedback")

    page = bob_client.get(reverse("meetings:meeting", args=[meeting.public_id])).content.decode()
    assert "Talk to my manager" in page
    goal_page = reverse("plan:goal", args=[shared_goal.public_id])
    assert (
        f'<a href="{goal_page}">Talk to my manager</a> <small>(Lead a team)</small> — due '
        f'<time datetime="{soon.isoformat()}">{soon.day} {soon:%b %Y}</time>'
    ) in page
    assert "Far away" not in page
    assert "Hidden milestone" not in page
    assert f'<a href="{goal_page}#conversation">Which course first?</a>' in page
    assert "Ask for feedback" not in page
    assert "Check-ins are not shared" in page

    mentorship.share_checkins = True
    mentorship.save()
    page = bob_client.get(reverse("meetings:meeting", args=[meeting.public_id])).content.decode()
    assert "Ask for feedback" in page


@pytest.mark.django_db
def test_private_notes_stay_with_their_author(client, alice, bob, mentorship):
    meeting = MeetingFactory(mentorship=mentorship)
    note_add(meeting=meeting, by=alice, body="Alice keeps this to herself", shared=False)
    note_add(meeting=meeting, by=bob, body="Bob keeps this to himself", shared=False)
    note_add(meeting=meeting, by=bob, body="We agreed on a pitch", shared=True)
    url = reverse("meetings:meeting", args=[meeting.public_id])

    alices = _as(client, alice).get(url).content.decode()
    bobs = _as(client, bob).get(url).content.decode()

    assert "Alice keeps this to herself" in alices
    assert "Alice keeps this to herself" not in bobs
    assert "Bob keeps this to himself" in bobs
    assert "Bob keeps this to himself" not in alices
    assert "We agreed on a pitch" in alices
    assert "We agreed on a pitch" in bobs
    assert "Private note — only you see it" in alices


@pytest.mark.django_db
def test_adding_to_the_agenda_with_htmx_swaps_the_list_and_without_redirects(
    alice_client, mentorship
):
    meeting = MeetingFactory(mentorship=mentorship)
    url = reverse("meetings:agenda-add", args=[meeting.public_id])

    swapped = alice_client.post(url, {"body": "Salary talk"}, headers={"HX-Request": "true"})
    assert swapped.status_code == 200
    assert 'id="agenda-items"' in swapped.content.decode()
    assert "Salary talk" in swapped.content.decode()
    assert "<html" not in swapped.content.decode()

    plain = alice_client.post(url, {"body": "Next course"})
    assert plain.status_code == 302
    assert plain["Location"].endswith("#agenda")

    empty = alice_client.post(url, {"body": "  "}, headers={"HX-Request": "true"})
    assert empty.status_code == 422
    assert "This field is required." in empty.content.decode()
    assert AgendaItem.objects.count() == 2


# session, user, the meeting with its mentorship and people (its access check included), the
# shared check-in, the milestones, the open comments, the agenda items, the notes, the
# navigation's unread notifications, the viewer's running mentorships
MEETING_QUERIES = 10


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 30])
def test_the_meeting_page_has_a_pinned_query_count(
    size, alice, bob, bob_client, django_assert_num_queries
):
    goal = GoalFactory(owner=alice, title="Lead a team")
    mentorship = MentorshipFactory(planner=alice, mentor=bob, all_goals=True, share_checkins=True)
    meeting = MeetingFactory(mentorship=mentorship)
    CheckIn.objects.create(owner=alice, completed_at=timezone.now(), next_steps="Keep going")
    for n in range(size):
        MilestoneFactory(goal=goal, title=f"Milestone {n}", due_date=timezone.localdate())
        CommentFactory(goal=goal, body=f"Open question {n}")
        AgendaItem.objects.create(meeting=meeting, author=alice, body=f"Item {n}")
        note_add(meeting=meeting, by=bob, body=f"Note {n}", shared=n % 2 == 0)
    with django_assert_num_queries(MEETING_QUERIES):
        response = bob_client.get(reverse("meetings:meeting", args=[meeting.public_id]))
    page = response.content.decode()
    assert f"Milestone {size - 1}" in page
    assert f"Item {size - 1}" in page
    assert f"Open question {size - 1}" in page
    assert f"Note {size - 1}" in page


@pytest.mark.django_db
def test_meetings_are_in_both_calendar_feeds_until_the_mentorship_ends(client, alice, bob):
    mentorship = MentorshipFactory(planner=alice, mentor=bob)
    meeting = MeetingFactory(mentorship=mentorship)
    feeds = {user: calendar_feed_for(user=user) for user in (alice, bob)}

    def events(user):
        url = reverse("plan:feed", kwargs={"token": feeds[user].token})
        calendar = Calendar.from_ical(client.get(url).content)
        return {str(e["summary"]): e for e in calendar.walk("VEVENT")}

    alices, bobs = events(alice), events(bob)
    assert "Mentoring meeting with Bob" in alices
    assert "Mentoring meeting with Alice" in bobs
    event = alices["Mentoring meeting with Bob"]
    assert event.decoded("dtstart") == meeting.starts_at
    assert str(event["uid"]) == str(bobs["Mentoring meeting with Alice"]["uid"])

    mentorship_end(mentorship=mentorship, by=alice)
    assert not [s for s in events(alice) if s.startswith("Mentoring meeting")]


@pytest.mark.django_db
def test_the_stop_link_asks_on_get_and_stops_on_post(client, alice):
    url = reverse("meetings:stop", kwargs={"token": stop_token(user=alice)})
    assert "Stop meeting reminders?" in client.get(url).content.decode()
    assert MeetingMail.objects.get(owner=alice).reminders is True
    response = client.post(url)
    assert "Meeting reminders stopped" in response.content.decode()
    assert MeetingMail.objects.get(owner=alice).reminders is False


@pytest.mark.django_db
def test_an_old_or_forged_stop_link_changes_nothing(client, alice):
    with tm.travel(timezone.now() - timedelta(days=91)):
        old = stop_token(user=alice)
    response = client.post(reverse("meetings:stop", kwargs={"token": old}))
    assert response.status_code == 410
    forged = signing.dumps({"m": "guess"}, salt=STOP_SALT)
    assert client.post(reverse("meetings:stop", kwargs={"token": forged})).status_code == 410
    assert client.post(reverse("meetings:stop", kwargs={"token": "nonsense"})).status_code == 404
    assert MeetingMail.objects.get(owner=alice).reminders is True


@pytest.mark.django_db
def test_stopping_the_rhythm_keeps_meetings_with_an_agenda(alice, alice_client, mentorship):
    alice_client.post(
        reverse("meetings:series", args=[mentorship.public_id]),
        {
            "frequency": "weekly",
            "weekday": "0",
            "local_time": "08:00",
            "duration": "30",
            "timezone": "UTC",
        },
    )
    second = Meeting.objects.order_by("starts_at")[1]
    AgendaItem.objects.create(meeting=second, author=alice, body="Keep me")
    response = alice_client.post(reverse("meetings:series-stop", args=[mentorship.public_id]))
    assert response.status_code == 302
    assert list(Meeting.objects.all()) == [second]
    assert Meeting.objects.get().series is None
    assert date.today() < Meeting.objects.get().starts_at.date() + timedelta(days=30)
    assert MeetingNote.objects.count() == 0


@pytest.mark.django_db
def test_the_mentees_page_and_the_planners_mentorship_page_show_the_next_meeting(
    client, alice, bob, mentorship
):
    meeting = MeetingFactory(mentorship=mentorship)
    link = reverse("meetings:meeting", args=[meeting.public_id])
    assert link in _as(client, bob).get(reverse("mentorship:mentees")).content.decode()
    assert link in _as(client, alice).get(reverse("mentorship:home")).content.decode()
    manage = client.get(reverse("mentorship:manage", args=[mentorship.public_id]))
    assert link in manage.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 12])
def test_the_feed_reads_meetings_in_one_query_whatever_their_number(
    client, alice, bob, count, django_assert_num_queries
):
    mentorship = MentorshipFactory(planner=alice, mentor=bob)
    for n in range(count):
        MeetingFactory(mentorship=mentorship, starts_at=timezone.now() + timedelta(days=n + 1))
    token = calendar_feed_for(user=alice).token
    # the feed with its owner, goals (none, so no milestones), meetings; the rate limiter's
    # the reader's running mentorships
    with django_assert_num_queries(3 + 6):
        response = client.get(reverse("plan:feed", kwargs={"token": token}))
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count
