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
