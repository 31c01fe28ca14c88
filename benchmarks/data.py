"""The benchmark's planner: a big, lived-in plan created in bulk, and a signed-in session.

The rows are what the services would have written (milestones done with their wins, revisions
with reasons), inserted with bulk_create because creating 1,300 rows one service call at a time
would take longer than the measurement itself. Nothing here runs in the product.
"""

from datetime import date, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from apps.accounts.models import User
from apps.assessment import catalog, riasec
from apps.assessment import state as assessment_state
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from apps.goals.models import (
    Goal,
    GoalRevision,
    GoalType,
    Horizon,
    Obstacle,
    ObstacleKind,
    Resource,
    ResourceKind,
    ResourceStatus,
    Status,
    Win,
)
from apps.milestones.models import ActionStep, Milestone
from benchmarks.stack import Shape

EMAIL = "bench-planner@example.com"
LONG_TERM_EVERY = 8  # one goal in eight is long-term, the next ones serve it
GOAL_TYPES = list(GoalType.values)


def _goal(owner: User, index: int, today: date, parent: Goal | None) -> Goal:
    long_term = index % LONG_TERM_EVERY == 0
    status = Status.ACTIVE
    if index % 20 == 19:
        status = Status.ON_HOLD
    return Goal(
        owner=owner,
        title=f"Goal {index + 1}: grow as an engineer in area {index + 1}",
        description="A goal of the benchmark planner. " * 4,
        goal_type=GOAL_TYPES[index % len(GOAL_TYPES)],
        horizon=Horizon.LONG if long_term else Horizon.SHORT,
        status=status,
        parent=None if long_term else parent,
        specific="Earn the certificate by passing the exam at the local test centre.",
        achievable="Two evenings a week, and my employer pays the fee.",
        relevant="Moving into project leadership is what I want next.",
        target_date=today + timedelta(days=30 + 20 * index),
        urgent=index % 3 == 0,
        important=index % 4 != 3,
        position=index,
    )


def _create_goals(owner: User, count: int, today: date) -> list[Goal]:
    goals: list[Goal] = []
    parent: Goal | None = None
    for index in range(count):
        goal = _goal(owner, index, today, parent)
        # Parents must exist before their children point at them.
        goal.save()
        if goal.horizon == Horizon.LONG:
            parent = goal
        goals.append(goal)
    return goals


def _milestones(goals: list[Goal], count: int, today: date) -> list[Milestone]:
    now = timezone.now()
    rows = []
    for goal in goals:
        for index in range(count):
            # About a third done, one overdue, the rest ahead.
            offset = (index - 2) * 15
            done = index < count // 3
            rows.append(
                Milestone(
                    goal=goal,
                    title=f"Milestone {index + 1} of {goal.title[:40]}",
                    description="What this milestone proves." if index % 2 else "",
                    due_date=today + timedelta(days=offset),
                    done_at=now - timedelta(days=count - index) if done else None,
                    position=index,
                )
            )
    return Milestone.objects.bulk_create(rows)


def _steps(milestones: list[Milestone], count: int, today: date) -> None:
    now = timezone.now()
    rows = [
        ActionStep(
            milestone=milestone,
            title=f"Step {index + 1}",
            due_date=milestone.due_date - timedelta(days=count - index)
            if milestone.due_date
            else None,
            done_at=now if milestone.done_at or index == 0 else None,
            position=index,
        )
        for milestone in milestones
        for index in range(count)
    ]
    ActionStep.objects.bulk_create(rows)


def _extras(owner: User, goals: list[Goal], milestones: list[Milestone]) -> None:
    Obstacle.objects.bulk_create(
        Obstacle(
            goal=goal,
            kind=ObstacleKind.PROCRASTINATION if index % 2 else ObstacleKind.RESOURCES,
            description="Long work days leave little energy for study.",
            strategy="Study first thing on Saturday mornings.",
        )
        for goal in goals
        for index in range(2)
    )
    statuses = list(ResourceStatus.values)
    Resource.objects.bulk_create(
        Resource(
            goal=goal,
            kind=ResourceKind.COURSE if index % 2 else ResourceKind.BOOK,
            title=f"Resource {index + 1}",
            url="https://learning.example.org/course",
            status=statuses[index % len(statuses)],
        )
        for goal in goals
        for index in range(3)
    )
    GoalRevision.objects.bulk_create(
        GoalRevision(
            goal=goal,
            author=owner,
            changes={"target_date": ["2026-01-01", goal.target_date.isoformat()]},
            reason="The exam moved.",
        )
        for goal in goals
        for _ in range(2)
    )
    reached = [milestone for milestone in milestones if milestone.done_at]
    wins = Win.objects.bulk_create(
        Win(
            owner=owner,
            title=f"Milestone reached: {milestone.title}",
            happened_on=timezone.localtime(milestone.done_at).date(),
            goal_id=milestone.goal_id,
        )
        for milestone in reached
    )
    for milestone, win in zip(reached, wins, strict=True):
        milestone.win = win
    Milestone.objects.bulk_update(reached, ["win"])


# The benchmark planner's self-assessment: a year of monthly snapshots over a lived-in inventory.
SKILLS = 30
SNAPSHOTS = 12


def _assessment_rows(owner: User) -> None:
    CareerValue.objects.bulk_create(
        CareerValue(owner=owner, key=value.key, name=value.name, rank=i + 1 if i < 5 else None)
        for i, value in enumerate(catalog.VALUES[:9])
    )
    Insight.objects.bulk_create(
        Insight(
            owner=owner,
            kind="weakness" if i % 3 == 0 else "strength",
            text=f"Insight {i + 1} of the benchmark planner",
            source="feedback",
            improvement="Practise it every week" if i % 3 == 0 else "",
        )
        for i in range(12)
    )
    Reflection.objects.bulk_create(
        Reflection(owner=owner, key=prompt.key, answer="An answer of a few sentences. " * 4)
        for prompt in catalog.PROMPTS
    )
    Skill.objects.bulk_create(
        Skill(
            owner=owner,
            name=f"Skill {i + 1}",
            kind="soft" if i % 2 else "hard",
            area=f"Area {i % 5 + 1}",
            rating=i % 4 + 1,
            target=min(5, i % 4 + 2 + i % 2),
            evidence="A project that shows it." if i % 3 else "",
        )
        for i in range(SKILLS)
    )
    answers = {key: 2 + (index % 4) for index, (key, _) in enumerate(riasec.ITEMS)}
    scores = riasec.scores(answers)
    InterestResult.objects.create(
        owner=owner, answers=answers, scores=scores, code=riasec.code(scores)
    )
    VisionVersion.objects.bulk_create(
        VisionVersion(owner=owner, text=f"Version {i + 1}: I lead a team I am proud of.")
        for i in range(5)
    )


def _create_assessment(owner: User) -> None:
    """The assessment, and a snapshot a month for a year, each a little behind the next."""
    _assessment_rows(owner)
    now = assessment_state.as_data(assessment_state.load(owner))
    months = []
    for age in range(SNAPSHOTS, 0, -1):
        data = {
            **now,
            "skills": [
                {**skill, "rating": max(1, (skill["rating"] or 1) - age // 2)}
                for skill in now["skills"]
            ],
        }
        data["insights"] = now["insights"][: max(0, len(now["insights"]) - age)]
        months.append(
            Snapshot(owner=owner, data=data, taken_at=timezone.now() - timedelta(days=30 * age))
        )
    Snapshot.objects.bulk_create(months)


@transaction.atomic
def create_planner(shape: Shape, *, email: str = EMAIL) -> tuple[User, list[Goal]]:
    """A verified planner with `shape` goals, milestones and steps (replacing an earlier one)."""
    from allauth.account.models import EmailAddress

    User.objects.filter(email=email).delete()
    user = User.objects.create_user(
        email, get_random_string(24), display_name="Bench Planner", timezone="Europe/Berlin"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    today = timezone.localdate()
    goals = _create_goals(user, shape.goals, today)
    milestones = _milestones(goals, shape.milestones, today)
    _steps(milestones, shape.steps, today)
    _extras(user, goals, milestones)
    _create_assessment(user)
    return user, goals


def signed_in_cookie(user: User) -> str:
    """A `Cookie` header value for a signed-in browser: a session and a CSRF cookie.

    The session is made server-side, as `Client.force_login` does, because production cookies
    are Secure and the benchmark speaks plain HTTP to 127.0.0.1. The CSRF cookie is sent so that
    pages do not mint a new one on every request, as a returning browser would not.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    csrf = get_random_string(32)
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
