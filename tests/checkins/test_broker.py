"""Reminders through the real Redis broker and a real worker, and while the broker is down."""

import threading
import uuid
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core import mail
from django.urls import reverse

from apps.checkins import tasks
from apps.checkins.models import CheckinSchedule, DeliveryStatus, ReminderDelivery
from apps.checkins.services.schedules import schedule_save
from apps.checkins.services.sweep import dispatch_due_reminders
from careerplan.celery import app as celery_app
from tests.brokers import broker_down
from tests.checkins.conftest import MONDAY

DUE = MONDAY + timedelta(hours=1, minutes=31)


@pytest.fixture
def test_queue():
    """A queue of the test's own on the real broker, with tasks sent there, not run inline."""
    queue = f"test-{uuid.uuid4().hex}"
    celery_app.conf.update(task_always_eager=False, task_default_queue=queue)
    try:
        yield queue
    finally:
        with celery_app.connection_for_write() as conn:
            conn.default_channel.client.delete(queue)
        celery_app.conf.update(task_always_eager=True, task_default_queue="celery")


def _worker(queue: str):
    return start_worker(
        celery_app,
        pool="solo",
        queues=[queue],
        perform_ping_check=False,
        shutdown_timeout=10,
        loglevel="WARNING",
    )


@pytest.fixture
def real_worker(test_queue):
    with _worker(test_queue):
        yield


@pytest.fixture
def sends_finished():
    """An event set each time a worker finishes a chunk of sends."""
    finished = threading.Event()

    def on_finished(**kwargs):
        finished.set()

    task_postrun.connect(on_finished, sender=tasks.send_reminders, weak=False)
    yield finished
    task_postrun.disconnect(on_finished, sender=tasks.send_reminders)


@pytest.mark.django_db(transaction=True)
def test_a_due_reminder_travels_through_redis_to_a_worker_once(
    alice, time_machine, real_worker, sends_finished
):
    time_machine.move_to(MONDAY, tick=False)
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    time_machine.move_to(DUE, tick=False)
    dispatch_due_reminders()
    dispatch_due_reminders()  # a second beat at the same minute
    assert sends_finished.wait(20), "no worker sent the reminder"
    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert ReminderDelivery.objects.get().status == DeliveryStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_a_message_lost_from_redis_is_not_a_reminder_lost(
    alice, time_machine, test_queue, sends_finished
):
    time_machine.move_to(MONDAY, tick=False)
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    time_machine.move_to(DUE, tick=False)
    dispatch_due_reminders()
    with celery_app.connection_for_write() as conn:
        redis = conn.default_channel.client
        assert redis.llen(test_queue) == 1
        redis.delete(test_queue)  # Redis lost the message before any worker took it

    time_machine.move_to(DUE + timedelta(minutes=2), tick=False)
    result = dispatch_due_reminders()
    assert result.queued == 0  # too early to call it lost
    with _worker(test_queue):
        time_machine.move_to(DUE + timedelta(minutes=6), tick=False)
        dispatch_due_reminders()
        assert sends_finished.wait(20), "the lost reminder was not queued again"
    assert [m.to for m in mail.outbox] == [[alice.email]]
    assert ReminderDelivery.objects.get().status == DeliveryStatus.SENT


SCHEDULE = {
    "frequency": "weekly",
    "weekday": "0",
    "day_of_month": "1",
    "local_time": "08:30",
    "timezone": "Europe/Berlin",
}


@pytest.mark.django_db
def test_with_the_broker_down_schedules_save_and_reminders_wait_for_it(
    alice_client, alice, time_machine, settings, django_capture_on_commit_callbacks
):
    time_machine.move_to(MONDAY, tick=False)
    with broker_down(settings):
        response = alice_client.post(reverse("checkins:schedule"), SCHEDULE)
        assert response.status_code == 302
        assert CheckinSchedule.objects.get(owner=alice).next_due_key == "2026-11-30"

        time_machine.move_to(DUE, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            dispatch_due_reminders()
        assert mail.outbox == []
        assert ReminderDelivery.objects.get().status == DeliveryStatus.PENDING

    # The broker is back: the sweep after the re-queue delay sends it, once.
    time_machine.move_to(DUE + timedelta(minutes=6), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_reminders()
        dispatch_due_reminders()
    assert [m.to for m in mail.outbox] == [[alice.email]]
