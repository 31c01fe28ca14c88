"""The SMART rules, one test per branch."""

from datetime import date, timedelta
from decimal import Decimal

from apps.goals.models import MeasureKind
from apps.goals.smart import MET, MISSING, WEAK, Draft, all_met, assess, draft_for_goal
from apps.goals.smart import achievable as achievable_rule
from apps.goals.smart import measurable as measurable_rule
from apps.goals.smart import relevant as relevant_rule
from apps.goals.smart import specific as specific_rule
from apps.goals.smart import time_bound as time_bound_rule

TODAY = date(2026, 3, 10)
NUMBER = MeasureKind.NUMBER


def test_specific_missing_when_empty():
    assert specific_rule(Draft(specific="   ")).state == MISSING


def test_specific_weak_under_eight_words():
    assert specific_rule(Draft(specific="Pass the exam soon")).state == WEAK


def test_specific_met_with_detail():
    text = "Pass the project management exam at the test centre in town"
    assert specific_rule(Draft(specific=text)).state == MET


def test_measurable_by_milestones_needs_two():
    assert measurable_rule(Draft(milestone_count=1)).state == WEAK


def test_measurable_by_milestones_met_with_two():
    assert measurable_rule(Draft(milestone_count=2)).state == MET


def test_measurable_number_without_target_is_missing():
    assert measurable_rule(Draft(measure_kind=NUMBER)).state == MISSING


def test_measurable_number_with_target_equal_to_baseline_is_missing():
    draft = Draft(measure_kind=NUMBER, baseline=Decimal(5), target_value=Decimal(5))
    verdict = measurable_rule(draft)
    assert verdict.state == MISSING
    assert "raise the bar" in verdict.hint


def test_measurable_number_without_unit_or_baseline_is_weak():
    no_unit = Draft(measure_kind=NUMBER, baseline=Decimal(0), target_value=Decimal(5))
    no_baseline = Draft(measure_kind=NUMBER, measure_unit="talks", target_value=Decimal(5))
    assert measurable_rule(no_unit).state == WEAK
    assert measurable_rule(no_baseline).state == WEAK


def test_measurable_number_met_with_unit_baseline_and_target():
    draft = Draft(
        measure_kind=NUMBER, measure_unit="talks", baseline=Decimal(0), target_value=Decimal(3)
    )
    assert measurable_rule(draft).state == MET


def test_achievable_missing_weak_and_met():
    assert achievable_rule(Draft()).state == MISSING
    assert achievable_rule(Draft(achievable="Two evenings")).state == WEAK
    assert achievable_rule(Draft(achievable="Two evenings a week and a course")).state == MET


def test_relevant_met_through_a_long_term_goal():
    assert relevant_rule(Draft(has_parent=True)).state == MET


def test_relevant_missing_weak_and_met():
    assert relevant_rule(Draft()).state == MISSING
    assert relevant_rule(Draft(relevant="I like it")).state == WEAK
    assert relevant_rule(Draft(relevant="It leads to the role I want next")).state == MET


def test_time_bound_missing_without_date():
    assert time_bound_rule(Draft(), TODAY).state == MISSING


def test_time_bound_missing_when_in_the_past():
    verdict = time_bound_rule(Draft(target_date=TODAY - timedelta(days=1)), TODAY)
    assert verdict.state == MISSING
    assert "past" in verdict.hint


def test_time_bound_weak_beyond_five_years():
    assert time_bound_rule(Draft(target_date=date(2032, 1, 1)), TODAY).state == WEAK


def test_time_bound_met_with_a_near_date():
    assert time_bound_rule(Draft(target_date=TODAY), TODAY).state == MET


def test_assess_rates_all_five_in_order_and_all_met():
    draft = Draft(
        specific="Pass the project management exam at the test centre in town",
        milestone_count=3,
        achievable="Two evenings a week and a course",
        relevant="It leads to the role I want next",
        target_date=TODAY + timedelta(days=90),
    )
    verdicts = assess(draft, today=TODAY)
    assert [v.key for v in verdicts] == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    ]
    assert all_met(verdicts)
    assert not all_met(assess(Draft(), today=TODAY))


def test_draft_for_goal_reads_the_saved_goal(db):
    from tests.factories import GoalFactory

    goal = GoalFactory(parent=GoalFactory(horizon="long"))
    draft = draft_for_goal(goal, milestone_count=4)
    assert draft.specific == goal.specific
    assert draft.has_parent
    assert draft.milestone_count == 4
