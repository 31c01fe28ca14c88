"""A new shared comment or reply tells the other party, in the app and by email; notes never
do, and a mentor who can no longer read the goal hears nothing more about it."""

from django.core import mail
from django.urls import reverse

from apps.mentorship.models import Comment
from apps.mentorship.services import comment_add, mentorship_end
from apps.notifications.models import Notification


def listed(client) -> str:
    return client.get(reverse("notifications:list")).content.decode()


def test_a_mentors_comment_reaches_the_planner_in_the_app_and_by_email(
    mentorship, shared_goal, alice, bob, alice_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(by=bob, target=shared_goal, body="Nice start")
    assert "Bob commented on “Lead a team of five”" in listed(alice_client)
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "Bob commented on" in message.body


def test_the_planners_reply_reaches_the_mentor(
    mentorship, shared_goal, alice, bob, bob_client, django_capture_on_commit_callbacks
):
    first = comment_add(by=bob, target=shared_goal, body="Question?")
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(by=alice, target=shared_goal, body="Answer.", parent=first)
    assert "Alice replied on “Lead a team of five”" in listed(bob_client)
    assert [m.to for m in mail.outbox][-1] == ["bob@example.com"]


def test_notes_notify_nobody(mentorship, shared_goal, alice, bob):
    comment_add(by=bob, target=shared_goal, body="For me", kind="mentor_note")
    comment_add(by=alice, target=shared_goal, body="For me too", kind="own_note")
    assert Comment.objects.count() == 2
    assert not Notification.objects.exists()


def test_mentors_who_do_not_see_the_goal_are_not_told(
    mentorship, shared_goal, private_goal, alice, bob
):
    comment_add(by=alice, target=private_goal, body="Thinking aloud")
    assert not Notification.objects.filter(recipient=bob).exists()


def test_after_the_end_the_mentor_sees_no_notification_about_the_plan(
    mentorship, shared_goal, alice, bob, bob_client
):
    comment_add(by=alice, target=shared_goal, body="Your view?")
    assert "Alice commented on" in listed(bob_client)
    mentorship_end(mentorship=mentorship, by=alice)
    page = listed(bob_client)
    assert "Alice commented on" not in page
    assert "Lead a team of five" not in page


def test_a_goal_no_longer_shared_takes_its_notifications_with_it(
    mentorship, shared_goal, alice, bob, bob_client
):
    comment_add(by=alice, target=shared_goal, body="Your view?")
    mentorship.goals.clear()
    assert "Lead a team of five" not in listed(bob_client)


def test_a_past_mentors_comment_is_no_news_for_the_planner(
    mentorship, shared_goal, alice, bob, alice_client
):
    comment_add(by=bob, target=shared_goal, body="Last words")
    mentorship_end(mentorship=mentorship, by=alice)
    assert "Bob commented on" not in listed(alice_client)
    # The comment itself stays on her goal.
    page = alice_client.get(reverse("plan:goal", args=[shared_goal.public_id])).content.decode()
    assert "Last words" in page
