"""The demo planner's self-assessment: filled in, with two snapshots months apart that differ.

Written through the services, as a planner would have. The demo seeding (apps/demo) calls
`seed_demo_assessment` after creating the demo planner.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.assessment import riasec, services
from apps.assessment.access import access_prompt
from apps.assessment.models import CareerValue, Skill
from apps.goals import services as goals
from apps.goals.models import Goal

EARLY_DAYS, LATER_DAYS = 150, 21


def _levels(by_area: dict[str, int]) -> dict[str, int]:
    return {key: by_area[key[0].upper()] for key, _ in riasec.ITEMS}


def _rank(owner: User, *names: str) -> None:
    values = {value.name: value for value in CareerValue.objects.editable_by(owner)}
    services.values_rank(owner=owner, ranked=[values[name].public_id for name in names])


def _rate(owner: User, levels: dict[str, tuple[int, int]]) -> None:
    skills = {skill.name: skill for skill in Skill.objects.editable_by(owner)}
    for name, (rating, target) in levels.items():
        services.skill_rate(skill=skills[name], rating=rating, target=target)


def _early(owner: User, when: datetime) -> None:
    services.values_pick(
        owner=owner, keys=["learning", "stability", "income", "teamwork", "autonomy", "impact"]
    )
    _rank(owner, "Learning", "Stability", "Income", "Teamwork")
    services.insight_create(
        owner=owner, kind="strength", text="I explain complex ideas simply", source="feedback"
    )
    services.insight_create(
        owner=owner, kind="strength", text="Reliable under deadline pressure", source="review"
    )
    services.insight_create(
        owner=owner,
        kind="weakness",
        text="I avoid speaking up in large meetings",
        source="360",
        improvement="Join a speaking club and give a short talk once a month",
    )
    for name in ("Public speaking", "SQL", "Data visualisation", "Delegating"):
        services.skill_add_starter(owner=owner, name=name)
    services.skill_create(owner=owner, name="Python", kind="hard", area="Data and digital")
    _rate(
        owner,
        {
            "Public speaking": (1, 4),
            "SQL": (2, 4),
            "Data visualisation": (2, 4),
            "Delegating": (1, 3),
            "Python": (3, 4),
        },
    )
    for key, answer in (
        ("energises", "Untangling a messy data question with a colleague at a whiteboard."),
        ("proudest", "The reporting pipeline I built that the whole team now relies on."),
        ("environment", "A small team, quiet mornings for deep work, honest feedback."),
    ):
        services.reflection_answer(reflection=access_prompt(owner, key), answer=answer)
    services.interest_profile_take(
        owner=owner,
        answers=_levels({"R": 2, "I": 5, "A": 3, "S": 4, "E": 2, "C": 3}),
        taken_at=when,
    )
    services.snapshot_take(owner=owner, note="Before the leadership course", taken_at=when)


def _later(owner: User, when: datetime) -> None:
    _rank(owner, "Impact", "Learning", "Autonomy", "Stability", "Teamwork")
    services.insight_create(
        owner=owner, kind="strength", text="Good at mentoring new colleagues", source="feedback"
    )
    services.insight_create(
        owner=owner,
        kind="weakness",
        text="I say yes to too much",
        source="self",
        improvement="Keep one afternoon a week free of meetings",
    )
    services.skill_add_starter(owner=owner, name="Coaching others")
    _rate(
        owner,
        {
            "Public speaking": (3, 4),
            "SQL": (3, 4),
            "Data visualisation": (3, 4),
            "Delegating": (2, 4),
            "Coaching others": (2, 4),
        },
    )
    services.interest_profile_take(
        owner=owner,
        answers=_levels({"R": 2, "I": 4, "A": 3, "S": 5, "E": 3, "C": 2}),
        taken_at=when,
    )
    services.vision_save(
        owner=owner,
        text="I lead a small data team at an organisation whose mission I believe in. I help "
        "people grow, I still build things myself every week, and I keep my evenings free.",
    )
    services.snapshot_take(owner=owner, note="After the leadership course", taken_at=when)


# The values each demo goal serves, by goal title (apps/demo/plan.py) and value name.
SERVES = {
    "Become an engineering manager": ("Impact", "Autonomy"),
    "Give a talk at a local meetup": ("Learning",),
    "Finish the people-leadership course": ("Learning", "Teamwork"),
}


def _serve_values(owner: User, plan: list[Goal]) -> None:
    values = {value.name: value for value in CareerValue.objects.editable_by(owner)}
    for goal in plan:
        names = SERVES.get(goal.title, ())
        served = [values[name] for name in names if name in values]
        if served:
            goals.goal_update(
                goal=goal, by=owner, values=served, reason="Named the values it serves"
            )


def seed_demo_assessment(*, owner: User, plan: Sequence[Goal] = ()) -> None:
    """Fill in `owner`'s assessment as it grew over five months (on a fresh planner only),
    and name the values the goals of `plan` serve."""
    now = timezone.now()
    _early(owner, now - timedelta(days=EARLY_DAYS))
    _later(owner, now - timedelta(days=LATER_DAYS))
    _serve_values(owner, list(plan))
