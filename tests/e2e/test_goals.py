"""A planner starts a goal from a template, watches the SMART check while typing, fixes the goal
until every criterion is met, and lands on the goal page with an all-green SMART card."""

import re

from playwright.sync_api import Page, expect

from apps.goals import catalog
from tests.factories import GoalFactory, ResourceFactory, UserFactory

TEMPLATE = "Earn a project-management certification"


def _sign_in(page: Page, client, live_server_url: str):
    planner = UserFactory(email="sam@example.com", display_name="Sam")
    client.force_login(planner)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server_url}])
    return planner


def _criterion(page: Page, key: str):
    return page.locator(f"#smart-panel [data-criterion='{key}']")


def test_create_a_goal_from_a_template_until_it_is_smart(
    page: Page, browser_errors: list[str], live_server, client
):
    url = live_server.url
    _sign_in(page, client, url)

    page.goto(f"{url}/goals/")
    expect(page.get_by_text("No goals yet — start from a template")).to_be_visible()
    page.get_by_role("button", name="Start from a template").click()
    expect(page.get_by_role("heading", name="A new goal", level=1)).to_be_visible()

    page.get_by_role("button", name=f"Use this template: {TEMPLATE}").click()
    expect(page).to_have_url(re.compile(r"/goals/new/\?template=pm-certification"))
    expect(page.get_by_label("Your goal in a few words")).to_have_value(TEMPLATE)
    # The template's four milestones make it measurable; why it matters is for the planner.
    expect(_criterion(page, "measurable")).to_contain_text("Met")
    relevant = _criterion(page, "relevant")
    expect(relevant).to_contain_text("Missing")
    expect(page.locator("#smart-panel")).to_contain_text("4 of 5 met")

    # The check follows the typing: a few words are not enough yet...
    field = page.get_by_label("Relevant: why does it matter to you?")
    field.fill("I like it")
    expect(relevant).to_contain_text("Could be stronger")
    # ...a real reason is.
    field.fill("It is the step I need to lead bigger projects at work")
    expect(relevant).to_contain_text("Met")

    # Weakening another criterion shows at once, and so does fixing it.
    specific = page.get_by_label("Specific: what exactly will you do?")
    specific.fill("Pass the exam")
    expect(_criterion(page, "specific")).to_contain_text("Could be stronger")
    specific.fill("Pass the project-management exam at an official test centre this summer")
    expect(page.locator("#smart-panel")).to_contain_text("5 of 5 met")
    expect(page.locator("#smart-panel")).to_contain_text("Every criterion is met")

    page.get_by_role("button", name="Save goal").click()

    expect(page).to_have_url(re.compile(r"/goals/[0-9a-f-]{36}/$"))
    expect(page.get_by_role("heading", name=TEMPLATE, level=1)).to_be_visible()
    expect(page.get_by_role("status").first).to_contain_text("Your goal is saved")
    card = page.locator(".smart-card")
    expect(card).to_contain_text("5 of 5 met")
    expect(card.locator(".smart-item")).to_have_count(5)
    expect(card.locator(".smart-met")).to_have_count(5)
    expect(page.locator("#milestones")).to_contain_text("Pass the exam")

    assert browser_errors == []


def test_obstacle_resource_and_achievement_on_the_goal_page(
    page: Page, browser_errors: list[str], live_server, client
):
    url = live_server.url
    planner = _sign_in(page, client, url)
    goal = GoalFactory(owner=planner, title="Certify")
    ResourceFactory(goal=goal, title="Prep course")
    page.goto(f"{url}/goals/{goal.public_id}/")

    # The suggestions follow the kind; picking one fills the strategy, ready to edit.
    obstacles = page.locator("#obstacles")
    # The form waits behind its button, and takes the focus when it comes.
    obstacles.get_by_role("button", name="Add an obstacle").click()
    expect(obstacles.get_by_label("What kind of obstacle?")).to_be_focused()
    obstacles.get_by_label("What kind of obstacle?").select_option(label="Procrastination")
    obstacles.get_by_label("What might get in your way?").fill("Too tired after work")
    suggestion = catalog.STRATEGIES["procrastination"][1]
    picker = obstacles.get_by_label("Or pick a strategy that often helps")
    expect(picker.locator("optgroup[label='Self-doubt and fear']")).to_be_hidden()
    picker.select_option(label=suggestion)
    expect(obstacles.get_by_label("How will you handle it?")).to_have_value(suggestion)
    obstacles.get_by_role("button", name="Add obstacle").click()
    expect(obstacles.locator(".item")).to_have_count(1)
    expect(obstacles).to_contain_text(f"Your strategy: {suggestion}")
    expect(page).to_have_url(f"{url}/goals/{goal.public_id}/")  # swapped in place

    # A resource moves along its states in place.
    resources = page.locator("#resources")
    resources.get_by_role("button", name="Start").click()
    expect(resources).to_contain_text("In progress")
    resources.get_by_role("button", name="Mark done").click()
    expect(resources).to_contain_text("1 of 1 done.")

    # Achieving is celebrated and suggests what could come next.
    page.get_by_role("button", name="Mark as achieved").click()
    expect(page.locator(".flash-celebrate")).to_contain_text("You did it!")
    expect(page.get_by_role("heading", name=re.compile("Achieved on"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Build on it"))).to_be_visible()

    assert browser_errors == []


def test_form_errors_take_focus_and_link_to_their_fields(
    page: Page, client, live_server, browser_errors
):
    _sign_in(page, client, live_server.url)
    page.goto(f"{live_server.url}/goals/new/")
    page.get_by_label("Your goal in a few words").fill("")
    page.get_by_role("button", name="Save goal").click()

    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Start from a template")).to_have_count(0)
    summary.get_by_role("link", name=re.compile(r"^Your goal in a few words")).click()
    expect(page.get_by_label("Your goal in a few words")).to_be_focused()
    # The form comes back as a 422, which the console reports; nothing else may go wrong.
    assert [e for e in browser_errors if "status of 422" not in e] == []
