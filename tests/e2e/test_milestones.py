"""A planner breaks a goal into milestones and steps, ticks them off and sees the win."""

import re

from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e.htmx import settled
from tests.factories import GoalFactory, UserFactory


def _sign_in(page: Page, client, live_server_url: str, user) -> None:
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server_url}])


def _add_milestone(page: Page, title: str) -> None:
    settled(page)
    form = page.get_by_role("group", name="Add a milestone")
    form.get_by_label("Milestone", exact=True).fill(title)
    page.get_by_role("button", name="Add milestone").click()
    expect(page.get_by_role("heading", name=title, level=3)).to_be_visible()


def test_milestones_steps_progress_and_the_win(
    page: Page, browser_errors: list[str], live_server, client
):
    url = live_server.url
    user = UserFactory(display_name="Sam")
    goal = GoalFactory(owner=user, title="Become a project lead")
    _sign_in(page, client, url, user)
    page.goto(url + reverse("plan:goal", kwargs={"public_id": goal.public_id}))

    section = page.locator("#milestones")
    expect(section).to_contain_text("No milestones yet.")
    _add_milestone(page, "Pass the practice exam")
    _add_milestone(page, "Lead a small project")
    progress = page.locator("#goal-progress")
    expect(progress).to_contain_text("0 of 2 milestones reached")
    expect(progress.locator("progress")).to_have_attribute("value", "0")

    # Reordering in place: the button pressed says which way, and keeps the focus.
    titles = section.locator("h3.milestone-title")
    up = page.get_by_role("button", name="Move “Lead a small project” up")
    up.click()
    expect(titles).to_have_text(["Lead a small project", "Pass the practice exam"])
    expect(up).to_be_focused()
    page.get_by_role("button", name="Move “Lead a small project” down").click()
    expect(titles).to_have_text(["Pass the practice exam", "Lead a small project"])

    # A step under the first milestone, added in place.
    first = section.locator("li.milestone").first
    first.get_by_text("No steps yet — add a first small step").click()
    expect(first.get_by_label("Step", exact=True)).to_be_focused()
    settled(page)
    first.get_by_label("Step", exact=True).fill("Buy the study guide")
    first.get_by_role("button", name="Add step").click()
    expect(first.get_by_text("Buy the study guide", exact=True)).to_be_visible()
    expect(first).to_contain_text("0 of 1 step done")

    first.get_by_role("button", name="Mark step “Buy the study guide” as done").click()
    expect(first).to_contain_text("1 of 1 step done")
    expect(
        first.get_by_role("button", name="Mark step “Buy the study guide” as not done")
    ).to_be_visible()

    # Editing a step and a milestone opens the form in place of that row, and saving puts the
    # row back with the change, the rest of the list as it was.
    first.get_by_role("link", name="Edit step “Buy the study guide”").click()
    editing = first.locator("li.step.is-editing")
    editing.get_by_label("Action step").fill("Borrow the study guide")
    editing.get_by_role("button", name="Save step").click()
    expect(first.get_by_text("Borrow the study guide", exact=True)).to_be_visible()
    expect(first).to_contain_text("1 of 1 step done")
    editing = section.locator("li.milestone.is-editing")
    page.get_by_role("link", name="Edit “Lead a small project”").click()
    editing.get_by_label("Milestone", exact=True).fill("Lead a small team project")
    editing.get_by_role("button", name="Save milestone").click()
    expect(titles).to_have_text(["Pass the practice exam", "Lead a small team project"])
    page.get_by_role("link", name="Edit “Lead a small team project”").click()
    editing.get_by_label("Milestone", exact=True).fill("Lead a small project")
    editing.get_by_role("button", name="Save milestone").click()
    expect(titles).to_have_text(["Pass the practice exam", "Lead a small project"])

    # Reaching the milestone: the bar moves and the moment is celebrated.
    page.get_by_role("button", name="Mark “Pass the practice exam” as reached").click()
    expect(page.get_by_role("status").filter(has_text="Milestone reached")).to_contain_text(
        "Milestone reached — added to your wins."
    )
    expect(progress).to_contain_text("1 of 2 milestones reached")
    expect(progress.locator("progress")).to_have_attribute("value", "50")
    expect(page.get_by_role("button", name="Reopen “Pass the practice exam”")).to_be_visible()
    expect(section.locator("li.milestone.is-done")).to_have_count(1)
    # The plan's measure line outside the section heard the news too.
    expect(page.locator("#goal-measure")).to_contain_text("1 of 2 milestones done")

    # Deleting asks first; the list and the progress follow.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete “Lead a small project”").click()
    expect(page.get_by_role("status").filter(has_text="is deleted")).to_contain_text(
        "“Lead a small project” is deleted."
    )
    expect(section.locator("li.milestone")).to_have_count(1)
    expect(progress).to_contain_text("1 of 1 milestone reached — all of them.")
    expect(page.locator("#goal-measure")).to_contain_text("1 of 1 milestone done")

    # Unticking takes the win back, ticking again celebrates again.
    page.get_by_role("button", name="Reopen “Pass the practice exam”").click()
    expect(progress).to_contain_text("0 of 1 milestone reached")
    page.get_by_role("button", name="Mark “Pass the practice exam” as reached").click()
    expect(page.locator(".flash-celebration")).to_contain_text("Milestone reached")
    # The parts that listen for the news refetch themselves; follow the link once they have.
    expect(progress).to_contain_text("1 of 1 milestone reached — all of them.")

    page.get_by_role("link", name="See your wins").click()
    expect(page).to_have_url(re.compile(r"/wins/$"))
    expect(page.get_by_role("heading", name="Your wins", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Milestone reached: Pass the practice exam")
    expect(page.get_by_role("link", name="Become a project lead")).to_be_visible()

    assert browser_errors == []
