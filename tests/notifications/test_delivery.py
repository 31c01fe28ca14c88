"""Each notification is emailed at most once, whatever the number of tasks, workers and
mail-server hiccups."""

import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection

from apps.notifications.delivery import notification_email_send
from apps.notifications.models import MailState, Notification
from apps.notifications.services import notify
from apps.notifications.sweep import notification_mail_sweep
from tests.checkins import mailserver
from tests.notifications.kinds import KIND


@pytest.fixture
def waiting(bob, alice, alices_goal, mentored, monday):
    """A notification for bob whose email was never queued (the broker lost it)."""
    return notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice)


def _state(notification) -> str:
    notification.refresh_from_db()
    return notification.mail_state


def test_the_send_task_run_twice_sends_once(waiting):
    assert notification_email_send(notification_id=waiting.pk) == MailState.SENT
    assert notification_email_send(notification_id=waiting.pk) == MailState.SKIPPED
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_task_three_times_at_once_sends_once(time_machine):
    from tests.factories import GoalFactory, MentorshipFactory, UserFactory

    planner, mentor = UserFactory(), UserFactory()
    goal = GoalFactory(owner=planner)
    MentorshipFactory(planner=planner, mentor=mentor, all_goals=True)
    notification = notify(recipient=mentor, kind=KIND, target=goal, actor=planner)

    def run():
        try:
            notification_email_send(notification_id=notification.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(mail.outbox) == 1
    assert _state(notification) == MailState.SENT


def test_the_sweep_queues_an_email_the_broker_lost(waiting, time_machine, monday):
    notification_mail_sweep()
    assert mail.outbox == []  # just queued: its task may still be on its way
    time_machine.move_to(monday + timedelta(minutes=6), tick=False)
    notification_mail_sweep()
    assert len(mail.outbox) == 1
    assert _state(waiting) == MailState.SENT


def test_temporary_mail_errors_are_retried_with_backoff(waiting, flaky_mail, time_machine, monday):
    flaky_mail.extend(
        [smtplib.SMTPResponseException(451, b"try again later"), ConnectionResetError()]
    )
    assert notification_email_send(notification_id=waiting.pk) == MailState.PENDING
    waiting.refresh_from_db()
    assert waiting.next_attempt_at == monday + timedelta(minutes=2)
    assert "451" in waiting.last_error
    time_machine.move_to(monday + timedelta(minutes=3), tick=False)
    notification_mail_sweep()
    assert _state(waiting) == MailState.PENDING  # the second error
    time_machine.move_to(monday + timedelta(minutes=8), tick=False)
    notification_mail_sweep()
    assert _state(waiting) == MailState.SENT
    assert len(mail.outbox) == 1


def test_a_permanent_mail_error_is_not_retried(waiting, flaky_mail, time_machine, monday):
    flaky_mail.append(smtplib.SMTPResponseException(550, b"no such mailbox"))
    assert notification_email_send(notification_id=waiting.pk) == MailState.FAILED
    time_machine.move_to(monday + timedelta(hours=2), tick=False)
    notification_mail_sweep()
    assert mail.outbox == []
    assert _state(waiting) == MailState.FAILED


def test_a_worker_that_died_while_sending_is_not_sent_again(
    waiting, flaky_mail, time_machine, monday
):
    flaky_mail.append(mailserver.WorkerDied())
    with pytest.raises(mailserver.WorkerDied):
        notification_email_send(notification_id=waiting.pk)
    time_machine.move_to(monday + timedelta(minutes=10), tick=False)
    result = notification_mail_sweep()
    assert result.expired == 1
    time_machine.move_to(monday + timedelta(minutes=20), tick=False)
    notification_mail_sweep()
    assert mail.outbox == []
    assert _state(waiting) == MailState.UNKNOWN


def test_reading_it_in_the_app_before_the_email_goes_skips_the_email(waiting):
    Notification.objects.filter(pk=waiting.pk).update(read_at=waiting.created_at)
    assert notification_email_send(notification_id=waiting.pk) == MailState.SKIPPED
    assert mail.outbox == []


def test_an_inactive_account_is_not_emailed(waiting, bob):
    bob.is_active = False
    bob.save()
    notification_email_send(notification_id=waiting.pk)
    assert mail.outbox == []


def test_a_flood_of_notifications_stays_in_the_app_past_the_hourly_limit(
    bob, alice, alices_goal, mentored, monday, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "notification_email": "3/h"}
    with django_capture_on_commit_callbacks(execute=True):
        made = [notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice) for _ in range(5)]
    assert len(mail.outbox) == 3
    assert [_state(n) for n in made][3:] == [MailState.NONE, MailState.NONE]
