"""notify(): the row, the email after commit, and who never gets plan data by email."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from apps.notifications.models import MailState, Notification
from apps.notifications.services import notify
from tests.notifications.kinds import KIND


def _notify(callbacks, **kwargs):
    with callbacks(execute=True):
        return notify(kind=KIND, **kwargs)


def test_a_notification_is_emailed_after_commit_with_a_one_click_stop(
    bob, alice, alices_goal, mentored, django_capture_on_commit_callbacks
):
    alice.display_name = "<b>Al & Co</b>"
    alice.save()
    with django_capture_on_commit_callbacks() as callbacks:
        notification = notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice)
        assert mail.outbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == ["bob@example.com"]
    # Plain text: not HTML-escaped, one line.
    assert message.subject == "Note: <b>Al & Co</b> wrote about “Lead the <platform> team & grow”"
    assert "&lt;" not in message.body
    assert "<b>Al & Co</b> wrote about" in message.body
    html, _ = message.alternatives[0]
    assert "&lt;b&gt;Al &amp; Co&lt;/b&gt;" in html
    stop = message.extra_headers["List-Unsubscribe"]
    assert stop.startswith("<http://testserver/notifications/stop/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop.strip("<>") in message.body
    notification.refresh_from_db()
    assert notification.mail_state == MailState.SENT
    assert f"/notifications/{notification.public_id}/" in message.body


def test_a_link_in_user_written_text_is_not_made_clickable(
    bob, alice, mentored, django_capture_on_commit_callbacks
):
    from tests.factories import GoalFactory

    goal = GoalFactory(owner=alice, title="Read http://evil.example/x daily")
    _notify(django_capture_on_commit_callbacks, recipient=bob, target=goal, actor=alice)
    html, _ = mail.outbox[0].alternatives[0]
    assert "http://evil.example/x" in html
    assert 'href="http://evil.example' not in html


@pytest.mark.django_db(transaction=True)
def test_a_rollback_leaves_no_notification_and_sends_nothing(bob, alice):
    from tests.factories import GoalFactory, MentorshipFactory

    goal = GoalFactory(owner=alice)
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True)

    def comment_that_fails():
        with transaction.atomic():
            notify(recipient=bob, kind=KIND, target=goal, actor=alice)
            raise RuntimeError("the comment failed to save")

    with pytest.raises(RuntimeError):
        comment_that_fails()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_an_unknown_kind_is_a_programming_error(bob, alices_goal):
    with pytest.raises(ValueError, match="register"):
        notify(recipient=bob, kind="never_registered", target=alices_goal)


def test_nobody_is_emailed_about_what_they_did_themselves(
    alice, alices_goal, django_capture_on_commit_callbacks
):
    notification = _notify(
        django_capture_on_commit_callbacks, recipient=alice, target=alices_goal, actor=alice
    )
    assert mail.outbox == []
    assert notification.mail_state == MailState.SKIPPED


def test_a_mentor_whose_mentorship_ended_gets_no_plan_data_even_from_queued_mail(
    bob, alice, alices_goal, mentored, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        notification = notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice)
    # The mentorship ends between queuing and sending.
    type(mentored).objects.filter(pk=mentored.pk).update(ended_at=timezone.now())
    for callback in callbacks:
        callback()
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.mail_state == MailState.SKIPPED


def test_someone_who_cannot_read_the_target_is_never_emailed(
    charlie, alice, alices_goal, django_capture_on_commit_callbacks
):
    _notify(django_capture_on_commit_callbacks, recipient=charlie, target=alices_goal, actor=alice)
    assert mail.outbox == []


def test_a_describer_may_withdraw_a_notification(
    bob, alice, alices_goal, mentored, django_capture_on_commit_callbacks
):
    alices_goal.status = "abandoned"
    alices_goal.save()
    notification = _notify(
        django_capture_on_commit_callbacks, recipient=bob, target=alices_goal, actor=alice
    )
    assert mail.outbox == []
    notification.refresh_from_db()
    assert notification.mail_state == MailState.SKIPPED
