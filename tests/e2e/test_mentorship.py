"""A planner invites a mentor, who signs up with the invited address, accepts, reads a shared
goal, and loses access the moment the planner ends the mentorship — in a real browser."""

import re

from playwright.sync_api import Browser, Page, expect

from tests.factories import PASSWORD, GoalFactory, UserFactory

MENTOR_EMAIL = "robin@example.com"
MENTOR_PASSWORD = "a long walk by the river"
INVITATION_LINK = re.compile(r"https?://\S+/mentorship/invitations/[\w-]+/")
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


def _sign_in(page: Page, url: str, email: str, password: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def _link(mailoutbox, pattern: re.Pattern, to: str) -> str:
    [message] = [m for m in mailoutbox if m.to == [to] and pattern.search(m.body)]
    return pattern.search(message.body).group(0)


def _invite(page: Page, url: str) -> None:
    page.goto(f"{url}/")
    page.get_by_role("navigation").get_by_role("link", name="Mentorship").click()
    page.get_by_role("button", name="Invite a mentor").click()
    page.get_by_label("Their email address").fill(MENTOR_EMAIL)
    page.get_by_label("A personal message").fill("Would you help me grow into a lead?")
    page.get_by_label("Lead a team of five").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Your invitation is on its way to {MENTOR_EMAIL}")).to_be_visible()


def _sign_up_and_accept(mentor: Page, url: str, link: str, mailoutbox) -> None:
    mentor.goto(link)
    expect(mentor.get_by_role("heading", level=1)).to_contain_text("Alice would like you")
    expect(mentor.get_by_role("main")).to_contain_text("Lead a team of five")
    mentor.get_by_role("main").get_by_role("button", name="Sign up").click()
    mentor.get_by_label("Email").fill(MENTOR_EMAIL)
    mentor.get_by_label("Your name").fill("Robin")
    mentor.get_by_label("Password").fill(MENTOR_PASSWORD)
    mentor.get_by_role("button", name="Sign Up").click()
    mentor.goto(_link(mailoutbox, CONFIRM_LINK, MENTOR_EMAIL))
    mentor.get_by_role("button", name="Confirm").click()
    mentor.goto(link)
    mentor.get_by_role("button", name="Accept").click()
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Alice's plan")


def test_invite_accept_read_and_lose_access_when_it_ends(
    page: Page, browser: Browser, browser_context_args, browser_errors, live_server, mailoutbox
):
    url = live_server.url
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    GoalFactory(owner=alice, title="Lead a team of five")
    GoalFactory(owner=alice, title="A private goal")
    _sign_in(page, url, alice.email, PASSWORD)
    _invite(page, url)
    # Mentorship mail links to SITE_URL (the test settings' host); the browser needs the live one.
    link = url + "/" + _link(mailoutbox, INVITATION_LINK, MENTOR_EMAIL).split("/", 3)[3]

    mentor = browser.new_context(**browser_context_args).new_page()
    _sign_up_and_accept(mentor, url, link, mailoutbox)
    expect(mentor.get_by_role("main")).not_to_contain_text("A private goal")
    mentor.get_by_role("link", name="Lead a team of five").click()
    expect(mentor.get_by_text("Shared with you by Alice")).to_be_visible()
    expect(mentor.get_by_role("link", name="Adjust goal")).to_have_count(0)
    goal_url = mentor.url
    assert [m for m in mailoutbox if m.to == [alice.email] and "accepted" in m.subject]

    page.goto(f"{url}/mentorship/")
    page.get_by_role("link", name="Manage sharing and agreement").click()
    page.get_by_role("button", name="End the mentorship…").click()
    page.get_by_role("button", name="End the mentorship").click()
    expect(page.get_by_text("The mentorship has ended")).to_be_visible()

    response = mentor.goto(goal_url)
    assert response is not None
    assert response.status == 404
    assert browser_errors == []
