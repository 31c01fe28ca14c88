"""A mentor sees the unread count, opens a notification to reach the goal, marks the rest read
with one click, and chooses the daily digest — in a real browser, with axe finding nothing."""

from pathlib import Path

from playwright.sync_api import Page, expect

from apps.notifications.models import EmailChoice, NotificationPreference
from apps.notifications.services import notify
from tests.factories import PASSWORD, GoalFactory, MentorshipFactory, UserFactory
from tests.notifications.kinds import KIND

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def _violations(page: Page) -> list[str]:
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']]}" for v in found]


def test_count_open_mark_all_read_and_choose_the_digest(page: Page, browser_errors, live_server):
    url = live_server.url
    alice = UserFactory(email="alice@example.com", display_name="Alice")
    bob = UserFactory(email="bob@example.com", display_name="Bob")
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
    for title in ("Speak at a conference", "Lead a team of five", "Learn <Rust> & Go"):
        notify(recipient=bob, kind=KIND, target=GoalFactory(owner=alice, title=title), actor=alice)

    page.add_init_script(path=str(AXE))
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(bob.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Notifications 3 unread")).to_be_visible()

    nav.get_by_role("link", name="Notifications").click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    expect(
        page.get_by_role("button", name="Alice wrote about “Learn <Rust> & Go” (unread)")
    ).to_be_visible()
    assert _violations(page) == []

    page.get_by_role("button", name="Alice wrote about “Lead a team of five”").click()
    expect(page.get_by_role("heading", name="Lead a team of five", level=1)).to_be_visible()
    expect(nav.get_by_role("link", name="Notifications 2 unread")).to_be_visible()

    nav.get_by_role("link", name="Notifications").click()
    page.get_by_role("button", name="Mark all read").click()
    expect(page.get_by_role("button", name="Mark all read")).to_have_count(0)
    # The count in the navigation goes in the same swap, without a reload.
    expect(nav.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    page.get_by_label("One email a day with what is new").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("You will get one email a day")).to_be_visible()
    assert NotificationPreference.objects.get(owner=bob).email == EmailChoice.DIGEST
    assert browser_errors == []
