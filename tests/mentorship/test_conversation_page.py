"""The goal page shows the latest threads of its conversation and a control that loads the
rest in place (or, without JavaScript, opens the whole conversation on a page of its own);
what the reader has not read yet is never held back behind it."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.mentorship.models import CommentRead
from apps.mentorship.services import comment_add
from tests.factories import CommentFactory, MilestoneFactory
from tests.mentorship.test_pages import SHARED_GOAL_QUERIES

HTMX = {"HX-Request": "true"}
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def goal_url(goal):
    return reverse("plan:goal", args=[goal.public_id])


def everything_url(goal):
    return reverse("mentorship:conversation", args=["goal", goal.public_id])


def threads(goal, count, time_machine, *, start=START, **fields):
    """`count` threads on `goal`, an hour apart, each with a reply; their first comments."""
    firsts = []
    for n in range(count):
        time_machine.move_to(start + timedelta(hours=n), tick=False)
        first = CommentFactory(goal=goal, body=f"Thread {n} opens", **fields)
        CommentFactory(goal=goal, parent=first, body=f"Thread {n} answered", **fields)
        firsts.append(first)
    return firsts


def test_the_goal_page_shows_the_latest_five_threads_and_offers_the_rest(
    alice_client, shared_goal, time_machine
):
    threads(shared_goal, 8, time_machine)
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert page.count('class="comment-thread"') == 5
    assert "Thread 2 opens" not in page
    assert "Thread 3 opens" in page
    assert "Thread 7 answered" in page
    assert "Show all 16 comments" in page
    assert "(3 earlier threads not shown here)" in page
    # A link without JavaScript, a swap in place with it.
    assert f'<a href="{everything_url(shared_goal)}" hx-get="{everything_url(shared_goal)}"' in page


def test_a_short_conversation_has_no_control(alice_client, shared_goal, time_machine):
    threads(shared_goal, 5, time_machine)
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert page.count('class="comment-thread"') == 5
    assert everything_url(shared_goal) not in page


def test_a_new_reply_brings_an_old_thread_back_into_view(alice_client, shared_goal, time_machine):
    first, *_ = threads(shared_goal, 8, time_machine)
    time_machine.move_to(START + timedelta(days=1), tick=False)
    CommentFactory(goal=shared_goal, parent=first, body="Back to this one")
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert page.count('class="comment-thread"') == 5
    assert "Thread 0 opens" in page
    assert "Back to this one" in page
    assert "Thread 3 opens" not in page


def test_the_whole_conversation_has_a_page_and_an_htmx_part(
    alice_client, shared_goal, time_machine
):
    threads(shared_goal, 8, time_machine)
    page = alice_client.get(everything_url(shared_goal))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Conversation about" in html
    assert f'href="{goal_url(shared_goal)}"' in html  # back to the goal
    assert html.count('class="comment-thread"') == 8
    assert "Show all" not in html
    part = alice_client.get(everything_url(shared_goal), headers=HTMX)
    assert part.status_code == 200
    assert part["Vary"] == "HX-Request" or "HX-Request" in part["Vary"]
    fragment = part.content.decode()
    assert "<title>" not in fragment
    assert fragment.count('class="comment-thread"') == 8
    # Writes from the whole conversation say so, and get the whole of it back.
    assert 'hx-vals=\'{"full": "1"}\'' in fragment


def test_a_write_from_the_whole_conversation_keeps_it_whole(
    alice_client, shared_goal, time_machine
):
    threads(shared_goal, 8, time_machine)
    add = reverse("mentorship:comment-add", args=["goal", shared_goal.public_id])
    time_machine.move_to(START + timedelta(days=1), tick=False)
    whole = alice_client.post(add, {"body": "More", "kind": "shared", "full": "1"}, headers=HTMX)
    assert whole.content.decode().count('class="comment-thread"') == 9
    short = alice_client.post(add, {"body": "Again", "kind": "shared"}, headers=HTMX)
    assert short.content.decode().count('class="comment-thread"') == 5
    assert "Show all 18 comments" in short.content.decode()


def test_a_comment_the_planner_has_not_read_is_never_hidden(
    alice_client, bob, mentorship, shared_goal, time_machine
):
    time_machine.move_to(START - timedelta(days=1), tick=False)
    # Bob's comment notifies alice; she has not opened it yet.
    comment_add(by=bob, target=shared_goal, body="Bob asks something")
    threads(shared_goal, 6, time_machine)
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert page.count('class="comment-thread"') == 6
    assert "Bob asks something" in page
    assert "Thread 0 opens" not in page


def test_a_comment_the_mentor_has_not_read_is_never_hidden(
    alice, bob, bob_client, mentorship, shared_goal, time_machine
):
    threads(shared_goal, 3, time_machine, author=bob, mentorship=mentorship)
    bob_client.get(goal_url(shared_goal))  # bob has read those
    time_machine.move_to(START + timedelta(days=1), tick=False)
    CommentFactory(goal=shared_goal, body="Alice's news")
    later = START + timedelta(days=2)
    threads(shared_goal, 5, time_machine, start=later, author=bob, mentorship=mentorship)
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Alice's news" in page
    assert page.count('class="comment-thread"') == 6
    assert "Show all 17 comments" in page
    # Read now: the next visit keeps only the latest five.
    again = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Alice's news" not in again
    assert again.count('class="comment-thread"') == 5


def test_a_checkin_shows_its_whole_conversation(alice, alice_client):
    checkin = checkin_complete(checkin=checkin_start(user=alice))
    for n in range(7):
        CommentFactory(goal=None, checkin=checkin, body=f"Week note {n}")
    page = alice_client.get(reverse("checkins:detail", args=[checkin.public_id])).content.decode()
    assert page.count('class="comment-thread"') == 7
    # It names what it is about.
    assert "read by the mentors who see this check-in;" in page


@pytest.mark.parametrize("method", ["post", "put"])
def test_the_whole_conversation_is_read_only(alice_client, shared_goal, method):
    response = getattr(alice_client, method)(everything_url(shared_goal))
    assert response.status_code == 405


def test_a_stranger_does_not_find_the_whole_conversation(charlie, client, shared_goal):
    client.force_login(charlie)
    assert client.get(everything_url(shared_goal)).status_code == 404
    checkin_url = reverse("mentorship:conversation", args=["nothing", shared_goal.public_id])
    assert client.get(checkin_url).status_code == 404


def test_a_visit_with_nothing_new_leaves_the_read_marker_alone(
    bob, bob_client, mentorship, shared_goal, time_machine, django_assert_num_queries
):
    MilestoneFactory(goal=shared_goal)  # as in the pinned count
    threads(shared_goal, 2, time_machine)
    time_machine.move_to(START + timedelta(days=1), tick=False)
    bob_client.get(goal_url(shared_goal))
    marker = CommentRead.objects.get(reader=bob, goal=shared_goal)
    time_machine.move_to(START + timedelta(days=2), tick=False)
    with django_assert_num_queries(SHARED_GOAL_QUERIES - 1):
        bob_client.get(goal_url(shared_goal))
    marker.refresh_from_db()
    assert marker.read_at == START + timedelta(days=1)
    # Something new moves it again.
    CommentFactory(goal=shared_goal, body="News")
    time_machine.move_to(START + timedelta(days=3), tick=False)
    assert "News" in bob_client.get(goal_url(shared_goal)).content.decode()
    marker.refresh_from_db()
    assert marker.read_at == START + timedelta(days=3)


def test_a_comment_notification_opens_the_whole_conversation_at_that_comment(
    alice, bob, alice_client, mentorship, shared_goal, time_machine
):
    from apps.notifications.models import Notification
    from apps.notifications.registry import describe_all

    time_machine.move_to(START, tick=False)
    old = comment_add(by=bob, target=shared_goal, body="An early question")
    threads(shared_goal, 6, time_machine, start=START + timedelta(days=1))
    Notification.objects.filter(recipient=alice).update(read_at=START + timedelta(days=2))
    # Read already, and older than the five threads the goal page shows: only the whole
    # conversation still has it.
    assert "An early question" not in alice_client.get(goal_url(shared_goal)).content.decode()
    [(_, described)] = describe_all(alice, Notification.objects.filter(recipient=alice))
    assert described.url == f"{everything_url(shared_goal)}#comment-{old.public_id}"
    page = alice_client.get(everything_url(shared_goal)).content.decode()
    assert f'id="comment-{old.public_id}"' in page


def test_show_all_hands_focus_to_the_conversation_it_opened(
    alice_client, shared_goal, time_machine
):
    threads(shared_goal, 7, time_machine)
    swapped = alice_client.get(everything_url(shared_goal), headers=HTMX).content.decode()
    assert '<h2 id="conversation-heading" tabindex="-1" autofocus>' in swapped
    # On its own page, and on the goal page, the heading takes nothing from the reader.
    for url in (everything_url(shared_goal), goal_url(shared_goal)):
        assert "autofocus>Conversation" not in alice_client.get(url).content.decode()


def test_the_whole_conversation_page_is_headed_by_what_it_is_about(
    alice_client, shared_goal, time_machine
):
    threads(shared_goal, 6, time_machine)
    page = alice_client.get(everything_url(shared_goal)).content.decode()
    assert '<h1 class="conversation-title">Conversation about “Lead a team of five”</h1>' in page
    assert page.index("<h1") < page.index('<h2 id="conversation-heading"')
