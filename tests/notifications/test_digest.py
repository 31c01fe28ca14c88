"""The daily digest: one email a day at 8:00 in the person's own time zone, with what is unread
and not yet emailed, and only what they may still see."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from apps.notifications.models import DigestDelivery, EmailChoice, MailState, Notification
from apps.notifications.services import notifications_read_all, notify, preference_save
from apps.notifications.sweep import notification_mail_sweep
from tests.notifications.kinds import KIND

# 08:00 in Berlin on Monday 30 November 2026 (winter: UTC+1).
BERLIN_MORNING = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)


@pytest.fixture
def digesting_bob(bob, monday):
    preference_save(user=bob, email=EmailChoice.DIGEST)
    return bob


def _sweep_at(time_machine, at, callbacks):
    time_machine.move_to(at, tick=False)
    with callbacks(execute=True):
        return notification_mail_sweep()


def _note(alice, bob, title):
    from tests.factories import GoalFactory

    return notify(
        recipient=bob, kind=KIND, target=GoalFactory(owner=alice, title=title), actor=alice
    )


def test_one_digest_in_the_morning_of_the_persons_time_zone(
    digesting_bob, alice, mentored, time_machine, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    with callbacks(execute=True):
        first = _note(alice, digesting_bob, "Give a talk")
        _note(alice, digesting_bob, "Learn <Rust> & Go")
    assert mail.outbox == []  # nothing goes one by one

    _sweep_at(time_machine, BERLIN_MORNING - timedelta(minutes=1), callbacks)
    assert mail.outbox == []
    _sweep_at(time_machine, BERLIN_MORNING, callbacks)
    [digest] = mail.outbox
    assert digest.to == ["bob@example.com"]
    assert digest.subject == "2 new notifications on careerplan"
    assert "Note: Alice wrote about “Learn <Rust> & Go”" in digest.body
    assert "Give a talk" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "set to one daily digest" in digest.body
    first.refresh_from_db()
    assert first.mail_state == MailState.SENT

    # The same morning again, and the next morning with nothing new: no more email.
    _sweep_at(time_machine, BERLIN_MORNING + timedelta(minutes=1), callbacks)
    _sweep_at(time_machine, BERLIN_MORNING + timedelta(days=1), callbacks)
    assert len(mail.outbox) == 1


def test_what_was_read_in_the_app_is_left_out(
    digesting_bob, alice, mentored, time_machine, django_capture_on_commit_callbacks
):
    _note(alice, digesting_bob, "Seen already")
    notifications_read_all(user=digesting_bob)
    _note(alice, digesting_bob, "Still new")
    _sweep_at(time_machine, BERLIN_MORNING, django_capture_on_commit_callbacks)
    [digest] = mail.outbox
    assert digest.subject == "1 new notification on careerplan"
    assert "Still new" in digest.body
    assert "Seen already" not in digest.body


def test_an_ended_mentorship_takes_its_plan_data_out_of_the_digest(
    digesting_bob, alice, mentored, time_machine, django_capture_on_commit_callbacks
):
    _note(alice, digesting_bob, "Secret career change")
    type(mentored).objects.filter(pk=mentored.pk).update(ended_at=timezone.now())
    _sweep_at(time_machine, BERLIN_MORNING, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert DigestDelivery.objects.get().status == "skipped"


def test_no_digest_for_whoever_chose_each_email_or_none(
    bob, alice, mentored, monday, time_machine, django_capture_on_commit_callbacks
):
    preference_save(user=bob, email=EmailChoice.NONE)
    _note(alice, bob, "Quietly")
    _sweep_at(time_machine, BERLIN_MORNING, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Notification.objects.get().mail_state == MailState.NONE


def test_choosing_the_digest_moves_waiting_emails_into_it(
    bob, alice, mentored, monday, time_machine, django_capture_on_commit_callbacks
):
    waiting = _note(alice, bob, "Queued before the change")  # its email not sent yet
    preference_save(user=bob, email=EmailChoice.DIGEST)
    waiting.refresh_from_db()
    assert waiting.mail_state == MailState.DIGEST
    _sweep_at(time_machine, BERLIN_MORNING, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert "Queued before the change" in mail.outbox[0].body


def test_a_failed_digest_is_retried_and_sent_once(
    digesting_bob, alice, mentored, flaky_mail, time_machine, django_capture_on_commit_callbacks
):
    import smtplib

    callbacks = django_capture_on_commit_callbacks
    _note(alice, digesting_bob, "Try again")
    flaky_mail.append(smtplib.SMTPServerDisconnected("connection lost"))
    _sweep_at(time_machine, BERLIN_MORNING, callbacks)
    assert mail.outbox == []
    assert DigestDelivery.objects.get().status == "pending"
    _sweep_at(time_machine, BERLIN_MORNING + timedelta(minutes=3), callbacks)
    assert len(mail.outbox) == 1
    _sweep_at(time_machine, BERLIN_MORNING + timedelta(hours=1), callbacks)
    assert len(mail.outbox) == 1


def test_the_digest_follows_summer_time(bob, alice, mentored, time_machine):
    from apps.notifications.models import NotificationPreference

    time_machine.move_to(datetime(2026, 6, 1, 4, 0, tzinfo=UTC), tick=False)
    preference_save(user=bob, email=EmailChoice.DIGEST)
    prefs = NotificationPreference.objects.get(owner=bob)
    # 08:00 in Berlin in June is 06:00 UTC.
    assert prefs.next_digest_at == datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    assert prefs.next_digest_day == "2026-06-01"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("sweeps", [2, 4])
def test_concurrent_sweeps_send_each_digest_once(sweeps, time_machine):
    from tests.factories import GoalFactory, MentorshipFactory, UserFactory

    time_machine.move_to(BERLIN_MORNING - timedelta(hours=2), tick=False)
    planner = UserFactory()
    mentors = UserFactory.create_batch(12, timezone="Europe/Berlin")
    goal = GoalFactory(owner=planner)
    for mentor in mentors:
        MentorshipFactory(planner=planner, mentor=mentor, all_goals=True)
        preference_save(user=mentor, email=EmailChoice.DIGEST)
        notify(recipient=mentor, kind=KIND, target=goal, actor=planner)
    time_machine.move_to(BERLIN_MORNING, tick=False)

    def run():
        try:
            notification_mail_sweep(batch_size=5)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(sweeps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.email for m in mentors)


def test_operators_can_run_the_sweep_by_hand(
    digesting_bob, alice, mentored, time_machine, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    _note(alice, digesting_bob, "By hand")
    time_machine.move_to(BERLIN_MORNING, tick=False)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_mail", stdout=out)
    assert out.getvalue() == "Wrote 1 digests, queued 1 emails, marked 0 as unknown.\n"
    assert len(mail.outbox) == 1


def test_a_long_digest_lists_the_newest_and_points_to_the_rest(
    digesting_bob, alice, mentored, time_machine, django_capture_on_commit_callbacks, monkeypatch
):
    from apps.notifications import digest

    monkeypatch.setattr(digest, "DIGEST_LIMIT", 3)
    notes = [_note(alice, digesting_bob, f"Goal {n}") for n in range(5)]
    _sweep_at(time_machine, BERLIN_MORNING, django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert "…and more: the rest wait for you in the app." in email.body
    assert email.subject == "3 new notifications on careerplan"
    states = [Notification.objects.get(pk=n.pk).mail_state for n in notes]
    assert states.count(MailState.SENT) == 3
    # The rest stay in the app, and no later digest repeats old news.
    _sweep_at(time_machine, BERLIN_MORNING + timedelta(days=1), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
