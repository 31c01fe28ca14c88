"""The progress charts in a real browser: Chart.js draws the same numbers as the table beside
it, on one date axis; the table is one click away; axe-core finds nothing on the pages that
draw charts, at desktop and phone width, in light and dark."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.checkins.models import CheckIn, CheckInGoal
from apps.checkins.services.checkins import checkin_complete, checkin_start
from tests.factories import PASSWORD, GoalFactory, MilestoneFactory, UserFactory

EMAIL = "sam@example.com"
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SHOTS = Path(__file__).resolve().parents[2] / ".data" / "shots"

DRAWN = """(selector) => {
  const chart = Chart.getChart(document.querySelector(selector + ' canvas'));
  const day = (x) => new Date(x).toISOString().slice(0, 10);
  return chart.data.datasets.map((d) => ({
    label: d.label, points: d.data.map((p) => [day(p.x), p.y]),
    dash: d.borderDash.join(','), marker: d.pointStyle,
  }));
}"""


@pytest.fixture
def sam(db):
    user = UserFactory(email=EMAIL, display_name="Sam")
    goals = [GoalFactory(owner=user, title=t) for t in ("Learn Go", "Write a talk", "Lead a team")]
    # The first goal's page charts its milestones: one reached ten days ago, one still open.
    MilestoneFactory(goal=goals[0], done_at=timezone.now() - timedelta(days=10))
    MilestoneFactory(goal=goals[0])
    type(goals[0]).objects.filter(pk=goals[0].pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    # Three check-ins a week apart, the last one yesterday, every goal at 25 % each time.
    for weeks_ago in (2, 1, 0):
        draft = checkin_start(user=user)
        draft.confidence = 3 + weeks_ago % 2
        draft.save()
        checkin_complete(checkin=draft)
        CheckInGoal.objects.filter(checkin=draft).update(progress=25)
        when = timezone.now() - timedelta(days=1 + 7 * weeks_ago)
        CheckIn.objects.filter(pk=draft.pk).update(completed_at=when, created_at=when)
    return user, goals


def _sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def _table(page: Page, selector: str) -> list[list[str]]:
    rows = page.locator(f"{selector} tbody tr")
    return [
        [
            rows.nth(i).locator("th time").get_attribute("datetime") or "",
            *rows.nth(i).locator("td").all_inner_texts(),
        ]
        for i in range(rows.count())
    ]


@pytest.mark.parametrize("path", ["/checkins/", "/"])
def test_the_chart_and_its_table_agree(page: Page, browser_errors, live_server, sam, path):
    _sign_in(page, live_server.url)
    page.goto(live_server.url + path)
    figure = page.locator("#progress-chart")
    # Chart.js comes when the chart nears the screen.
    figure.scroll_into_view_if_needed()
    expect(figure.locator("canvas")).to_be_attached()
    drawn = page.evaluate(DRAWN, "#progress-chart")
    table = _table(page, "#progress-chart")
    headers = figure.locator("thead th").all_inner_texts()[1:]

    assert [d["label"] for d in drawn] == headers == ["Learn Go", "Write a talk", "Lead a team"]
    for column, series in enumerate(drawn, start=1):
        assert series["points"] == [[row[0], int(row[column].rstrip("%"))] for row in table]
    # Three lines on top of each other stay three: each has its own dash and marker.
    assert len({(d["dash"], d["marker"]) for d in drawn}) == 3
    assert len(table) == 3

    # The table is hidden behind the chart for sighted readers, and one click away.
    expect(figure.locator("table")).not_to_be_in_viewport()
    figure.get_by_role("button", name="Show the numbers as a table").click()
    expect(figure.locator("table")).to_be_visible()
    expect(figure.get_by_role("button", name="Hide the table")).to_have_attribute(
        "aria-expanded", "true"
    )
    assert browser_errors == []


def test_without_javascript_the_table_is_the_chart(browser, live_server, sam):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(live_server.url + "/checkins/")
    expect(page.locator("#progress-chart table")).to_be_visible()
    expect(page.locator("#progress-chart tbody tr")).to_have_count(3)
    expect(page.locator("#confidence-chart td")).to_have_text(["3 of 5", "4 of 5", "3 of 5"])
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_nothing_on_the_chart_pages(browser, live_server, sam, width, scheme):
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=scheme,
        bypass_csp=True,
        locale="en-GB",
    )
    page = context.new_page()
    page.add_init_script(path=str(AXE))
    _sign_in(page, live_server.url)
    problems = {}
    goal_page = f"/goals/{sam[1][0].public_id}/"
    for name, path in (("history", "/checkins/"), ("dashboard", "/"), ("goal", goal_page)):
        page.goto(live_server.url + path)
        # Each chart draws as it comes near the screen.
        for figure in page.locator("figure[data-time-chart]").all():
            figure.scroll_into_view_if_needed()
            expect(figure.locator("canvas")).to_be_attached()
        found = page.evaluate("async () => (await axe.run(document)).violations")
        if found:
            problems[path] = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in found]
        # No sideways scrolling at phone width.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    context.close()
    assert problems == {}


def test_the_goal_page_charts_its_progress_as_its_table_says(
    page: Page, browser_errors, live_server, sam
):
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/goals/{sam[1][0].public_id}/")
    page.locator("#goal-progress-chart").scroll_into_view_if_needed()
    expect(page.locator("#goal-progress-chart canvas")).to_be_attached()
    drawn = page.evaluate(DRAWN, "#goal-progress-chart")
    table = _table(page, "#goal-progress-chart")
    assert [[day, f"{value}%"] for day, value in drawn[0]["points"]] == table
    assert [row[1] for row in table] == ["0%", "50%"]
    assert browser_errors == []
