"""`plan_facts`: the Mentees page's goals with their progress and overdue milestones in one
plain-SQL query; it must say exactly what the ORM's reading of the goals the mentor may read
says."""

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import Q
from django.db.models.functions import JSONObject
from django.utils import timezone

from apps.goals.models import Goal
from apps.mentorship.mentee_facts import Overdue, PlanFacts, plan_facts
from tests.factories import GoalFactory, MentorshipFactory, MilestoneFactory, UserFactory

pytestmark = pytest.mark.django_db


def _orm_plan_facts(mentor, planners, before: date) -> dict[int, PlanFacts]:
    """The same, as the ORM reads it (the query the plain SQL replaces)."""
    late = Q(milestones__done_at=None, milestones__due_date__lt=before)
    what = JSONObject(due="milestones__due_date", pk="milestones__pk", title="milestones__title")
    goals = (
        Goal.objects.visible_to(mentor)
        .filter(owner__in=planners)
        .with_progress()
        .only("owner", "status", "measure_kind", "baseline", "target_value", "current_value")
        .annotate(overdue=JSONBAgg(what, filter=late))
        .order_by()
    )
    progress: dict[int, list[int]] = defaultdict(list)
    found: dict[int, PlanFacts] = defaultdict(PlanFacts)
    for goal in goals:
        progress[goal.owner_id].append(goal.progress)
        found[goal.owner_id].overdue.extend(
            Overdue(date.fromisoformat(m["due"]), m["pk"], m["title"]) for m in goal.overdue or ()
        )
    for owner, facts in found.items():
        facts.goals = len(progress[owner])
        facts.progress = round(sum(progress[owner]) / facts.goals)
        facts.overdue.sort()
    return dict(found)


def _plan(owner) -> list[Goal]:
    today = timezone.localdate()
    measured = GoalFactory(
        owner=owner,
        measure_kind="number",
        baseline=Decimal(10),
        target_value=Decimal(50),
        current_value=Decimal(25),
    )
    achieved = GoalFactory(owner=owner, status="achieved")
    by_milestones, empty = GoalFactory(owner=owner), GoalFactory(owner=owner, status="on_hold")
    for goal in (measured, achieved, by_milestones):
        MilestoneFactory(goal=goal, due_date=today - timedelta(days=20), title="Late")
        MilestoneFactory(goal=goal, due_date=today - timedelta(days=3), title="A little late")
        MilestoneFactory(goal=goal, due_date=today - timedelta(days=30), done_at=timezone.now())
        MilestoneFactory(goal=goal, due_date=today + timedelta(days=5))
        MilestoneFactory(goal=goal, due_date=None)
    return [measured, achieved, by_milestones, empty]


def test_the_read_plan_facts_match_the_orms(bob, dora):
    mentor = bob
    every, chosen, ended, over, elsewhere = (UserFactory() for _ in range(5))
    ships = [
        MentorshipFactory(planner=every, mentor=mentor, all_goals=True),
        MentorshipFactory(planner=chosen, mentor=mentor),
        MentorshipFactory(planner=ended, mentor=mentor, all_goals=True, ended_at=timezone.now()),
        MentorshipFactory(
            planner=over,
            mentor=mentor,
            all_goals=True,
            end_date=timezone.localdate() - timedelta(days=1),
        ),
        # Someone else's mentee, and the mentor's own mentor.
        MentorshipFactory(planner=elsewhere, mentor=dora, all_goals=True),
        MentorshipFactory(planner=mentor, mentor=dora, all_goals=True),
    ]
    plans = {planner: _plan(planner) for planner in (every, chosen, ended, over, elsewhere, mentor)}
    ships[1].goals.set(plans[chosen][1:3])
    planners = [m.planner_id for m in ships]
    today = timezone.localdate()
    for before in (today, today - timedelta(days=14)):
        for reader in (mentor, dora, every, UserFactory()):
            assert plan_facts(reader, ships, before) == _orm_plan_facts(reader, planners, before)
    facts = plan_facts(mentor, ships, today)
    assert set(facts) == {every.pk, chosen.pk, mentor.pk}
    assert (facts[every.pk].goals, facts[every.pk].progress) == (4, 39)  # 37, 100, 20, 0
    assert (facts[chosen.pk].goals, facts[chosen.pk].progress) == (2, 60)
    assert [m.title for m in facts[chosen.pk].overdue] == ["Late", "Late"] + ["A little late"] * 2
    assert plan_facts(mentor, [], today) == {}
