from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from apps.goals.models import Goal
from apps.milestones.models import Milestone
from tests.factories import GoalFactory

URL = reverse("goals:create")
CHECK = reverse("goals:smart-check")


def _valid(**overrides) -> dict:
    data = {
        "title": "Pass the PMP exam",
        "goal_type": "professional_development",
        "specific": "Pass the project management exam at the test centre in town this spring",
        "measure_kind": "milestones",
        "achievable": "Two evenings a week and my employer pays",
        "relevant": "It is the step towards leading projects",
        "target_date": "2026-09-01",
        "horizon": "",
        "important": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


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
    data = _valid(title="Earn a project-management certification", template="pm-certification")
    response = alice_client.post(URL, data)
    goal = Goal.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == reverse("goals:detail", args=[goal.public_id])
    milestones = list(goal.milestones.order_by("position"))
    assert [m.title for m in milestones][-1] == "Pass the exam"
    assert milestones[0].due_date == date(2026, 3, 24)


def test_a_blank_goal_is_saved_with_the_suggested_horizon(alice_client, alice, noon):
    alice_client.post(URL, _valid(target_date="2027-06-01"))
    goal = Goal.objects.get(owner=alice)
    assert goal.horizon == "long"
    assert goal.status == "active"
    assert not Milestone.objects.filter(goal=goal).exists()


def test_the_planner_may_override_the_horizon(alice_client, alice, noon):
    alice_client.post(URL, _valid(target_date="2027-06-01", horizon="short"))
    assert Goal.objects.get(owner=alice).horizon == "short"


def test_a_numeric_measure_is_saved(alice_client, alice, noon):
    data = _valid(measure_kind="number", measure_unit="contacts", baseline="0", target_value="5")
    alice_client.post(URL, data)
    goal = Goal.objects.get(owner=alice)
    assert (goal.baseline, goal.target_value) == (Decimal(0), Decimal(5))


def test_prefill_from_a_long_term_goal_link(alice_client, alice):
    lead = GoalFactory(owner=alice, horizon="long", title="Become a team lead")
    url = f"{URL}?parent={lead.public_id}&horizon=short"
    page = alice_client.get(url).content.decode()
    assert f'<option value="{lead.public_id}" selected>Become a team lead</option>' in page
    assert f"?template=learn-skill&amp;parent={lead.public_id}" in page


def test_the_parent_is_one_of_your_long_term_goals(alice_client, alice, charlie, noon):
    lead = GoalFactory(owner=alice, horizon="long")
    alice_client.post(URL, _valid(parent=str(lead.public_id)))
    assert Goal.objects.get(owner=alice, parent=lead)


def test_another_planners_goal_cannot_be_the_parent(alice_client, alice, charlie, noon):
    theirs = GoalFactory(owner=charlie, horizon="long")
    response = alice_client.post(URL, _valid(parent=str(theirs.public_id)))
    assert response.status_code == 422
    assert "Choose one of your own long-term goals." in response.content.decode()
    assert not Goal.objects.filter(owner=alice).exists()


def test_a_short_term_goal_cannot_be_a_parent(alice_client, alice, noon):
    short = GoalFactory(owner=alice, horizon="short")
    response = alice_client.post(URL, _valid(parent=str(short.public_id)))
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
    response = alice_client.post(URL, _valid(**overrides))
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert 'class="errorlist"' in page
    assert "Nothing is saved yet" in page
    assert not Goal.objects.filter(owner=alice).exists()


def test_an_invalid_form_keeps_what_was_typed_and_checks_it(alice_client, noon):
    response = alice_client.post(URL, _valid(title="", relevant=""))
    page = response.content.decode()
    assert "Pass the project management exam at the test centre" in page
    assert 'smart-item smart-missing" data-criterion="relevant"' in page


def test_htmx_post_with_errors_answers_with_the_form(alice_client):
    response = alice_client.post(URL, {}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    page = response.content.decode()
    assert page.lstrip().startswith('<form id="goal-form"')


def test_htmx_post_that_saves_redirects_the_browser(alice_client, alice, noon):
    response = alice_client.post(URL, _valid(), headers={"HX-Request": "true"})
    goal = Goal.objects.get(owner=alice)
    assert response["HX-Redirect"] == reverse("goals:detail", args=[goal.public_id])


def test_get_with_wrong_method(alice_client):
    assert alice_client.put(URL).status_code == 405


# -- the SMART check while typing --------------------------------------------------------


def test_smart_check_rates_the_draft(alice_client, noon):
    response = alice_client.post(CHECK, _valid(relevant="I like it"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'smart-item smart-weak" data-criterion="relevant"' in page
    assert "Could be stronger" in page
    assert 'smart-item smart-weak" data-criterion="measurable"' in page  # no milestones yet
    assert "Suggested horizon: <strong>Short-term (within a year)</strong>" in page


def test_smart_check_counts_the_template_milestones(alice_client, noon):
    page = alice_client.post(CHECK, _valid(template="team-lead")).content.decode()
    assert "5 of 5 met" in page
    assert "Every criterion is met" in page


def test_smart_check_takes_unparsable_values_as_missing(alice_client):
    data = {"measure_kind": "number", "target_value": "lots", "target_date": "someday"}
    page = alice_client.post(CHECK, data).content.decode()
    assert 'smart-item smart-missing" data-criterion="measurable"' in page
    assert 'smart-item smart-missing" data-criterion="time_bound"' in page


def test_smart_check_counts_the_milestones_of_the_goal_being_edited(alice_client, alice, noon):
    from tests.factories import MilestoneFactory

    goal = GoalFactory(owner=alice)
    MilestoneFactory.create_batch(2, goal=goal)
    page = alice_client.post(f"{CHECK}?goal={goal.public_id}", _valid()).content.decode()
    assert 'smart-item smart-met" data-criterion="measurable"' in page


def test_smart_check_for_someone_elses_goal_is_not_found(alice_client, charlie):
    goal = GoalFactory(owner=charlie)
    assert alice_client.post(f"{CHECK}?goal={goal.public_id}", {}).status_code == 404
    assert alice_client.post(f"{CHECK}?goal=not-a-uuid", {}).status_code == 404


def test_smart_check_needs_post(alice_client):
    assert alice_client.get(CHECK).status_code == 405


def test_a_foreign_or_malformed_parent_in_the_link_is_ignored(alice_client, charlie):
    theirs = GoalFactory(owner=charlie, horizon="long", title="Charlie's big plan")
    for parent in (theirs.public_id, "junk"):
        page = alice_client.get(URL, {"parent": parent}).content.decode()
        assert "Charlie's big plan" not in page
        assert 'smart-item smart-missing" data-criterion="relevant"' in page
