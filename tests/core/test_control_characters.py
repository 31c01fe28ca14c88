"""NUL and other control characters are refused before any view (or the database) sees them."""

import pytest
from django.urls import reverse

from tests.factories import GoalFactory


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/%00.ics",
        "/calendar/abc%01def.ics",
        "/goals/?q=%00",
        "/goals/?status=a%0Db",
        "/goals/?%00=1",
        "/accounts/login/?next=%00",
    ],
)
def test_control_characters_in_the_address_answer_400(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_an_admin_list_filter_with_nul_answers_400(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:accounts_user_changelist")
    assert client.get(url + "?q=%00").status_code == 400
    assert client.get(url + "?is_staff__exact=%00").status_code == 400
    assert client.get(url + "?q=ok").status_code == 200


def test_nul_in_any_form_field_answers_400_and_saves_nothing(alice_client, alice):
    goal = GoalFactory(owner=alice, title="Before")
    url = reverse("goals:edit", kwargs={"public_id": goal.public_id})
    response = alice_client.post(url, {"title": "Af\x00ter", "description": "x"})
    assert response.status_code == 400
    goal.refresh_from_db()
    assert goal.title == "Before"


def test_line_breaks_and_tabs_in_a_text_area_are_still_accepted(alice_client, alice):
    goal = GoalFactory(owner=alice)
    url = reverse("goals:obstacle-create", kwargs={"public_id": goal.public_id})
    data = {"description": "Line one\r\n\tLine two", "strategy": "Ask\r\nfor help"}
    response = alice_client.post(url, data)
    assert response.status_code != 400
