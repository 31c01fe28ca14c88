"""A planner sorts the priority matrix with the keyboard and by dragging, in a real browser, and
finds the new order and quadrants still there after a reload."""

import re

from playwright.sync_api import Page, expect

from apps.goals.models import Goal
from tests.factories import PASSWORD, GoalFactory, UserFactory

EMAIL = "sam@example.com"


def _sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def _titles(page: Page, quadrant: str):
    return page.locator(f'[data-quadrant="{quadrant}"] .matrix-card h3')


def _card(page: Page, title: str):
    return page.locator(".matrix-card", has=page.get_by_role("heading", name=title, exact=True))


def test_reorder_by_keyboard_and_by_drag_and_it_sticks(
    page: Page, browser_errors: list[str], live_server
):
    sam = UserFactory(email=EMAIL, display_name="Sam")
    for title in ("Get certified", "Grow my network", "Learn Rust"):
        GoalFactory(owner=sam, title=title, urgent=False, important=True)
    GoalFactory(owner=sam, title="Ship the portfolio", urgent=True, important=True)
    url = live_server.url
    # Tall enough that both drags start and end on screen: a drag cannot scroll mid-way.
    page.set_viewport_size({"width": 1280, "height": 1400})
    _sign_in(page, url)

    page.goto(f"{url}/goals/matrix/")
    expect(page.get_by_role("heading", name="Priority matrix", level=1)).to_be_visible()
    expect(_titles(page, "schedule")).to_have_text(
        ["Get certified", "Grow my network", "Learn Rust"]
    )
    expect(_titles(page, "drop")).to_have_count(0)
    expect(page.locator('[data-quadrant="drop"]')).to_contain_text("Empty is a good sign")

    # Keyboard: focus "up" on the last card and press Enter; focus stays on that button.
    up = page.get_by_role("button", name="Move Learn Rust up")
    up.focus()
    page.keyboard.press("Enter")
    expect(_titles(page, "schedule")).to_have_text(
        ["Get certified", "Learn Rust", "Grow my network"]
    )
    expect(page.locator("#messages")).to_contain_text("“Learn Rust” is now 2 of 3 in Schedule.")
    expect(page.get_by_role("button", name="Move Learn Rust up")).to_be_focused()

    # Keyboard: open "Move to…" and send a goal to another quadrant.
    summary = _card(page, "Grow my network").locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Move Grow my network to Do first").focus()
    page.keyboard.press("Enter")
    expect(_titles(page, "do_first")).to_have_text(["Ship the portfolio", "Grow my network"])
    expect(_card(page, "Grow my network")).to_be_focused()

    # Drag and drop: into the empty "Drop" quadrant, then to the top of "Do first".
    _card(page, "Get certified").drag_to(page.locator('[data-quadrant="drop"]'))
    expect(_titles(page, "drop")).to_have_text(["Get certified"])
    expect(page.locator("#messages")).to_contain_text("“Get certified” is now 1 of 1 in Drop.")
    target = _card(page, "Ship the portfolio")
    _card(page, "Grow my network").drag_to(target, target_position={"x": 20, "y": 4})
    expect(_titles(page, "do_first")).to_have_text(["Grow my network", "Ship the portfolio"])
    # The card moves in the browser at once; the server's answer is the announcement. Reloading
    # before it arrives would cancel the save.
    expect(page.locator("#messages")).to_contain_text(
        "“Grow my network” is now 1 of 2 in Do first."
    )

    page.reload()
    expect(_titles(page, "do_first")).to_have_text(["Grow my network", "Ship the portfolio"])
    expect(_titles(page, "schedule")).to_have_text(["Learn Rust"])
    expect(_titles(page, "drop")).to_have_text(["Get certified"])
    dropped = Goal.objects.get(title="Get certified")
    assert (dropped.urgent, dropped.important) == (False, False)
    assert re.search(r"matrix", page.url)
    assert browser_errors == []
