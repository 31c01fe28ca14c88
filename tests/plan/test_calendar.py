"""The private calendar feed: a page with the address, a reset, and the .ics itself."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from apps.goals.models import CalendarFeed
from apps.goals.services import calendar_feed_for, calendar_feed_reset
from tests.factories import GoalFactory, MilestoneFactory

PAGE = reverse("plan:calendar")
RESET = reverse("plan:calendar-reset")


def _feed(token: str) -> str:
    return reverse("plan:feed", kwargs={"token": token})


def _events(response) -> dict[str, dict]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_opening_the_page_creates_no_secret_until_asked(alice, alice_client):
    response = alice_client.get(PAGE)

    assert response.status_code == 200
    assert "Create my calendar address" in response.content.decode()
    assert not CalendarFeed.objects.filter(owner=alice).exists()


def test_page_shows_the_absolute_private_address_and_how_to_subscribe(alice, alice_client):
    created = alice_client.post(PAGE)
    response = alice_client.get(PAGE)

    assert (created.status_code, created["Location"]) == (302, PAGE)
    assert response.status_code == 200
    token = CalendarFeed.objects.get(owner=alice).token
    page = response.content.decode()
    assert f'value="http://testserver/calendar/{token}.ics"' in page
    assert f'href="webcal://testserver/calendar/{token}.ics"' in page
    for app in ("Google Calendar", "Apple Calendar", "Outlook"):
        assert app in page
    # Visiting again shows the same address.
    assert alice_client.get(PAGE).content.decode().count(token) == 2


def test_feed_has_all_day_events_for_open_goals_and_milestones(client, alice, charlie):
    goal = GoalFactory(owner=alice, title="Get certified", target_date=date(2026, 6, 30))
    MilestoneFactory(goal=goal, title="Book the exam", due_date=date(2026, 4, 1))
    MilestoneFactory(
        goal=goal,
        title="Buy the book",
        due_date=date(2026, 2, 1),
        done_at=datetime(2026, 2, 1, tzinfo=UTC),
    )
    MilestoneFactory(goal=goal, title="Someday", due_date=None)
    achieved = GoalFactory(owner=alice, title="Old news", status="achieved")
    MilestoneFactory(goal=achieved, title="Old milestone")
    GoalFactory(owner=alice, title="No deadline", target_date=None)
    theirs = GoalFactory(owner=charlie, title="Charlie's goal")
    MilestoneFactory(goal=theirs, title="Charlie's milestone")
    token = calendar_feed_for(user=alice).token

    response = client.get(_feed(token))  # no sign-in: calendar apps cannot

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    events = _events(response)
    assert set(events) == {"Target date: Get certified", "Milestone: Book the exam"}
    target = events["Target date: Get certified"]
    assert target.decoded("DTSTART") == date(2026, 6, 30)
    assert target.decoded("DTEND") == date(2026, 7, 1)
    assert str(target["UID"]) == f"goal-{goal.public_id}@testserver"
    assert "DTSTAMP" in target
    assert "http://testserver/" in str(target["DESCRIPTION"])
    milestone = events["Milestone: Book the exam"]
    assert milestone.decoded("DTSTART") == date(2026, 4, 1)
    assert "Get certified" in str(milestone["DESCRIPTION"])


def test_feed_uids_are_stable_between_fetches_and_resets(client, alice):
    MilestoneFactory(goal=GoalFactory(owner=alice, title="Get certified"))
    first = _events(client.get(_feed(calendar_feed_for(user=alice).token)))
    again = _events(client.get(_feed(calendar_feed_reset(user=alice).token)))
    assert len(first) == 2
    assert {str(e["UID"]) for e in first.values()} == {str(e["UID"]) for e in again.values()}


def test_an_unknown_token_is_a_404(client, alice):
    calendar_feed_for(user=alice)
    assert client.get(_feed("not-the-token")).status_code == 404
    assert client.get("/calendar/.ics").status_code == 404


def test_reset_revokes_the_old_address_at_once(alice, alice_client):
    old = calendar_feed_for(user=alice).token

    response = alice_client.post(RESET)

    assert response.status_code == 302
    assert response["Location"] == PAGE
    new = CalendarFeed.objects.get(owner=alice).token
    assert new != old
    assert alice_client.get(_feed(old)).status_code == 404
    assert alice_client.get(_feed(new)).status_code == 200
    page = alice_client.get(PAGE).content.decode()
    assert new in page
    assert "the old one has stopped working" in page


def test_reset_by_htmx_lands_on_the_refreshed_address(alice, alice_client):
    calendar_feed_for(user=alice)
    response = alice_client.post(RESET, headers={"HX-Request": "true"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="calendar-feed"')
    assert CalendarFeed.objects.get(owner=alice).token in page
    assert 'hx-swap-oob="innerHTML"' in page


def test_feed_is_get_only_and_reset_is_post_only(client, alice, alice_client):
    token = calendar_feed_for(user=alice).token
    assert client.post(_feed(token)).status_code == 405
    assert alice_client.get(RESET).status_code == 405


@pytest.mark.parametrize("goals", [2, 40])
def test_feed_query_count_does_not_grow_with_the_plan(
    client, alice, django_assert_num_queries, goals
):
    for _ in range(goals):
        MilestoneFactory.create_batch(8, goal=GoalFactory(owner=alice))
    token = calendar_feed_for(user=alice).token
    # the feed with its owner, the open goals, their open milestones, the events registered
    # apps add (meetings: one query); plus the rate limiter's first count in the database
    # cache (apps.core.ratelimit), which does not grow either
    with django_assert_num_queries(4 + 5):
        response = client.get(_feed(token))
    assert response.status_code == 200
    assert len(_events(response)) == goals * 9


def test_the_feed_asks_for_a_refresh_with_the_value_type_rfc_7986_requires(client, alice):
    response = client.get(_feed(calendar_feed_for(user=alice).token))
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in response.content
