"""The roadmap in a real browser: it fits a phone without sideways scrolling, a two-year goal
stops at the edge with a sign that it goes on, stepping stones sit under their long-term goal,
and axe-core finds nothing at desktop and phone width, light and dark."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, GoalFactory, MilestoneFactory, UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / ".data" / "shots"


@pytest.fixture
def planner(db):
    user = UserFactory(display_name="Sam")
    today = timezone.localdate()
    vision = GoalFactory(
        owner=user,
        title="Lead an engineering group",
        horizon="long",
        target_date=today + timedelta(days=730),
    )
    MilestoneFactory(goal=vision, title="Run a team", due_date=today + timedelta(days=200))
    MilestoneFactory(goal=vision, title="Hire three people", due_date=today + timedelta(days=600))
    stone = GoalFactory(
        owner=user, title="Learn to interview", parent=vision, target_date=today + timedelta(90)
    )
    MilestoneFactory(goal=stone, title="Shadow five interviews", due_date=today - timedelta(5))
    GoalFactory(owner=user, title="Write a conference talk", target_date=today + timedelta(150))
    return user


def _open(page: Page, url: str, planner) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(planner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    # On a phone the sign-out button waits in the closed menu: present, not visible.
    expect(page.get_by_role("button", name="Sign out", include_hidden=True).first).to_be_attached()
    page.goto(f"{url}/goals/timeline/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_roadmap_fits_the_screen_and_axe_finds_nothing(
    browser, live_server, planner, width, scheme
):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.add_init_script(path=str(AXE))
    _open(page, live_server.url, planner)
    expect(page.get_by_role("heading", name="Your roadmap")).to_be_visible()

    # No sideways scrolling, and every bar ends inside the roadmap.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    edge = page.locator(".timeline").bounding_box()
    for bar in page.locator(".timeline-track .bar").all():
        box = bar.bounding_box()
        assert box["x"] >= edge["x"] - 1
        assert box["x"] + box["width"] <= edge["x"] + edge["width"] + 1

    stones = page.get_by_role("list", name="Stepping stones towards Lead an engineering group")
    expect(stones.get_by_role("link", name="Learn to interview")).to_be_visible()
    expect(page.locator(".clip-after")).to_contain_text("1 more milestone")

    page.locator(".timeline-track").first.screenshot(
        path=str(SHOTS / f"track-{width}-{scheme}.png")
    )
    found = page.evaluate("async () => (await axe.run(document)).violations")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"roadmap-{width}-{scheme}.png"), full_page=True)
    context.close()
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found] == []


def test_two_years_ahead_shows_the_whole_goal(page: Page, browser_errors, live_server, planner):
    _open(page, live_server.url, planner)
    page.get_by_role("link", name="2 years").click()
    expect(page.get_by_role("link", name="2 years")).to_have_attribute("aria-current", "true")
    expect(page.locator(".clip-after")).to_have_count(0)
    expect(page.locator(".marker")).to_have_count(3)
    assert browser_errors == []
