"""Rotating SECRET_KEY as docs/operations.md describes keeps emailed links working."""

from django.urls import reverse

from apps.checkins.services.pause_links import pause_token
from apps.checkins.services.schedules import schedule_save


def test_a_pause_link_signed_with_the_old_key_works_while_it_is_a_fallback(client, alice, settings):
    schedule_save(user=alice, frequency="weekly", timezone="UTC")
    settings.SECRET_KEY = "old-" + "k" * 50
    url = reverse("checkins:pause", kwargs={"token": pause_token(user=alice)})

    settings.SECRET_KEY = "new-" + "k" * 50
    settings.SECRET_KEY_FALLBACKS = ["old-" + "k" * 50]
    assert client.get(url).status_code == 200

    settings.SECRET_KEY_FALLBACKS = []
    assert client.get(url).status_code == 404
