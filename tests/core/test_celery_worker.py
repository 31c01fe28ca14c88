"""A task queued through the real Redis broker is run by a real worker (no eager mode)."""

import threading
import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core import mail

from apps.accounts import tasks
from careerplan.celery import app as celery_app


@pytest.fixture(scope="module")
def real_worker():
    # A queue of our own, so that a developer's running worker cannot take the test's task.
    queue = f"test-{uuid.uuid4().hex}"
    celery_app.conf.task_always_eager = False
    try:
        with start_worker(
            celery_app,
            pool="solo",
            queues=[queue],
            perform_ping_check=False,
            shutdown_timeout=10,
            loglevel="WARNING",
        ):
            yield queue
    finally:
        celery_app.conf.task_always_eager = True


def test_worker_sends_the_email_it_took_from_the_broker(real_worker, settings):
    finished = threading.Event()

    def on_finished(**kwargs):
        finished.set()

    task_postrun.connect(on_finished, sender=tasks.send_email, weak=False)
    try:
        tasks.send_email.apply_async(
            [
                {
                    "subject": "Queued through Redis",
                    "body": "Hello from the worker.",
                    "from_email": settings.DEFAULT_FROM_EMAIL,
                    "to": ["alice@example.com"],
                    "headers": {},
                    "alternatives": [],
                }
            ],
            queue=real_worker,
        )
        assert finished.wait(20), "no worker ran the task"
    finally:
        task_postrun.disconnect(on_finished, sender=tasks.send_email)
    message = mail.outbox[-1]
    assert (message.subject, message.to) == ("Queued through Redis", ["alice@example.com"])


def test_sign_up_queues_its_email_instead_of_sending_it_in_the_request(
    client, db, django_capture_on_commit_callbacks
):
    # No worker consumes this queue: the request must finish with the email still queued.
    queue = f"test-{uuid.uuid4().hex}"
    celery_app.conf.update(task_always_eager=False, task_default_queue=queue)
    celery_app.amqp._producer_pool = None
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/accounts/signup/",
                {
                    "email": "queued@example.com",
                    "password1": "a fine passphrase",
                    "timezone": "UTC",
                },
            )
        assert response.status_code == 302
        assert mail.outbox == []
        with celery_app.connection_for_write() as conn:
            assert conn.default_channel.client.llen(queue) == 1
    finally:
        with celery_app.connection_for_write() as conn:
            conn.default_channel.client.delete(queue)
        celery_app.conf.update(task_always_eager=True, task_default_queue="celery")
        celery_app.amqp._producer_pool = None
