"""A planner asks for a new date on a shared goal, the mentor comments, the planner accepts,
and the goal's history shows the change with the reason and the comment — in a real
browser, the mentor in a second session."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.factories import PASSWORD, GoalFactory, MentorshipFactory, UserFactory


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_propose_comment_accept_and_see_it_in_the_history(
    page: Page, browser: Browser, browser_context_args, browser_errors, live_server
):
    url = live_server.url
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    bob = UserFactory(email="bob@example.com", display_name="Bob")
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    MentorshipFactory(planner=alice, mentor=bob, goals=[goal])
    new_date = timezone.localdate() + timedelta(days=200)
    goal_url = f"{url}/goals/{goal.public_id}/"

    _sign_in(page, url, alice.email)
    page.goto(goal_url)
    page.locator("#deadline-requests").get_by_role("button", name="Propose a new date").click()
    page.get_by_label("Which date").select_option("goal")
    page.get_by_label("The new date you propose").fill(new_date.isoformat())
    page.get_by_label("Why you need it").fill("The team-lead opening moved to the spring.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request is with your mentor.")).to_be_visible()

    mentor = browser.new_context(**browser_context_args).new_page()
    _sign_in(mentor, url, bob.email)
    mentor.goto(goal_url)
    requests = mentor.locator("#deadline-requests")
    expect(requests).to_contain_text("The team-lead opening moved to the spring.")
    expect(requests.get_by_role("button", name="Accept the new date")).to_have_count(0)
    requests.get_by_label("Your comment").fill("Spring is realistic — use the time for a course.")
    requests.get_by_role("button", name="Send comment").click()
    expect(mentor.get_by_text("Alice will see your comment.")).to_be_visible()

    page.goto(goal_url)
    requests = page.locator("#deadline-requests")
    expect(requests).to_contain_text("Comment from Bob")
    requests.get_by_role("button", name="Accept the new date").click()
    expect(page.get_by_text("The new date is set.")).to_be_visible()
    history = page.locator("#history")
    expect(history).to_contain_text("Target date")
    expect(history).to_contain_text("The team-lead opening moved to the spring.")
    expect(history).to_contain_text("Comment from Bob: Spring is realistic")
    goal.refresh_from_db()
    assert goal.target_date == new_date
    assert browser_errors == []
