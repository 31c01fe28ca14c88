"""Pause links: opaque, 90 days old at most, and revoked all at once by the planner."""

import base64
import zlib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.checkins.access import schedule_of
from apps.checkins.services.pause_links import pause_token
from apps.checkins.services.schedules import schedule_save


def _url(token: str) -> str:
    return reverse("checkins:pause", kwargs={"token": token})


@pytest.fixture
def weekly(alice):
    return schedule_save(user=alice, frequency="weekly", timezone="UTC")


def _payload(token: str) -> str:
    data = token.split(":", 1)[0]
    raw = base64.urlsafe_b64decode(data.lstrip(".") + "=" * (-len(data.lstrip(".")) % 4))
    return (zlib.decompress(raw) if data.startswith(".") else raw).decode()


def test_the_token_does_not_show_who_it_is_for(alice, weekly):
    payload = _payload(pause_token(user=alice))
    assert str(alice.public_id) not in payload
    assert str(alice.pk) not in payload.replace('"k":"checkin"', "")
    assert alice.email not in payload


def test_a_link_older_than_90_days_shows_the_expired_page(client, alice, weekly, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    url = _url(pause_token(user=alice))
    time_machine.shift(timedelta(days=89))
    assert client.get(url).status_code == 200

    time_machine.shift(timedelta(days=2))
    response = client.post(url)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert not schedule_of(alice).paused


def test_stop_every_old_link_revokes_links_already_sent(alice_client, alice, weekly):
    old = _url(pause_token(user=alice))
    response = alice_client.post(reverse("checkins:pause-links-reset"))
    assert response.status_code == 302

    refused = alice_client.post(old)
    assert refused.status_code == 410
    assert "This link has expired" in refused.content.decode()
    assert not schedule_of(alice).paused

    new = alice_client.post(_url(pause_token(user=alice)))
    assert new.status_code == 200
    assert schedule_of(alice).paused


def test_the_schedule_page_offers_to_stop_old_links(alice_client):
    page = alice_client.get(reverse("checkins:schedule")).content.decode()
    assert reverse("checkins:pause-links-reset") in page
    assert "Stop every old link" in page


def test_one_click_post_from_a_mail_client_still_works(client, alice, weekly):
    response = client.post(
        _url(pause_token(user=alice)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert schedule_of(alice).paused
    assert mail.outbox == []
