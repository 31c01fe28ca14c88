import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

URL = reverse("accounts:settings")


def test_settings_show_the_current_profile(alice_client):
    page = alice_client.get(URL).content.decode()
    assert 'value="Alice"' in page
    assert '<option value="Europe/Berlin" selected>' in page


def test_saving_the_profile_with_a_plain_form_post(alice_client, alice):
    response = alice_client.post(URL, {"display_name": "  Alice A.  ", "timezone": "Asia/Kolkata"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.timezone) == ("Alice A.", "Asia/Kolkata")
    assert "Your profile is saved." in alice_client.get(URL).content.decode()


def test_saving_the_profile_with_htmx_returns_only_the_form(alice_client, alice):
    response = alice_client.post(
        URL, {"display_name": "Al", "timezone": "UTC"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<form id="profile-form"')
    assert "Your profile is saved." in page
    alice.refresh_from_db()
    assert alice.timezone == "UTC"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"display_name": "Al", "timezone": "Nowhere/Atlantis"}, "timezone"),
        ({"display_name": "x" * 81, "timezone": "UTC"}, "display_name"),
    ],
)
def test_bad_input_is_explained_next_to_its_field(alice_client, alice, data, field):
    response = alice_client.post(URL, data)
    assert response.status_code == 422
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error"', page)
    alice.refresh_from_db()
    assert (alice.display_name, alice.timezone) == ("Alice", "Europe/Berlin")


def test_times_are_shown_in_the_persons_time_zone(alice_client, alice):
    alice.date_joined = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    alice.save(update_fields=["date_joined"])
    page = alice_client.get(URL).content.decode()
    assert "15 Jan 2026, 13:00" in page  # noon UTC is 13:00 in Berlin
