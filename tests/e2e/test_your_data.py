"""A planner downloads their data in a real browser, and brings it into a new, empty account."""

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from apps.goals.models import Goal
from tests.factories import PASSWORD, GoalFactory, MilestoneFactory, UserFactory


def _sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")


def test_download_my_data_and_import_it_elsewhere(
    page: Page, live_server, browser_errors, tmp_path
):
    base = live_server.url
    robin = UserFactory(email="robin@example.com", display_name="Robin")
    goal = GoalFactory(owner=robin, title="Lead the platform team")
    MilestoneFactory(goal=goal, title="=Run the first planning session")
    _sign_in(page, base, robin.email)

    page.goto(f"{base}/account/")
    page.get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", name="Download my data")).to_be_visible()
    page.get_by_role("button", name="Prepare my download").click()
    expect(page.get_by_text("Your download is ready.")).to_be_visible()
    expect(page.get_by_text("the link works until")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download my data (JSON)").click()
    saved = tmp_path / "robin.json"
    info.value.save_as(saved)
    document = json.loads(saved.read_text())
    assert [g["title"] for g in document["goals"]] == ["Lead the platform team"]

    with page.expect_download() as info:
        page.get_by_role("link", name="your milestones (CSV)").click()
    csv_file = tmp_path / "milestones.csv"
    info.value.save_as(csv_file)
    assert "'=Run the first planning session" in csv_file.read_text()

    # A new, empty account takes the file.
    page.context.clear_cookies()
    UserFactory(email="robin.new@example.com", display_name="Robin again")
    _sign_in(page, base, "robin.new@example.com")
    page.goto(f"{base}/account/data/")
    page.get_by_label("Your export file").set_input_files(saved)
    page.get_by_role("button", name="Import my plan").click()
    expect(page.get_by_text("Your plan is imported. Welcome back.")).to_be_visible()
    assert Goal.objects.filter(owner__email="robin.new@example.com").count() == 1

    # Once it holds a plan, the account takes no second import.
    page.goto(f"{base}/account/data/")
    expect(page.get_by_text("This account already holds a plan")).to_be_visible()
    assert browser_errors == []


AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def test_axe_finds_nothing_on_the_data_and_print_pages(page: Page, live_server, browser_errors):
    base = live_server.url
    robin = UserFactory(email="robin@example.com", display_name="Robin")
    MilestoneFactory(goal=GoalFactory(owner=robin, title="Lead the platform team"))
    # Injected through the DevTools protocol, so the page's Content-Security-Policy lets it run.
    page.add_init_script(path=str(AXE))
    _sign_in(page, base, robin.email)
    problems = {}
    for path in ("/account/data/", "/account/data/print/"):
        page.goto(base + path)
        expect(page.locator("main h1")).to_be_visible()
        found = page.evaluate("async () => (await axe.run(document)).violations")
        if found:
            problems[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]
    assert problems == {}
    assert browser_errors == []
