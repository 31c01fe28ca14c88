"""The demo planner's career plan: what `make run` shows before anyone has typed anything.

Built only through the service functions, so the demo holds exactly what a person could have
made by hand: milestones completed through `milestone_complete` (each one a win), adjustments
through `goal_update` (each one a revision with its reason). Dates are relative to the
planner's own today, so the plan never looks stale: some milestones are done, some are
overdue, the rest lie ahead.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.goals import services as goals
from apps.goals.models import (
    Goal,
    GoalType,
    Horizon,
    MeasureKind,
    ObstacleKind,
    ResourceKind,
    ResourceStatus,
)
from apps.milestones import services as milestones


@dataclass(frozen=True)
class Step:
    title: str
    due_in: int | None = None
    done: bool = False


@dataclass(frozen=True)
class MilestonePlan:
    title: str
    due_in: int
    done: bool = False
    description: str = ""
    steps: tuple[Step, ...] = field(default_factory=tuple)


def has_plan(user: User) -> bool:
    """Whether the planner has ever had a plan: goals, or wins that outlived their goals."""
    return user.goals.exists() or user.wins.exists()


@transaction.atomic
def build_demo_plan(user: User) -> list[Goal]:
    """Create the demo plan for `user` and return its goals, long-term goal first."""
    with timezone.override(zoneinfo.ZoneInfo(user.timezone)):
        today = timezone.localdate()
        lead = _manager_goal(user, today)
        talks = _speaking_goal(user, today, parent=lead)
        people = _leadership_course_goal(user, today, parent=lead)
        network = _network_goal(user, today)
        balance = _balance_goal(user, today)
        goals.win_create(
            owner=user,
            title="My team lead asked me to run the sprint retro",
            happened_on=today - timedelta(days=9),
            note="First time facilitating. Two people thanked me afterwards.",
            goal=lead,
        )
    return [lead, talks, people, network, balance]


def _days(today: date, offset: int | None) -> date | None:
    return None if offset is None else today + timedelta(days=offset)


def _add_milestones(goal: Goal, by: User, today: date, plans: list[MilestonePlan]) -> None:
    for plan in plans:
        milestone = milestones.milestone_create(
            goal=goal,
            title=plan.title,
            description=plan.description,
            due_date=_days(today, plan.due_in),
        )
        for step in plan.steps:
            created = milestones.step_create(
                milestone=milestone, title=step.title, due_date=_days(today, step.due_in)
            )
            if step.done:
                milestones.step_set_done(step=created, done=True)
        if plan.done:
            win = milestones.milestone_complete(milestone=milestone, by=by)
            _backdate(milestone, win, milestone.due_date)


def _backdate(milestone, win, day: date | None) -> None:
    """Demo only: a milestone reached in the past was reached on its due date, not today."""
    if day is None or day >= date.today():
        return
    reached = datetime.combine(day, time(17, 0), tzinfo=UTC)
    type(milestone).objects.filter(pk=milestone.pk).update(done_at=reached)
    if win is not None:
        type(win).objects.filter(pk=win.pk).update(happened_on=day)


def _manager_goal(user: User, today: date) -> Goal:
    goal = goals.goal_create(
        owner=user,
        title="Become an engineering manager",
        description="Lead a team of five to eight engineers at a product company.",
        goal_type=GoalType.POSITION,
        horizon=Horizon.LONG,
        specific=(
            "Move from senior engineer to engineering manager of a product team, here or at "
            "another company, because helping people grow is the part of my job I enjoy most."
        ),
        achievable=(
            "My manager supports it; I need people-leadership practice and about three hours "
            "a week for learning."
        ),
        relevant="It joins my love of building software with my wish to grow people.",
        target_date=today + timedelta(days=3 * 365),
        urgent=False,
        important=True,
    )
    _add_milestones(
        goal,
        user,
        today,
        [
            MilestonePlan(
                "Agree on a growth plan with my manager",
                due_in=-40,
                done=True,
                steps=(Step("Write down what I want to learn", done=True),),
            ),
            MilestonePlan(
                "Mentor a junior engineer for six months",
                due_in=120,
                steps=(
                    Step("Ask who is joining the team next quarter", -5, done=True),
                    Step("Set up fortnightly one-to-ones", 14),
                ),
            ),
            MilestonePlan(
                "Lead a project end to end as tech lead",
                due_in=300,
                steps=(Step("Volunteer for the billing migration", 30),),
            ),
            MilestonePlan("Apply for an engineering manager role", due_in=900),
        ],
    )
    return goal


def _speaking_goal(user: User, today: date, *, parent: Goal) -> Goal:
    goal = goals.goal_create(
        owner=user,
        title="Give a talk at a local meetup",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        horizon=Horizon.SHORT,
        parent=parent,
        specific=(
            "Give a twenty-minute talk about our testing practice at the city's Python meetup "
            "to practise explaining technical choices to a room."
        ),
        achievable="The organisers look for speakers; I need two weekends to prepare.",
        target_date=today + timedelta(days=75),
        urgent=True,
        important=True,
    )
    _add_milestones(
        goal,
        user,
        today,
        [
            MilestonePlan(
                "Pick a topic and write the abstract",
                due_in=-20,
                done=True,
                steps=(Step("List three topics", done=True), Step("Ask Sam which one", done=True)),
            ),
            MilestonePlan(
                "Submit the talk proposal",
                due_in=-6,
                description="The call for speakers closes at the end of the month.",
                steps=(Step("Write the bio", -8, done=True), Step("Send the form", -6)),
            ),
            MilestonePlan(
                "Rehearse in front of my team",
                due_in=45,
                steps=(Step("Book a lunch slot", 30), Step("Prepare the slides", 40)),
            ),
            MilestonePlan("Give the talk", due_in=70),
        ],
    )
    # The first date was too tight: the adjustment and its reason land in the goal's history.
    return goals.goal_update(
        goal=goal,
        by=user,
        reason="The meetup moved its next open slot by a month.",
        target_date=today + timedelta(days=105),
    )


def _leadership_course_goal(user: User, today: date, *, parent: Goal) -> Goal:
    goal = goals.goal_create(
        owner=user,
        title="Finish a people-leadership course",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        horizon=Horizon.SHORT,
        parent=parent,
        specific=(
            "Complete the eight-module leadership course my company pays for, and try one "
            "technique from each module at work."
        ),
        achievable="One module a fortnight, Tuesday evenings; the company covers the fee.",
        target_date=today + timedelta(days=150),
        urgent=False,
        important=True,
    )
    _add_milestones(
        goal,
        user,
        today,
        [
            MilestonePlan("Finish modules 1 and 2: feedback", due_in=-30, done=True),
            MilestonePlan(
                "Finish modules 3 and 4: one-to-ones",
                due_in=-3,
                steps=(Step("Watch module 3", -10, done=True), Step("Watch module 4", -3)),
            ),
            MilestonePlan("Finish modules 5 and 6: delegation", due_in=60),
            MilestonePlan("Finish modules 7 and 8: hiring", due_in=140),
        ],
    )
    obstacles = (
        (
            ObstacleKind.PROCRASTINATION,
            "After a long day I skip the Tuesday module.",
            "Watch the module at lunch on Tuesdays instead of in the evening.",
        ),
        (
            ObstacleKind.SELF_DOUBT,
            "I worry I am not senior enough to practise on real colleagues.",
            "Start with small things: ask one person for feedback each week.",
        ),
    )
    for kind, description, strategy in obstacles:
        goals.obstacle_create(goal=goal, kind=kind, description=description, strategy=strategy)
    resources = (
        (ResourceKind.COURSE, "Leading people (company course)", ResourceStatus.IN_PROGRESS),
        (ResourceKind.BOOK, "A book on being a first-time manager", ResourceStatus.DONE),
        (ResourceKind.PERSON, "Dana, manager of the platform team", ResourceStatus.TODO),
    )
    for resource_kind, title, status in resources:
        goals.resource_create(goal=goal, kind=resource_kind, title=title, status=status)
    return goals.goal_update(
        goal=goal,
        by=user,
        reason="Doing it for the team, not for a certificate: a clearer name.",
        title="Finish the people-leadership course",
    )


def _network_goal(user: User, today: date) -> Goal:
    goal = goals.goal_create(
        owner=user,
        title="Have coffee with twelve engineering managers",
        goal_type=GoalType.NETWORKING,
        horizon=Horizon.SHORT,
        specific=(
            "Meet twelve engineering managers from other companies for a coffee and ask how "
            "they made the move from engineer to manager."
        ),
        measure_kind=MeasureKind.NUMBER,
        measure_unit="conversations",
        baseline=Decimal(0),
        target_value=Decimal(12),
        current_value=Decimal(5),
        achievable="One a month is enough; the meetup and former colleagues are a start.",
        relevant="I learn what the job is really like before I apply for it.",
        target_date=today + timedelta(days=200),
        urgent=False,
        important=True,
    )
    _add_milestones(
        goal,
        user,
        today,
        [
            MilestonePlan("Make a list of twenty people to ask", due_in=-50, done=True),
            MilestonePlan("Update my profile on the professional network", due_in=-14),
        ],
    )
    goals.resource_create(
        goal=goal,
        kind=ResourceKind.ORGANISATION,
        title="The city's engineering leadership meetup",
        url="https://meetup.example.org/engineering-leaders",
        status=ResourceStatus.IN_PROGRESS,
    )
    return goal


def _balance_goal(user: User, today: date) -> Goal:
    goal = goals.goal_create(
        owner=user,
        title="Keep my evenings free of work",
        goal_type=GoalType.WORK_LIFE_BALANCE,
        horizon=Horizon.SHORT,
        specific=(
            "Close the laptop by 18:30 on at least four weekdays a week, so there is time for "
            "climbing and for family."
        ),
        achievable="My team works in one time zone; evening pages go to the on-call person.",
        relevant="Learning to lead needs energy that I do not have when I work late.",
        target_date=today + timedelta(days=90),
        urgent=True,
        important=False,
    )
    _add_milestones(
        goal,
        user,
        today,
        [
            MilestonePlan("Turn off work notifications after 18:30", due_in=-25, done=True),
            MilestonePlan(
                "Go climbing twice a week for a month",
                due_in=30,
                steps=(Step("Renew the gym membership", 2),),
            ),
        ],
    )
    goals.obstacle_create(
        goal=goal,
        kind=ObstacleKind.EXTERNAL,
        description="Release weeks pull everyone into late evenings.",
        strategy="Agree with the team that release checks happen before 17:00.",
    )
    return goal
