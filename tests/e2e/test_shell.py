"""The app shell and the goal page by keyboard and by phone: the menu button opens and closes
the sections (without JavaScript too), adding a milestone or a step leaves the focus where the
next one goes, and axe-core finds nothing on the page shapes, at desktop and phone width, in
the light and the dark scheme."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from apps.accounts.models import User
from apps.goals.models import Goal
from tests.e2e.htmx import settled
from tests.factories import GoalFactory, MilestoneFactory, UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def _sign_in(page: Page, client, live_server_url: str, user) -> None:
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server_url}])


def test_the_phone_menu_opens_by_keyboard_and_marks_where_you_are(
    page: Page, browser_errors, live_server, client
):
    page.set_viewport_size(PHONE)
    user = UserFactory(display_name="Sam")
    _sign_in(page, client, live_server.url, user)
    page.goto(live_server.url + reverse("plan:timeline"))
    menu = page.locator("details[data-nav-menu]")
    toggle = menu.locator("summary")
    expect(toggle).to_contain_text("Menu · Goals")
    goals = menu.get_by_role("link", name="Goals", exact=True)
    expect(goals).to_be_hidden()
    # The header stays one row: the brand and the button side by side.
    assert page.locator(".site-header").bounding_box()["height"] < 90

    toggle.focus()
    page.keyboard.press("Enter")
    expect(goals).to_be_visible()
    expect(goals).to_have_attribute("aria-current", "true")
    expect(menu.get_by_role("link", name="Roadmap")).to_have_attribute("aria-current", "page")
    for name in ("Dashboard", "Self-assessment", "Priorities", "Wins", "Check-ins", "Mentorship"):
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(menu.get_by_role("button", name="Sign out")).to_be_visible()

    page.keyboard.press("Escape")
    expect(goals).to_be_hidden()
    expect(toggle).to_be_focused()

    toggle.click()
    menu.get_by_role("link", name="Check-ins", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("details[data-nav-menu] summary")).to_contain_text("Menu · Check-ins")
    assert browser_errors == []


def test_the_phone_menu_works_without_javascript(browser: Browser, live_server, client):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    _sign_in(page, client, live_server.url, UserFactory())
    page.goto(live_server.url + reverse("dashboard:index"))
    account = page.get_by_role("link", name="Account", exact=True)
    expect(account).to_be_hidden()
    page.get_by_text("Menu").click()
    account.click()
    expect(page).to_have_url(live_server.url + reverse("accounts:settings"))
    context.close()


def test_the_desktop_navigation_is_one_row_with_the_section_marked(page: Page, live_server, client):
    page.set_viewport_size(DESKTOP)
    _sign_in(page, client, live_server.url, UserFactory())
    page.goto(live_server.url + reverse("wins:list"))
    expect(page.locator("details[data-nav-menu]")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Goals", exact=True)).to_have_attribute(
        "aria-current", "true"
    )
    links = nav.locator(".nav-wide .nav-sections > li > a").all()
    tops = {round(link.bounding_box()["y"]) for link in links}
    assert len(tops) == 1


def test_adding_milestones_and_steps_by_keyboard_keeps_your_place(
    page: Page, browser_errors, live_server, client
):
    user = UserFactory()
    goal = GoalFactory(owner=user, title="Become a project lead")
    MilestoneFactory(goal=goal, title="Pass the practice exam")
    _sign_in(page, client, live_server.url, user)
    page.goto(live_server.url + reverse("plan:goal", kwargs={"public_id": goal.public_id}))

    # One button size: the goal's two actions line up.
    adjust = page.get_by_role("button", name="Adjust goal").bounding_box()
    delete = page.get_by_role("button", name="Delete", exact=True).bounding_box()
    assert (adjust["y"], adjust["height"]) == (delete["y"], delete["height"])

    # The add form waits behind a button; asking for it puts the focus in its first field.
    expect(page.get_by_label("Milestone", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Add a milestone").focus()
    page.keyboard.press("Enter")
    title = page.get_by_label("Milestone", exact=True)
    expect(title).to_be_focused()
    settled(page)
    page.keyboard.type("Lead a small project")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Lead a small project", level=3)).to_be_visible()
    # Ready for the next one, without a single Tab.
    expect(page.get_by_label("Milestone", exact=True)).to_be_focused()
    expect(page.get_by_label("Milestone", exact=True)).to_have_value("")

    row = page.locator("li.milestone").filter(has_text="Lead a small project")
    row.get_by_text("No steps yet — add a first small step").focus()
    page.keyboard.press("Enter")
    # The form arrives with its field focused.
    step = row.get_by_label("Step", exact=True)
    expect(step).to_be_focused()
    settled(page)
    page.keyboard.type("Ask for a pilot project")
    page.keyboard.press("Enter")
    expect(row.get_by_text("Ask for a pilot project", exact=True)).to_be_visible()
    expect(row.get_by_label("Step", exact=True)).to_be_focused()
    expect(row.get_by_label("Step", exact=True)).to_have_value("")
    assert browser_errors == []


def _violations(page: Page) -> list[str]:
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']]}" for v in found]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_on_the_shell_and_the_goal_pages(
    browser: Browser, live_server, client, viewport, scheme
):
    call_command("seed_demo", stdout=io.StringIO())
    planner = User.objects.get(email="planner@example.com")
    goal = Goal.objects.get(owner=planner, title="Finish the people-leadership course")
    # No milestones, a vague "what", no "why": the SMART check shows weak and missing states.
    empty = GoalFactory(
        owner=planner, title="A goal with nothing yet", specific="Get better", relevant=""
    )
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.add_init_script(path=str(AXE))
    pages = [
        reverse("dashboard:index"),
        reverse("goals:list"),
        reverse("plan:goal", args=[goal.public_id]),
        reverse("plan:goal", args=[empty.public_id]),
        reverse("goals:obstacle-create", args=[goal.public_id]),
        reverse("milestones:create", args=[goal.public_id]),
        reverse("wins:list"),
        reverse("checkins:history"),
        reverse("mentorship:home"),
        reverse("accounts:settings"),
        "/no-such-page/",
    ]
    problems = {}
    for signed_in in (False, True):
        if signed_in:
            _sign_in(page, client, live_server.url, planner)
        for path in pages if signed_in else [reverse("account_login"), "/no-such-page/"]:
            page.goto(live_server.url + path)
            expect(page.locator("main h1")).to_be_visible()
            if found := _violations(page):
                problems[path] = found
            # Nothing makes the page itself scroll sideways; wide parts scroll in their box.
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > viewport["width"]:
                problems[f"{path} width"] = [f"{width}px wide"]
        if signed_in and viewport == PHONE:
            page.locator("details[data-nav-menu] summary").click()
            if found := _violations(page):
                problems["the open menu"] = found
    context.close()
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reaching_a_milestone_and_a_goal_is_celebrated(
    browser: Browser, live_server, client, motion
):
    user = UserFactory()
    goal = GoalFactory(owner=user, title="Become a project lead")
    MilestoneFactory(goal=goal, title="Pass the practice exam")
    context = browser.new_context(reduced_motion=motion)
    page = context.new_page()
    _sign_in(page, client, live_server.url, user)
    page.goto(live_server.url + reverse("plan:goal", kwargs={"public_id": goal.public_id}))
    confetti = page.locator(".cp-confetti")

    page.get_by_role("button", name="Mark “Pass the practice exam” as reached").click()
    news = page.get_by_role("status").filter(has_text="Milestone reached")
    expect(news).to_contain_text("Milestone reached — added to your wins.")
    if motion == "reduce":
        expect(confetti).to_have_count(0)
    else:
        expect(confetti.locator(".cp-confetti-piece")).to_have_count(36)
        expect(confetti).to_have_attribute("aria-hidden", "true")
        expect(confetti).to_have_count(0, timeout=5000)  # it clears itself away

    page.get_by_role("button", name="Mark as achieved").click()
    news = page.locator(".flash-celebrate")
    expect(news).to_contain_text("You did it!")
    expect(news).to_be_focused()  # read out, and the keyboard goes on from here
    if motion == "reduce":
        expect(confetti).to_have_count(0)
    else:
        expect(confetti.locator(".cp-confetti-piece")).to_have_count(60)
    context.close()
