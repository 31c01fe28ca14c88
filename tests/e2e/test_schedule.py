"""The check-in schedule form in a real browser: only the day field the rhythm uses shows, the
device's time zone is one click away, a zone is found by typing and chosen by keyboard, and
axe-core finds nothing at desktop and phone width."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from apps.checkins.models import CheckinSchedule
from tests.e2e.conftest import BROWSER_TIMEZONE
from tests.factories import PASSWORD, UserFactory

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / ".data" / "shots"


@pytest.fixture
def planner(db):
    return UserFactory(display_name="Sam", timezone="Europe/Berlin")


def _open(page: Page, url: str, planner) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(planner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    # On a phone the sign-out button waits in the closed menu: present, not visible.
    expect(page.get_by_role("button", name="Sign out", include_hidden=True).first).to_be_attached()
    page.goto(f"{url}/checkins/schedule/")


def test_only_the_day_for_the_chosen_rhythm_shows(page: Page, browser_errors, live_server, planner):
    _open(page, live_server.url, planner)
    weekday = page.get_by_label("On (weekly and every two weeks)")
    day = page.get_by_label("On day (monthly and quarterly)")
    expect(weekday).to_be_visible()
    expect(day).to_be_hidden()

    page.get_by_label("How often").select_option(label="Every quarter")
    expect(weekday).to_be_hidden()
    expect(day).to_be_visible()
    day.select_option(label="Last day of the month")
    page.get_by_role("button", name="Save schedule").click()
    expect(page.locator("#messages")).to_contain_text("Saved.")
    # The form comes back in place (HTMX) and still shows only what applies.
    expect(page.get_by_label("On (weekly and every two weeks)")).to_be_hidden()
    schedule = CheckinSchedule.objects.get(owner=planner)
    assert (schedule.frequency, schedule.day_of_month) == ("quarterly", 0)
    assert browser_errors == []


def test_the_devices_zone_is_suggested_and_a_zone_is_found_by_keyboard(
    page: Page, browser_errors, live_server, planner
):
    _open(page, live_server.url, planner)
    zone = page.get_by_label("Time zone")
    expect(zone).to_have_value("Europe/Berlin")
    suggestion = page.get_by_role("button", name="Use America/Toronto (your device's time zone)")
    suggestion.click()
    expect(zone).to_have_value(BROWSER_TIMEZONE)
    expect(zone).to_be_focused()
    # The device's zone leads the list the field searches.
    first = page.locator("#timezone-options option").first
    expect(first).to_have_attribute("value", BROWSER_TIMEZONE)

    # Typed with the keyboard only, in lower case and with a space; Enter saves the form.
    zone.fill("")
    zone.press_sequentially("asia/kolkata")
    zone.press("Enter")
    expect(page.locator("#messages")).to_contain_text("Asia/Kolkata")
    assert CheckinSchedule.objects.get(owner=planner).timezone == "Asia/Kolkata"

    page.get_by_label("Time zone").fill("Atlantis/Lost")
    page.get_by_role("button", name="Save schedule").click()
    error = page.locator("#id_timezone_error")
    expect(error).to_contain_text("“Atlantis/Lost” is not a time zone we know")
    # The form comes back as a 422, which the console reports; nothing else may go wrong.
    assert [e for e in browser_errors if "status of 422" not in e] == []


def test_without_javascript_both_days_show_and_the_rhythm_picks_one(browser, live_server, planner):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _open(page, live_server.url, planner)
    expect(page.get_by_label("On (weekly and every two weeks)")).to_be_visible()
    expect(page.get_by_label("On day (monthly and quarterly)")).to_be_visible()
    page.get_by_label("How often").select_option(label="Every month")
    page.get_by_label("On day (monthly and quarterly)").select_option("12")
    page.get_by_label("Time zone").fill("europe/paris")
    page.get_by_role("button", name="Save schedule").click()
    expect(page.get_by_role("main")).to_contain_text("Europe/Paris")
    schedule = CheckinSchedule.objects.get(owner=planner)
    assert (schedule.frequency, schedule.day_of_month, schedule.timezone) == (
        "monthly",
        12,
        "Europe/Paris",
    )
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_on_the_schedule_page(browser, live_server, planner, width, scheme):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    page.add_init_script(path=str(AXE))
    _open(page, live_server.url, planner)
    expect(page.locator("[data-timezone-suggestion] button")).to_be_visible()
    found = page.evaluate("async () => (await axe.run(document)).violations")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"schedule-{width}-{scheme}.png"), full_page=True)
    context.close()
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found] == []
