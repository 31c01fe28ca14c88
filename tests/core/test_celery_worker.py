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
    saved = {k: celery_app.conf[k] for k in ("task_always_eager", "task_default_queue")}
    celery_app.conf.update(task_always_eager=False, task_default_queue=queue)
    with start_worker(
        celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10, loglevel="WARNING"
    ) as worker:
        yield worker
    celery_app.conf.update(saved)


def test_worker_sends_the_email_it_took_from_the_broker(real_worker, settings):
    finished = threading.Event()

    def on_finished(**kwargs):
        finished.set()

    task_postrun.connect(on_finished, sender=tasks.send_email, weak=False)
    try:
        tasks.send_email.delay(
            {
                "subject": "Queued through Redis",
                "body": "Hello from the worker.",
                "from_email": settings.DEFAULT_FROM_EMAIL,
                "to": ["alice@example.com"],
                "headers": {},
                "alternatives": [],
            }
        )
        assert finished.wait(20), "no worker ran the task"
    finally:
        task_postrun.disconnect(on_finished, sender=tasks.send_email)
    message = mail.outbox[-1]
    assert (message.subject, message.to) == ("Queued through Redis", ["alice@example.com"])
