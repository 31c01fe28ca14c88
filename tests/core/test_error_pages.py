"""Error pages speak the product's language and show the way back, never Django's defaults."""

from django.test import Client, RequestFactory
from django.views import defaults

from tests.factories import GoalFactory


def test_a_missing_page_says_so_and_leads_back_to_the_dashboard(alice_client):
    response = alice_client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "We can’t find that page" in page
    assert "Back to your dashboard" in page
    assert 'aria-label="Main"' in page  # the app's own navigation


def test_another_persons_goal_looks_exactly_like_a_missing_page(alice_client, charlie):
    theirs = alice_client.get(f"/goals/{GoalFactory(owner=charlie).public_id}/")
    missing = alice_client.get("/goals/00000000-0000-4000-8000-000000000000/")
    assert theirs.status_code == missing.status_code == 404
    assert "We can’t find that page" in theirs.content.decode()


def test_a_visitor_who_is_not_signed_in_is_offered_the_sign_in(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Sign in" in response.content.decode()


def test_a_stale_form_is_explained_and_nothing_is_saved(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post("/account/", {"display_name": "Changed", "timezone": "UTC"})
    assert response.status_code == 403
    assert "Please send that again" in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_a_server_error_page_needs_no_database_or_user(db):
    request = RequestFactory().get("/")
    response = defaults.server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "css/app.css" in page


def test_a_bad_request_page_says_nothing_changed(db):
    request = RequestFactory().get("/")
    response = defaults.bad_request(request, exception=None)
    assert response.status_code == 400
    assert "nothing changed" in response.content.decode()


def test_a_forbidden_page_is_in_the_products_words(db):
    request = RequestFactory().get("/")
    response = defaults.permission_denied(request, exception=None)
    assert response.status_code == 403
    assert "That is not something you can do here" in response.content.decode()


def test_a_request_for_another_host_gets_the_400_page_not_a_crash(client, db):
    response = client.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert "That request could not be read" in response.content.decode()


def test_a_flash_message_waits_for_the_next_real_page(alice_client):
    alice_client.post("/account/", {"display_name": "Alice B.", "timezone": "UTC"})
    missing = alice_client.get("/no-such-page/")
    assert "Your profile is saved." not in missing.content.decode()
    assert "Your profile is saved." in alice_client.get("/account/").content.decode()
