"""Failed mail from every outbox reaches the staff console, and a retry sends it once."""

import smtplib
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.accounts.models import AuditEvent, AuditKind
from apps.meetings.models import DeliveryStatus, MeetingReminder
from apps.meetings.services.schedule import series_save
from apps.meetings.services.sweep import meeting_reminder_sweep
from apps.notifications.delivery import notification_email_send
from apps.notifications.models import MailState, Notification
from apps.notifications.services import notify
from apps.notifications.sweep import notification_mail_sweep
from tests.checkins import mailserver
from tests.factories import GoalFactory, MentorshipFactory, UserFactory
from tests.notifications.kinds import KIND

# Monday 30 November 2026, 06:00 UTC; a Wednesday 10:00 Berlin meeting is reminded on Tuesday.
MONDAY = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
REMIND = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REFUSED = smtplib.SMTPResponseException(550, b"mailbox <b>unavailable</b>")


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def flaky_mail(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.checkins.mailserver.FlakyMailServer"}}
    mailserver.FAILURES.clear()
    yield mailserver.FAILURES
    mailserver.FAILURES.clear()


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)
    return MONDAY


@pytest.fixture
def mentorship(alice, bob):
    return MentorshipFactory(planner=alice, mentor=bob, all_goals=True, share_checkins=True)


def _failed_notification(alice, bob, flaky_mail) -> Notification:
    goal = GoalFactory(owner=alice, title="Secret <plan> title")
    notification = notify(recipient=bob, kind=KIND, target=goal, actor=alice)
    flaky_mail.append(REFUSED)
    assert notification_email_send(notification_id=notification.pk) == MailState.FAILED
    return notification


def _retry(staff, outbox: str, row: int):
    return staff.post(reverse("staff:retry"), {"outbox": outbox, "row": row}, follow=True)


def test_a_failed_notification_email_is_listed_and_sent_once_on_retry(
    staff, admin_user, alice, bob, mentorship, flaky_mail, monday, time_machine
):
    notification = _failed_notification(alice, bob, flaky_mail)
    mail.outbox.clear()

    page = staff.get(reverse("staff:failed")).content.decode()
    assert "Notification email" in page
    assert "bob@example.com" in page
    assert "mailbox &lt;b&gt;unavailable" in page  # the error, escaped
    assert "Secret" not in page  # never what the notification is about
    overview = staff.get(reverse("staff:index")).content.decode()
    assert "<dt>Notification emails</dt><dd>1</dd>" in overview
    assert "1 failed — review and retry" in overview

    answer = _retry(staff, "notification-emails", notification.pk).content.decode()
    assert "The email to bob@example.com will be sent with the next sweep" in answer
    notification.refresh_from_db()
    assert notification.mail_state == MailState.PENDING
    (event,) = AuditEvent.objects.filter(user_ref=bob.public_id, kind=AuditKind.DELIVERY_RETRIED)
    assert event.actor_ref == admin_user.public_id

    time_machine.move_to(monday + timedelta(minutes=1), tick=False)
    notification_mail_sweep()
    notification_mail_sweep()
    assert [m.to for m in mail.outbox] == [["bob@example.com"]]
    notification.refresh_from_db()
    assert notification.mail_state == MailState.SENT
    again = _retry(staff, "notification-emails", notification.pk).content.decode()
    assert "not failed any more" in again
    assert "No failed mail." in staff.get(reverse("staff:failed")).content.decode()


def test_a_failed_meeting_reminder_is_listed_and_sent_once_on_retry(
    staff, mentorship, bob, flaky_mail, monday, time_machine, django_capture_on_commit_callbacks
):
    series_save(
        mentorship=mentorship,
        by=bob,
        frequency="weekly",
        weekday=2,
        local_time=time(10, 0),
        timezone="Europe/Berlin",
    )
    time_machine.move_to(REMIND, tick=False)
    flaky_mail.extend([REFUSED, REFUSED])
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reminder_sweep()
    failed = MeetingReminder.objects.filter(status=DeliveryStatus.FAILED)
    assert failed.count() == 2
    reminder = failed.get(recipient=bob)
    mail.outbox.clear()

    page = staff.get(reverse("staff:failed")).content.decode()
    assert page.count("Retry the meeting reminder for") == 2
    assert (
        "<dt>Meeting reminders</dt><dd>2</dd>" in staff.get(reverse("staff:index")).content.decode()
    )

    answer = _retry(staff, "meeting-reminders", reminder.pk).content.decode()
    assert "The email to bob@example.com will be sent" in answer
    time_machine.move_to(REMIND + timedelta(minutes=1), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reminder_sweep()
        meeting_reminder_sweep()
    assert [m.to for m in mail.outbox] == [["bob@example.com"]]
    reminder.refresh_from_db()
    assert reminder.status == DeliveryStatus.SENT
    assert "not failed any more" in _retry(staff, "meeting-reminders", reminder.pk).content.decode()
    still = staff.get(reverse("staff:failed")).content.decode()
    assert still.count("Retry the meeting reminder for") == 1  # alice's is still failed


def test_an_unknown_outbox_is_refused_with_a_message(staff, db):
    answer = _retry(staff, "no-such-outbox", 1)
    assert answer.status_code == 200
    assert "Pick a failed email from the list to retry." in answer.content.decode()


def test_the_failed_mail_query_count_is_one_per_outbox_whatever_the_rows(
    staff, alice, bob, mentorship, flaky_mail, monday
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(reverse("staff:failed")).status_code == 200
        return len(captured)

    _failed_notification(alice, bob, flaky_mail)
    few = queries()
    for _ in range(5):
        reader = UserFactory()
        MentorshipFactory(planner=alice, mentor=reader, all_goals=True)
        _failed_notification(alice, reader, flaky_mail)
    assert queries() == few
    assert Notification.objects.filter(mail_state=MailState.FAILED).count() == 6


def test_an_htmx_retry_reloads_the_list_with_the_message(
    staff, alice, bob, mentorship, flaky_mail, monday
):
    notification = _failed_notification(alice, bob, flaky_mail)
    answer = staff.post(
        reverse("staff:retry"),
        {"outbox": "notification-emails", "row": notification.pk},
        headers={"HX-Request": "true"},
    )
    assert answer["HX-Redirect"] == reverse("staff:failed")
    page = staff.get(reverse("staff:failed")).content.decode()
    assert "The email to bob@example.com will be sent with the next sweep" in page
    assert "No failed mail." in page
