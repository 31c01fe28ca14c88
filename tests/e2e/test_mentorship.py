"""A planner invites a mentor, who signs up with the invited address, accepts, reads a shared
goal and comments on it; the planner replies; then the planner ends the mentorship and the
mentor loses access that moment — in a real browser."""

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


def _comment(mentor: Page) -> None:
    """Robin writes a shared comment and a private note; both swap in without a reload."""
    conversation = mentor.locator("#conversation")
    conversation.get_by_label("Your comment").fill("Who could you **shadow** for a week?")
    conversation.get_by_role("button", name="Add").click()
    expect(conversation.locator("strong", has_text="shadow")).to_be_visible()
    conversation.get_by_label("Your comment").fill("Ask about her manager next time")
    conversation.get_by_label("Private note — only you see it").check()
    conversation.get_by_role("button", name="Add").click()
    expect(conversation.get_by_text("Private note · only you see it", exact=True)).to_be_visible()


def _reply(page: Page, goal_url: str) -> None:
    page.goto(goal_url)
    conversation = page.locator("#conversation")
    expect(conversation).to_contain_text("Who could you shadow for a week?")
    expect(conversation).not_to_contain_text("Ask about her manager")
    conversation.get_by_text("Reply", exact=True).click()
    conversation.get_by_label("Your reply").fill("Sam, who leads the platform team.")
    conversation.get_by_role("button", name="Send reply").click()
    expect(conversation.locator(".comment-replies")).to_contain_text("Sam, who leads")


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

    _comment(mentor)
    _reply(page, goal_url)
    mentor.reload()
    expect(mentor.locator(".comment-replies")).to_contain_text("Sam, who leads")

    page.goto(f"{url}/mentorship/")
    page.get_by_role("link", name="Manage sharing and agreement").click()
    page.get_by_role("button", name="End the mentorship…").click()
    page.get_by_role("button", name="End the mentorship").click()
    expect(page.get_by_text("The mentorship has ended")).to_be_visible()

    response = mentor.goto(goal_url)
    assert response is not None
    assert response.status == 404
    # Alice keeps what Robin wrote, marked as from a past mentor; his private note is his.
    page.goto(goal_url)
    expect(page.locator("#conversation")).to_contain_text("Who could you shadow for a week?")
    expect(page.get_by_text("from a past mentor")).to_be_visible()
    expect(page.locator("#conversation")).not_to_contain_text("Ask about her manager")
    assert browser_errors == []
