"""A new planner signs up, verifies their email, signs out and signs in again, in a real browser."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import BROWSER_TIMEZONE

EMAIL = "robin@example.com"
NAME = "Robin Rivera"
PASSWORD = "a long walk by the river"

CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def _confirmation_link(mailoutbox, live_server_url: str) -> str:
    assert len(mailoutbox) == 1, [message.subject for message in mailoutbox]
    message = mailoutbox[0]
    assert message.to == [EMAIL]
    assert "Confirm" in message.subject
    links = CONFIRM_LINK.findall(message.body)
    assert len(links) == 1, message.body
    link = links[0]
    assert link.startswith(f"{live_server_url}/")
    html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html) == 1, message.alternatives
    assert f'href="{link}"' in html[0]
    return link


def _expect_dashboard(page: Page, live_server_url: str) -> None:
    expect(page).to_have_url(f"{live_server_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {NAME}")
    steps = page.get_by_role("region", name="Your next steps").get_by_role("listitem")
    expect(steps).to_have_count(3)
    expect(steps.first).to_contain_text("Tell us your name and time zone")
    expect(steps.first).to_contain_text(f"({BROWSER_TIMEZONE})")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_sign_up_verify_sign_out_and_back_in(
    page: Page, browser_errors: list[str], live_server, mailoutbox
):
    url = live_server.url

    # A visitor is sent to sign in, and from there to sign up.
    page.goto(f"{url}/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    expect(page.get_by_role("heading", name="Sign up", level=1)).to_be_visible()

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Your name").fill(NAME)
    # The page preselects the browser's own time zone.
    timezone = page.get_by_label("Time zone")
    expect(timezone).to_have_value(BROWSER_TIMEZONE)
    page.get_by_label("Password").fill(PASSWORD)
    assert mailoutbox == []
    page.get_by_role("button", name="Sign up").click()

    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    # The link from the email asks for a confirmation (a GET alone changes nothing).
    page.goto(_confirmation_link(mailoutbox, url))
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    page.get_by_role("button", name="Confirm").click()
    _expect_dashboard(page, url)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    _expect_dashboard(page, url)

    assert browser_errors == []
