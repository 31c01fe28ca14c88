"""The one-click stop link in every notification email, and its List-Unsubscribe headers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from apps.notifications.models import EmailChoice, NotificationPreference
from apps.notifications.services import notify, preference_save
from apps.notifications.stop_links import stop_links_revoke, stop_token
from tests.notifications.kinds import KIND


def _emailed_stop_link(alice, bob, goal, callbacks) -> str:
    with callbacks(execute=True):
        notify(recipient=bob, kind=KIND, target=goal, actor=alice)
    return mail.outbox[-1].extra_headers["List-Unsubscribe"].strip("<>")


def _choice(user) -> str:
    return NotificationPreference.objects.get(owner=user).email


def test_the_link_asks_on_get_and_stops_on_post_without_signing_in(
    client, alice, bob, alices_goal, mentored, django_capture_on_commit_callbacks
):
    link = _emailed_stop_link(alice, bob, alices_goal, django_capture_on_commit_callbacks)
    page = client.get(link)
    assert page.status_code == 200
    assert "Stop notification emails?" in page.content.decode()
    assert _choice(bob) == EmailChoice.EACH  # a link preview changes nothing

    done = client.post(link)
    assert done.status_code == 200
    text = done.content.decode()
    assert "Notification emails stopped" in text
    assert "neither one per notification nor the daily digest" in text
    assert "reminders are not affected" in text
    assert _choice(bob) == EmailChoice.NONE

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice)
    assert len(mail.outbox) == 1  # the one before stopping


def test_mail_clients_one_click_post_works(client, bob, monday):
    # RFC 8058: the client POSTs "List-Unsubscribe=One-Click" with no cookie or CSRF token.
    url = reverse("notifications:stop", args=[stop_token(user=bob)])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert _choice(bob) == EmailChoice.NONE


def test_a_digest_reader_is_stopped_too(client, bob, monday):
    preference_save(user=bob, email=EmailChoice.DIGEST)
    client.post(reverse("notifications:stop", args=[stop_token(user=bob)]))
    prefs = NotificationPreference.objects.get(owner=bob)
    assert (prefs.email, prefs.next_digest_at) == (EmailChoice.NONE, None)


def test_an_old_link_expires_kindly(client, bob, monday, time_machine):
    url = reverse("notifications:stop", args=[stop_token(user=bob)])
    time_machine.move_to(monday + timedelta(days=91), tick=False)
    response = client.post(url)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert _choice(bob) == EmailChoice.EACH


def test_a_revoked_link_no_longer_works(client, bob, monday):
    url = reverse("notifications:stop", args=[stop_token(user=bob)])
    stop_links_revoke(user=bob)
    assert client.post(url).status_code == 410
    assert _choice(bob) == EmailChoice.EACH


def test_stopping_every_old_link_from_the_page(client, bob, monday):
    url = reverse("notifications:stop", args=[stop_token(user=bob)])
    client.force_login(bob)
    response = client.post(reverse("notifications:stop-links-reset"), follow=True)
    assert "Every earlier stop link has stopped working." in response.content.decode()
    client.logout()
    assert client.post(url).status_code == 410
    fresh = reverse("notifications:stop", args=[stop_token(user=bob)])
    assert client.post(fresh).status_code == 200


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "eyJzIjoiIn0:1abc:xyz"])
def test_a_made_up_token_is_a_404(client, db, token):
    assert client.get(reverse("notifications:stop", args=[token])).status_code == 404


def test_the_link_names_nobody(bob, monday):
    from django.core import signing

    from apps.notifications.stop_links import STOP_SALT

    payload = signing.loads(stop_token(user=bob), salt=STOP_SALT)
    # Only the random stop key: no id, no address.
    assert payload == {"s": NotificationPreference.objects.get(owner=bob).stop_key}
    assert len(payload["s"]) >= 40


def test_guessing_links_is_rate_limited(client, db, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "notification_stop": "3/m"}
    url = reverse("notifications:stop", args=["guess"])
    statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
