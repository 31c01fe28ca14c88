"""Sign-up does the same work for an address that has an account and for a new one, so its
timing cannot tell them apart (no timing is measured here: the work is counted)."""

import pytest
from celery.signals import task_prerun
from django.core import mail
from django.urls import reverse

from tests.accounts.hashers import CountingHasher


@pytest.fixture
def counted(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingHasher"]
    CountingHasher.encoded.clear()
    tasks: list[str] = []

    def record(sender=None, **kwargs):
        tasks.append(sender.name)

    task_prerun.connect(record)
    yield tasks
    task_prerun.disconnect(record)


def _signup(client, callbacks, email):
    data = {
        "email": email,
        "password1": "a long enough passphrase",
        "display_name": "Nia",
        "timezone": "UTC",
    }
    with callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


@pytest.mark.parametrize("email", ["alice@example.com", "new.planner@example.com"])
def test_both_paths_hash_once_and_queue_one_email_through_the_same_task(
    client, alice, counted, django_capture_on_commit_callbacks, email
):
    mail.outbox.clear()
    CountingHasher.encoded.clear()

    response = _signup(client, django_capture_on_commit_callbacks, email)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(CountingHasher.encoded) == 1
    assert counted == ["apps.accounts.tasks.send_email"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
