"""The mentor sets regular meetings, adds to the first agenda without a reload, and the planner
finds the meeting from her Mentorship page at her own time, with the agenda; axe-core finds
nothing on the meeting pages at desktop and phone width."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from apps.checkins.models import CheckIn
from tests.factories import (
    PASSWORD,
    GoalFactory,
    MeetingFactory,
    MentorshipFactory,
    MilestoneFactory,
    UserFactory,
)

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture
def pair(transactional_db):
    planner = UserFactory(email="pat@example.com", display_name="Pat", timezone="Europe/Berlin")
    mentor = UserFactory(
        email="morgan@example.com", display_name="Morgan", timezone="America/New_York"
    )
    goal = GoalFactory(owner=planner, title="Lead a team of five")
    MilestoneFactory(goal=goal, title="Shadow a lead for a week", due_date=timezone.localdate())
    CheckIn.objects.create(owner=planner, completed_at=timezone.now(), next_steps="Book 1:1s")
    mentorship = MentorshipFactory(
        planner=planner, mentor=mentor, all_goals=True, share_checkins=True
    )
    return planner, mentor, mentorship


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_mentor_schedules_and_both_see_the_meeting_with_its_agenda(
    browser: Browser, live_server, pair
):
    planner, mentor, mentorship = pair
    morgan = browser.new_context(locale="en-GB").new_page()
    _sign_in(morgan, live_server.url, mentor.email)
    morgan.goto(f"{live_server.url}/mentorship/{mentorship.public_id}/")
    morgan.get_by_role("link", name="Plan a meeting").click()
    expect(morgan.get_by_role("heading", level=1)).to_have_text("Meetings with Pat")
    form = morgan.locator("form.meeting-form").first
    form.get_by_label("How often").select_option("biweekly")
    form.get_by_label("On (weekly and every two weeks)").select_option("3")
    form.get_by_label("At").fill("09:30")
    expect(form.get_by_label("Time zone")).to_have_value("America/New_York")
    form.get_by_role("button", name="Set regular meetings").click()
    expect(morgan.get_by_text("Your meetings are set.")).to_be_visible()
    coming = morgan.locator(".meeting-list li a")
    expect(coming).to_have_count(4)
    expect(coming.first).to_contain_text("Thursday")
    expect(coming.first).to_contain_text("09:30")
    coming.first.click()

    agenda = morgan.locator("#agenda")
    expect(agenda).to_contain_text("Shadow a lead for a week")
    expect(agenda).to_contain_text("Book 1:1s")
    url_before = morgan.url
    morgan.get_by_label("Something to talk about").fill("Your first month as a lead")
    morgan.get_by_role("button", name="Add to the agenda").click()
    expect(morgan.locator("#agenda-items")).to_contain_text("Your first month as a lead — you")
    assert morgan.url == url_before

    pat = browser.new_context(locale="en-GB").new_page()
    _sign_in(pat, live_server.url, planner.email)
    pat.goto(f"{live_server.url}/mentorship/")
    next_link = pat.locator(".next-meeting a")
    # 09:30 in New York is 15:30 in Berlin.
    expect(next_link).to_contain_text("15:30")
    next_link.click()
    expect(pat.get_by_role("heading", level=1)).to_have_text("Meeting with Morgan")
    expect(pat.locator("#agenda-items")).to_contain_text("Your first month as a lead — Morgan")
    expect(pat.locator(".page-head")).to_contain_text("Set for 09:30 in America/New_York")
    pat.locator("#notes").get_by_label("Your note").fill("Only for me")
    pat.locator("#notes").get_by_label("Private: only you").check()
    pat.locator("#notes").get_by_role("button", name="Save the note").click()
    expect(pat.locator("#notes")).to_contain_text("Private note — only you see it")
    morgan.reload()
    expect(morgan.locator("#notes")).not_to_contain_text("Only for me")


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_on_the_meeting_pages(browser: Browser, live_server, pair, width):
    planner, _mentor, mentorship = pair
    meeting = MeetingFactory(mentorship=mentorship)
    context = browser.new_context(
        viewport={"width": width, "height": 900}, bypass_csp=True, locale="en-GB"
    )
    page = context.new_page()
    page.add_init_script(path=str(AXE))
    _sign_in(page, live_server.url, planner.email)
    problems = {}
    for path in (f"/meetings/with/{mentorship.public_id}/", f"/meetings/{meeting.public_id}/"):
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        found = page.evaluate("async () => (await axe.run(document)).violations")
        if found:
            problems[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    context.close()
    assert problems == {}
