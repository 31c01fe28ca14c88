"""The self-assessment in a real browser: the guided first run end to end, ranking values with
the keyboard only and by dragging, a development goal started from a skill gap, a chart that
agrees with its table, and axe-core finding nothing on any of its pages."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from apps.assessment import riasec, services
from apps.assessment.models import CareerValue, Skill
from tests.factories import PASSWORD, UserFactory

EMAIL = "sam@example.com"
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def _sign_in(page: Page, url: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


@pytest.fixture
def sam(db):
    return UserFactory(email=EMAIL, display_name="Sam")


def _settled(page: Page) -> None:
    """Wait until htmx has swapped and settled its last answer (its new forms listen then)."""
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def _top_five(page: Page):
    return page.locator("#top-values .value-body strong")


def test_the_guided_first_run_end_to_end(page: Page, browser_errors, live_server, sam):
    url = live_server.url
    _sign_in(page, url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Self-assessment").click()
    expect(page.get_by_text("0 of 6 parts done.")).to_be_visible()
    page.get_by_role("button", name="Start the guided tour").click()
    page.get_by_role("button", name="Begin with your values").click()

    # 1. Values: tick three, then add two to the top five.
    expect(page.get_by_text("Guided start · step 1 of 7")).to_be_visible()
    for name in ("Autonomy", "Learning", "Impact"):
        page.get_by_role("checkbox", name=name).check()
    page.get_by_role("button", name="Save my picks").click()
    expect(page.locator("#messages")).to_contain_text("Saved: 3 values from the list.")
    for name in ("Learning", "Autonomy", "Impact"):
        page.get_by_role("button", name=f"Add to top 5 — {name}").click()
        expect(_top_five(page).last).to_have_text(name)
    expect(_top_five(page)).to_have_text(["Learning", "Autonomy", "Impact"])
    page.get_by_role("button", name="Next: Strengths and weaknesses").click()

    # 2. Strengths and weaknesses.
    expect(page.get_by_text("Guided start · step 2 of 7")).to_be_visible()
    page.locator("#strength-text").fill("I explain things simply")
    page.get_by_role("button", name="Add strength").click()
    expect(page.locator("#board")).to_contain_text("I explain things simply")
    page.locator("#weakness-text").fill("I avoid speaking up in big meetings")
    page.locator("#weakness-source").select_option(label="360° feedback")
    page.locator("#weakness-improvement").fill("Join a speaking club")
    page.get_by_role("button", name="Add weakness").click()
    expect(page.locator("#board")).to_contain_text("Idea: Join a speaking club")
    page.get_by_role("button", name="Next: Interests and passions").click()

    # 3. Interests: three answers, each saved in place.
    expect(page.get_by_text("Guided start · step 3 of 7")).to_be_visible()
    for key, answer in (
        ("energises", "Puzzles"),
        ("ideal_day", "Deep work"),
        ("proudest", "A launch"),
    ):
        card = page.locator(f"#prompt-{key}")
        card.get_by_role("textbox").fill(answer)
        card.get_by_role("button", name=re.compile("^Save answer")).click()
        expect(page.locator(f"#prompt-{key}")).to_contain_text("Saved")
    page.get_by_role("button", name="Next: Work-interests profile").click()

    # 4. The work-interests profile: thirty answers.
    expect(page.get_by_text("Guided start · step 4 of 7")).to_be_visible()
    page.get_by_role("button", name="Start the profile").click()
    for key, _ in riasec.ITEMS:
        level = {"s": 5, "a": 4, "i": 3}.get(key[0], 1)
        page.locator(f"#id_{key}_{level - 1}").check()
    page.get_by_role("button", name="See my profile").click()
    expect(page.locator("#messages")).to_contain_text("Your work-interests code is SAI.")
    expect(page.locator("#interest-scores canvas")).to_be_attached()
    page.get_by_role("button", name="Next: Skills").click()

    # 5. Skills: three from the starter list, levels chosen in place.
    expect(page.get_by_text("Guided start · step 5 of 7")).to_be_visible()
    for name in ("Public speaking", "SQL", "Delegating"):
        page.get_by_role("button", name=f"Add {name}").click()
        expect(page.locator(".skill-name", has_text=name)).to_be_visible()
        _settled(page)
    for name, now, target in (
        ("Public speaking", "1", "4"),
        ("SQL", "2", "4"),
        ("Delegating", "3", "4"),
    ):
        row = page.locator(".skill-row", has=page.locator(".skill-name", has_text=name))
        row.locator("select[name=rating]").select_option(now)
        expect(row.locator(".save-state")).to_contain_text("Saved")
        _settled(page)
        row.locator("select[name=target]").select_option(target)
        expect(page.locator(f"#{row.get_attribute('id')}")).to_contain_text(f"aiming for {target}")
    page.get_by_role("button", name="Next: Vision").click()

    # 6. Vision.
    expect(page.get_by_text("Guided start · step 6 of 7")).to_be_visible()
    page.get_by_label("Your vision").fill("I lead a small team and teach what I know.")
    page.get_by_role("button", name="Save my vision").click()
    expect(page.locator("#messages")).to_contain_text("Your vision is saved.")
    page.get_by_role("button", name="Next: Your first goal").click()

    # 7. The first goal, from the widest skill gap.
    expect(page.get_by_text("Guided start · step 7 of 7")).to_be_visible()
    speaking = Skill.objects.get(owner=sam, name="Public speaking")
    page.get_by_role("button", name="Start a development goal for Public speaking").click()
    expect(page).to_have_url(re.compile(rf"/goals/new/\?from_skill={speaking.public_id}&title="))

    page.goto(f"{url}/assessment/")
    expect(page.get_by_text("6 of 6 parts done.")).to_be_visible()
    expect(page.get_by_role("blockquote")).to_have_text(
        "I lead a small team and teach what I know."
    )
    assert browser_errors == []


def _ranked(sam, names: str) -> dict[str, CareerValue]:
    values = {name: services.value_add(owner=sam, name=name) for name in names.split(",")}
    return values


def test_ranking_values_with_the_keyboard_only(page: Page, browser_errors, live_server, sam):
    values = _ranked(sam, "Autonomy,Learning,Impact,Income")
    services.values_rank(owner=sam, ranked=[values[n].public_id for n in ("Autonomy", "Learning")])
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessment/values/")
    expect(_top_five(page)).to_have_text(["Autonomy", "Learning"])

    # Into the top five with Enter; the keyboard focus follows the value.
    page.get_by_role("button", name="Add to top 5 — Impact").focus()
    page.keyboard.press("Enter")
    expect(_top_five(page)).to_have_text(["Autonomy", "Learning", "Impact"])
    expect(page.locator("#messages")).to_have_text("“Impact” is now number 3 of your top 5.")
    expect(page.get_by_role("button", name="Take out — Impact")).to_be_focused()

    # Shift+Tab twice to its "up" button; Enter twice: it climbs to the top, focus stays.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Move Impact up")).to_be_focused()
    page.keyboard.press("Enter")
    expect(_top_five(page)).to_have_text(["Autonomy", "Impact", "Learning"])
    expect(page.get_by_role("button", name="Move Impact up")).to_be_focused()
    page.keyboard.press("Enter")
    expect(_top_five(page)).to_have_text(["Impact", "Autonomy", "Learning"])
    expect(page.locator("#messages")).to_have_text("“Impact” is now number 1 of your top 5.")
    expect(page.get_by_role("button", name="Move Impact up")).to_be_focused()

    page.reload()
    expect(_top_five(page)).to_have_text(["Impact", "Autonomy", "Learning"])
    assert browser_errors == []


def test_ranking_values_by_dragging(page: Page, browser_errors, live_server, sam):
    values = _ranked(sam, "Autonomy,Learning,Impact")
    services.values_rank(owner=sam, ranked=[values["Autonomy"].public_id])
    page.set_viewport_size({"width": 1280, "height": 1200})
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessment/values/")
    handle = page.locator(f"#value-{values['Learning'].public_id} .drag-handle")
    expect(handle).to_be_visible()
    target = page.locator(f"#value-{values['Autonomy'].public_id}")
    handle.drag_to(target, target_position={"x": 30, "y": 5})
    expect(_top_five(page)).to_have_text(["Learning", "Autonomy"])
    expect(page.locator("#messages")).to_contain_text("Your top 5: 1. Learning, 2. Autonomy.")
    page.reload()
    expect(_top_five(page)).to_have_text(["Learning", "Autonomy"])
    assert browser_errors == []


def _two_snapshots(sam) -> None:
    speaking = services.skill_create(
        owner=sam, name="Public speaking", kind="soft", rating=1, target=4
    )
    sql = services.skill_create(owner=sam, name="SQL", kind="hard", rating=3, target=4)
    services.skill_create(owner=sam, name="Python", kind="hard", rating=2, target=5)
    services.snapshot_take(owner=sam, note="January")
    services.skill_rate(skill=speaking, rating=3, target=4)
    services.skill_rate(skill=sql, rating=4, target=4)
    services.skill_create(owner=sam, name="Delegating", kind="soft", rating=2, target=4)
    services.snapshot_take(owner=sam, note="June")


def test_a_chart_and_its_table_agree(page: Page, browser_errors, live_server, sam):
    _two_snapshots(sam)
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessment/snapshots/compare/")
    figure = page.locator("#skills-radar")
    expect(figure.locator("canvas")).to_be_attached()
    drawn = page.evaluate(
        """() => {
          const chart = Chart.getChart(document.querySelector('#skills-radar canvas'));
          return {labels: chart.data.labels, series: chart.data.datasets.map(d => d.data)};
        }"""
    )
    rows = figure.locator("tbody tr")
    table = [
        [rows.nth(i).locator("th").inner_text(), *rows.nth(i).locator("td").all_inner_texts()]
        for i in range(rows.count())
    ]
    assert drawn["labels"] == [row[0] for row in table]
    assert drawn["labels"] == ["Delegating", "Public speaking", "Python", "SQL"]
    for column, series in enumerate(drawn["series"], start=1):
        assert ["—" if value is None else str(value) for value in series] == [
            row[column] for row in table
        ]
    assert table[1] == ["Public speaking", "1", "3", "up 2"]
    # The table is there for screen readers, and shows on request.
    table_box = figure.locator("[data-chart-table]")
    expect(table_box).to_have_class(re.compile(r"\bvisually-hidden\b"))
    figure.get_by_role("button", name="Show the numbers as a table").click()
    expect(table_box).not_to_have_class(re.compile(r"\bvisually-hidden\b"))
    assert browser_errors == []


def test_a_development_goal_from_a_skill_gap(page: Page, browser_errors, live_server, sam):
    skill = services.skill_create(owner=sam, name="SQL", kind="hard", rating=1, target=4)
    services.value_add(owner=sam, name="Mastery")
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessment/skills/")
    page.get_by_role("link", name="see your gaps, widest first").click()
    expect(page.get_by_role("heading", name="Your skill gaps")).to_be_visible()
    page.get_by_role("button", name="Start a development goal for SQL").click()
    expect(page).to_have_url(
        re.compile(
            rf"/goals/new/\?from_skill={skill.public_id}&title=Grow\+my\+SQL\+from\+level\+1\+to\+4$"
        )
    )
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Started from your skill gap in")).to_be_visible()
    # Ticking a value the goal serves makes it relevant in the live check.
    relevant = page.locator("#smart-panel [data-criterion='relevant']")
    expect(relevant).to_have_class(re.compile("smart-missing"))
    page.get_by_label("Mastery").check()
    expect(relevant).to_have_class(re.compile("smart-met"))
    expect(relevant).to_contain_text("It serves what you value: Mastery.")
    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grow my SQL from level 1 to 4")
    expect(page.get_by_text("Started from your skill gap in")).to_be_visible()
    expect(page.locator(".goal-values")).to_contain_text("Mastery")
    page.get_by_role("link", name="SQL").click()
    expect(page.get_by_role("heading", name="Your skill gaps")).to_be_visible()
    expect(page.locator(f"#gap-{skill.public_id}")).to_contain_text("Became your goal")
    assert browser_errors == []


PAGES = (
    "/assessment/",
    "/assessment/start/",
    "/assessment/values/",
    "/assessment/values/?guide=1",
    "/assessment/strengths/",
    "/assessment/interests/",
    "/assessment/work-interests/",
    "/assessment/work-interests/take/",
    "/assessment/skills/",
    "/assessment/skills/gaps/",
    "/assessment/vision/",
    "/assessment/first-goal/",
    "/assessment/snapshots/",
    "/assessment/snapshots/compare/",
)


def _fill(sam) -> None:
    _two_snapshots(sam)
    values = _ranked(sam, "Autonomy,Learning,Impact,Income")
    services.values_rank(owner=sam, ranked=[values[n].public_id for n in ("Learning", "Autonomy")])
    services.insight_create(owner=sam, kind="strength", text="Calm", source="review")
    services.insight_create(
        owner=sam, kind="weakness", text="Rushing", source="self", improvement="Plan Mondays"
    )
    services.interest_profile_take(owner=sam, answers={key: 3 for key, _ in riasec.ITEMS})
    services.vision_save(owner=sam, text="I lead a small team.")
    services.vision_save(owner=sam, text="I lead a small team and teach.")


def _violations(page: Page) -> list[str]:
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']]}" for v in found]


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_axe_finds_nothing_on_any_assessment_page(
    page: Page, browser_errors, live_server, sam, filled
):
    if filled:
        _fill(sam)
    # Injected through the DevTools protocol, so the page's Content-Security-Policy lets it run.
    page.add_init_script(path=str(AXE))
    _sign_in(page, live_server.url)
    problems = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        if page.locator("figure[data-chart]").count():
            expect(page.locator("figure[data-chart] canvas").first).to_be_attached()
        found = _violations(page)
        if found:
            problems[path] = found
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())
    assert browser_errors == []


def test_axe_finds_nothing_where_goals_meet_the_assessment(
    page: Page, browser_errors, live_server, sam
):
    """The dashboard headed by the vision with its progress bar, and the goal pages naming
    values and the weakness a goal started from."""
    _fill(sam)
    weakness = services.insight_create(
        owner=sam, kind="weakness", text="Late replies", source="self", improvement="Inbox hour"
    )
    page.add_init_script(path=str(AXE))
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/goals/new/?from_weakness={weakness.public_id}&title=Inbox+hour")
    page.get_by_label("Autonomy").check()
    expect(page.locator("#smart-panel [data-criterion='relevant']")).to_have_class(
        re.compile("smart-met")
    )
    problems = {"/goals/new/": _violations(page)}
    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox hour")
    problems["goal page"] = _violations(page)
    for path in ("/", "/goals/"):
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        problems[path] = _violations(page)
    problems = {where: found for where, found in problems.items() if found}
    assert problems == {}, "\n".join(f"{where}: {found}" for where, found in problems.items())
    assert browser_errors == []


def test_without_javascript_everything_is_a_form_and_charts_are_tables(browser, live_server, sam):
    _two_snapshots(sam)
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/assessment/values/")
    for name in ("Autonomy", "Learning"):
        page.get_by_role("checkbox", name=name).check()
    page.get_by_role("button", name="Save my picks").click()
    expect(page.locator("#messages")).to_contain_text("Saved: 2 values from the list.")
    expect(page.get_by_text("Drag a value by its handle")).to_be_hidden()
    page.get_by_role("button", name="Add to top 5 — Learning").click()
    page.get_by_role("button", name="Add to top 5 — Autonomy").click()
    page.get_by_role("button", name="Move Autonomy up").click()
    expect(_top_five(page)).to_have_text(["Autonomy", "Learning"])
    expect(page.locator("#messages")).to_have_text("“Autonomy” is now number 1 of your top 5.")

    page.goto(f"{live_server.url}/assessment/snapshots/compare/")
    figure = page.locator("#skills-radar")
    expect(figure.locator("canvas")).to_have_count(0)
    expect(figure.locator("table")).to_be_visible()
    cells = figure.locator("tbody tr").nth(1).locator("th, td")
    expect(cells).to_have_text(["Public speaking", "1", "3", "up 2"])
    context.close()
