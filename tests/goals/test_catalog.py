from datetime import date

from apps.goals import catalog
from apps.goals.models import GoalType, ObstacleKind


def test_at_least_six_templates_with_unique_slugs_and_valid_choices():
    slugs = [t.slug for t in catalog.TEMPLATES]
    assert len(slugs) >= 6
    assert len(set(slugs)) == len(slugs)
    assert {t.goal_type for t in catalog.TEMPLATES} == set(GoalType.values) - {GoalType.OTHER}


def test_template_dates_count_from_today():
    template = catalog.template_by_slug("pm-certification")
    today = date(2026, 1, 1)
    assert template.initial(today)["target_date"] == date(2026, 6, 30)
    plan = template.milestone_plan(today)
    assert plan[0] == ("Choose the certification and book the exam", date(2026, 1, 15))
    assert all(due <= date(2026, 6, 30) for _, due in plan)


def test_unknown_slug_is_no_template():
    assert catalog.template_by_slug("nope") is None
    assert catalog.template_by_slug(None) is None


def test_every_obstacle_kind_has_strategies_to_pick_from():
    groups = dict(catalog.strategy_choices())
    assert set(groups) == {label for _, label in ObstacleKind.choices}
    assert all(options for options in groups.values())


def test_every_goal_type_has_a_follow_up():
    assert all(catalog.follow_up_for(kind) for kind in GoalType.values)
