"""A planner deletes their account in a real browser, and cannot sign in with it afterwards."""

from playwright.sync_api import Page, expect

from apps.accounts.models import User
from tests.factories import PASSWORD, GoalFactory, UserFactory


def _sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")


def test_delete_my_account_then_sign_in_fails(page: Page, live_server, browser_errors):
    base = live_server.url
    robin = UserFactory(email="robin@example.com", display_name="Robin")
    GoalFactory(owner=robin, title="Lead the platform team")
    _sign_in(page, base, robin.email)

    page.goto(f"{base}/account/")
    page.get_by_role("link", name="Delete account").click()
    # The password again, before the page even shows.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Delete your account")).to_be_visible()

    page.get_by_label("Type your email address to confirm").fill("robin@example.org")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("That is not your address, so nothing was deleted")).to_be_visible()

    page.get_by_label("Type your email address to confirm").fill("robin@example.com")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    assert not User.objects.filter(email="robin@example.com").exists()

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("robin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("not correct", exact=False)).to_be_visible()
    # The mistyped address was answered with a 422 on purpose (the form with its error); the
    # browser logs every 4xx page load. Anything else would be a real error.
    unexpected = [e for e in browser_errors if "status of 422" not in e]
    assert unexpected == []
