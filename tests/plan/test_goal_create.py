from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.goals.models import Goal
from apps.milestones.models import Milestone
from tests.factories import GoalFactory
from tests.goals.forms import goal_form

URL = reverse("plan:goal-create")


def test_the_page_offers_templates_and_a_blank_form(alice_client):
    page = alice_client.get(URL).content.decode()
    assert "Start from a template" in page
    assert "Earn a project-management certification" in page
    assert "?template=pm-certification#goal-form" in page
    assert "Or start from a blank page" in page
    assert 'id="goal-form"' in page
    assert "A SMART goal is" in page


def test_a_template_prefills_the_form_with_dates_from_today(alice_client, noon):
    page = alice_client.get(URL, {"template": "pm-certification"}).content.decode()
    assert 'value="Earn a project-management certification"' in page
    assert 'value="2026-09-06"' in page  # today + 180 days
    assert 'name="template" value="pm-certification"' in page
    assert "Saving also adds 4 suggested milestones" in page
    # Its four milestones already make it measurable; "why it matters" is yours to say.
    assert 'smart-item smart-met" data-criterion="measurable"' in page
    assert 'smart-item smart-missing" data-criterion="relevant"' in page


def test_saving_a_template_creates_its_milestones(alice_client, alice, noon):
    data = goal_form(title="Earn a project-management certification", template="pm-certification")
    response = alice_client.post(URL, data)
    goal = Goal.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:goal", args=[goal.public_id])
    milestones = list(goal.milestones.order_by("position"))
    assert [m.title for m in milestones][-1] == "Pass the exam"
    assert milestones[0].due_date == date(2026, 3, 24)


def test_a_blank_goal_is_saved_with_the_suggested_horizon(alice_client, alice, noon):
    alice_client.post(URL, goal_form(target_date="2027-06-01"))
    goal = Goal.objects.get(owner=alice)
    assert goal.horizon == "long"
    assert goal.status == "active"
    assert not Milestone.objects.filter(goal=goal).exists()


def test_the_planner_may_override_the_horizon(alice_client, alice, noon):
    alice_client.post(URL, goal_form(target_date="2027-06-01", horizon="short"))
    assert Goal.objects.get(owner=alice).horizon == "short"


def test_a_numeric_measure_is_saved(alice_client, alice, noon):
    data = goal_form(measure_kind="number", measure_unit="contacts", baseline="0", target_value="5")
    alice_client.post(URL, data)
    goal = Goal.objects.get(owner=alice)
    assert (goal.baseline, goal.target_value) == (Decimal(0), Decimal(5))


def test_prefill_from_a_long_term_goal_link(alice_client, alice):
    lead = GoalFactory(owner=alice, horizon="long", title="Become a team lead")
    url = f"{URL}?parent={lead.public_id}&horizon=short"
    page = alice_client.get(url).content.decode()
    assert f'<option value="{lead.public_id}" selected>Become a team lead</option>' in page
    # A stepping stone takes its shape from the goal it serves: no template gallery above it.
    assert "Start from a template" not in page
    assert "Use this template" not in page


def test_the_parent_is_one_of_your_long_term_goals(alice_client, alice, charlie, noon):
    lead = GoalFactory(owner=alice, horizon="long")
    alice_client.post(URL, goal_form(parent=str(lead.public_id)))
    assert Goal.objects.get(owner=alice, parent=lead)


def test_another_planners_goal_cannot_be_the_parent(alice_client, alice, charlie, noon):
    theirs = GoalFactory(owner=charlie, horizon="long")
    response = alice_client.post(URL, goal_form(parent=str(theirs.public_id)))
    assert response.status_code == 422
    assert "Choose one of your own long-term goals." in response.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()


def test_a_short_term_goal_cannot_be_a_parent(alice_client, alice, noon):
    short = GoalFactory(owner=alice, horizon="short")
    response = alice_client.post(URL, goal_form(parent=str(short.public_id)))
    assert response.status_code == 422
    assert Goal.objects.filter(owner=alice).count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Give your goal a short title, in your own words."),
        ({"description": "x" * 100_000}, "Ensure this value has at most 10000 characters"),
        ({"target_date": "2026-03-09"}, "Pick a date from today onwards."),
        ({"target_date": "soon"}, "Enter a valid date."),
        (
            {"measure_kind": "number", "baseline": "abc", "target_value": "5"},
            "Enter a number.",
        ),
        (
            {"measure_kind": "number", "baseline": "3", "target_value": "3"},
            "Your target equals where you start",
        ),
        ({"measure_kind": "number"}, "Set the number you are aiming for."),
        ({"goal_type": "astronaut"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(alice_client, alice, noon, overrides, message):
    response = alice_client.post(URL, goal_form(**overrides))
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert 'class="errorlist"' in page
    assert "Nothing is saved yet" in page
    assert not Goal.objects.filter(owner=alice).exists()


def test_an_invalid_form_keeps_what_was_typed_and_checks_it(alice_client, noon):
    response = alice_client.post(URL, goal_form(title="", relevant=""))
    page = response.content.decode()
    assert "Pass the project management exam at the test centre" in page
    assert 'smart-item smart-missing" data-criterion="relevant"' in page


def test_htmx_post_that_saves_redirects_the_browser(alice_client, alice, noon):
    response = alice_client.post(URL, goal_form(), headers={"HX-Request": "true"})
    goal = Goal.objects.get(owner=alice)
    assert response["HX-Redirect"] == reverse("plan:goal", args=[goal.public_id])


def test_get_with_wrong_method(alice_client):
    assert alice_client.put(URL).status_code == 405


def test_a_foreign_or_malformed_parent_in_the_link_is_ignored(alice_client, charlie):
    theirs = GoalFactory(owner=charlie, horizon="long", title="Charlie's big plan")
    for parent in (theirs.public_id, "junk"):
        page = alice_client.get(URL, {"parent": parent}).content.decode()
        assert "Charlie's big plan" not in page
        assert 'smart-item smart-missing" data-criterion="relevant"' in page


def test_a_skill_gap_opens_the_form_with_its_goal_title(alice_client):
    page = alice_client.get(
        URL, {"title": "Grow my public speaking from level 2 to 4", "from_skill": "x"}
    ).content.decode()
    assert 'value="Grow my public speaking from level 2 to 4"' in page
    assert '<option value="professional_development" selected>' in page
    long = alice_client.get(URL, {"title": "x" * 500}).content.decode()
    assert f'value="{"x" * 200}"' in long


def test_errors_come_as_a_focused_summary_that_links_to_each_field(alice_client, noon):
    response = alice_client.post(URL, goal_form(title="", target_date="2001-01-01"))

    assert response.status_code == 422
    page = response.content.decode()
    summary = page[
        page.index('id="form-errors"') : page.index("</div>", page.index('id="form-errors"'))
    ]
    for attribute in ('role="alert"', 'tabindex="-1"', "autofocus"):
        assert attribute in summary
    assert 'href="#id_title"' in summary
    assert 'href="#id_target_date"' in summary
    assert "Pick a date from today onwards." in summary


def test_the_template_gallery_is_not_repeated_after_an_error(alice_client, noon):
    page = alice_client.post(URL, goal_form(title="", template="pm-certification")).content.decode()
    assert "Start from a template" not in page
    assert "Use this template" not in page
    assert 'name="template" value="pm-certification"' in page  # the choice is kept


def test_no_horizon_suggestion_without_a_target_date(alice_client):
    page = alice_client.get(URL).content.decode()
    assert "from your target date" not in page
    with_date = alice_client.get(f"{URL}?template=pm-certification").content.decode()
    assert "from your target date" in with_date


def test_the_saved_message_knows_a_template_brought_milestones(alice_client, alice, noon):
    data = goal_form(title="Earn a project-management certification", template="pm-certification")
    page = alice_client.post(URL, data, follow=True).content.decode()
    assert "Next: break it into milestones" not in page
    assert "Your goal is saved with 4 suggested milestones." in page
    blank = alice_client.post(URL, goal_form(title="Something else"), follow=True)
    assert "Your goal is saved. Next: break it into milestones." in blank.content.decode()
