"""A long conversation on a goal: the page shows its latest threads, and "Show all" opens the
rest in place with the keyboard landing on it — in a real browser, with axe finding nothing."""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.mentorship.models import Comment
from tests.factories import PASSWORD, CommentFactory, GoalFactory, UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def test_show_all_opens_every_thread_and_takes_the_keyboard_there(
    page: Page, browser_errors, live_server
):
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    start = timezone.now() - timedelta(days=10)
    for n in range(7):
        note = CommentFactory(goal=goal, author=alice, body=f"Thought number {n}")
        Comment.objects.filter(pk=note.pk).update(created_at=start + timedelta(hours=n))

    page.add_init_script(path=str(AXE))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/goals/{goal.public_id}/")

    conversation = page.locator("#conversation")
    expect(conversation.locator(".comment-thread")).to_have_count(5)
    expect(conversation.get_by_text("Thought number 0")).to_have_count(0)
    show_all = page.get_by_role("link", name="Show all 7 comments")
    everything = f"{live_server.url}{show_all.get_attribute('href')}"
    show_all.focus()
    page.keyboard.press("Enter")

    expect(conversation.locator(".comment-thread")).to_have_count(7)
    expect(conversation.get_by_text("Thought number 0")).to_be_visible()
    expect(page.get_by_role("heading", name="Conversation", level=2)).to_be_focused()
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    assert violations == []

    # Without JavaScript the control is a link to the whole conversation on a page of its own.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(everything)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Conversation about “Lead a team of five”"
    )
    expect(page.locator(".comment-thread")).to_have_count(7)
    assert page.evaluate("async () => (await axe.run(document)).violations") == []
