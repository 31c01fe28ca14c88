"""The whole mentoring rhythm in one sitting, in a real browser: a planner finds a mentor in
the directory and asks; the mentor accepts and sets regular meetings; the planner proposes a
new deadline for the goal she shared, the mentor comments on it, she accepts, and the goal's
history keeps the change with her reason and his comment."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from apps.directory.models import MentorProfile
from tests.factories import PASSWORD, GoalFactory, UserFactory


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_find_a_mentor_meet_and_renegotiate_a_deadline(
    page: Page, browser: Browser, browser_context_args, browser_errors, live_server
):
    url = live_server.url
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    robin = UserFactory(email="robin@example.com", display_name="Robin")
    MentorProfile.objects.create(
        user=robin, headline="Platform lead who hires engineers", areas=["leadership"]
    )

    # The planner finds Robin in the directory and asks, sharing her goal.
    _sign_in(page, url, alice.email)
    page.goto(f"{url}/mentorship/")
    page.get_by_role("main").get_by_role("button", name="Find a mentor").click()
    page.get_by_label("Area").select_option("leadership")
    page.locator("#mentor-results").get_by_role("link", name="Ask Robin to mentor you").click()
    page.get_by_label("Your message").fill("Would you help me grow into a lead?")
    page.get_by_label("Lead a team of five").check()
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("Your request is on its way to Robin")).to_be_visible()

    # Robin accepts, then sets meetings every two weeks from the mentorship's page.
    mentor = browser.new_context(**browser_context_args).new_page()
    _sign_in(mentor, url, robin.email)
    mentor.goto(f"{url}/mentors/requests/")
    mentor.get_by_role("link", name="Alice asks you to mentor them").click()
    mentor.get_by_role("button", name="Accept and start mentoring").click()
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Alice's plan")
    mentor.goto(f"{url}/mentorship/")
    mentor.get_by_role("link", name="Plan a meeting").first.click()
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Meetings with Alice")
    form = mentor.locator("form.meeting-form").first
    form.get_by_label("How often").select_option("biweekly")
    form.get_by_label("On (weekly and every two weeks)").select_option("3")
    form.get_by_label("At").fill("09:30")
    form.get_by_role("button", name="Set regular meetings").click()
    expect(mentor.get_by_text("Your meetings are set.")).to_be_visible()
    expect(mentor.locator(".meeting-list li a")).to_have_count(4)

    # She sees the next meeting, and asks for more time on the goal.
    page.goto(f"{url}/mentorship/")
    expect(page.locator(".next-meeting a")).to_contain_text("Thu")
    goal_url = f"{url}/goals/{goal.public_id}/"
    new_date = timezone.localdate() + timedelta(days=200)
    page.goto(goal_url)
    page.locator("#deadline-requests").get_by_role("button", name="Propose a new date").click()
    page.get_by_label("Which date").select_option("goal")
    page.get_by_label("The new date you propose").fill(new_date.isoformat())
    page.get_by_label("Why you need it").fill("The team-lead opening moved to the spring.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request is with your mentor.")).to_be_visible()

    # Robin comments but cannot decide; she accepts, and the history keeps both voices.
    mentor.goto(goal_url)
    requests = mentor.locator("#deadline-requests")
    expect(requests.get_by_role("button", name="Accept the new date")).to_have_count(0)
    requests.get_by_label("Your comment").fill("Spring is realistic — use the time for a course.")
    requests.get_by_role("button", name="Send comment").click()
    expect(mentor.get_by_text("Alice will see your comment.")).to_be_visible()

    page.goto(goal_url)
    page.locator("#deadline-requests").get_by_role("button", name="Accept the new date").click()
    expect(page.get_by_text("The new date is set.")).to_be_visible()
    history = page.locator("#history")
    expect(history).to_contain_text("The team-lead opening moved to the spring.")
    expect(history).to_contain_text("Comment from Robin: Spring is realistic")
    goal.refresh_from_db()
    assert goal.target_date == new_date
    assert browser_errors == []
