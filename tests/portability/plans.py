"""A full plan for one person: every part the export knows, each text carrying `tag` so a test
can tell whose it is."""

from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone

from apps.assessment import state
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from apps.checkins.models import CheckIn, CheckInGoal
from apps.checkins.services.schedules import notifications_save, schedule_save
from apps.mentorship.models import AccessLog
from apps.mentorship.services.comments import comment_add
from tests.factories import (
    ActionStepFactory,
    GoalFactory,
    GoalRevisionFactory,
    InvitationFactory,
    MentorshipFactory,
    MilestoneFactory,
    ObstacleFactory,
    ResourceFactory,
    WinFactory,
)


def _assessment(user, tag: str) -> None:
    Insight.objects.create(
        owner=user, kind="strength", text=f"{tag} explains clearly", source="self"
    )
    Insight.objects.create(
        owner=user,
        kind="weakness",
        text=f"{tag} avoids conflict",
        source="self",
        improvement="Practise",
    )
    CareerValue.objects.create(owner=user, key="autonomy", name=f"{tag} autonomy", rank=1)
    CareerValue.objects.create(owner=user, name=f"{tag} own value")
    Skill.objects.create(owner=user, name=f"{tag} SQL", kind="hard", rating=3, target=5)
    Reflection.objects.create(owner=user, question=f"{tag}: what energises you?", answer="Teaching")
    InterestResult.objects.create(owner=user, answers={"r1": 4}, scores={"R": 10}, code="RIA")
    VisionVersion.objects.create(owner=user, text=f"{tag} leads a small team (first)")
    VisionVersion.objects.create(owner=user, text=f"{tag} leads a data team (now)")
    Snapshot.objects.create(
        owner=user, note=f"{tag} snapshot", data=state.as_data(state.load(user))
    )


def _goals(user, tag: str):
    career = GoalFactory(owner=user, title=f"{tag} become a team lead", horizon="long")
    goal = GoalFactory(
        owner=user,
        title=f'=HYPERLINK("http://evil.example") {tag} certificate',
        parent=career,
        measure_kind="number",
        measure_unit="modules",
        baseline=Decimal("0"),
        target_value=Decimal("12.50"),
        current_value=Decimal("3"),
    )
    obstacle = ObstacleFactory(goal=goal, description=f"{tag} long work days")
    ResourceFactory(goal=goal, title=f"{tag} exam guide")
    GoalRevisionFactory(goal=goal, reason=f"{tag} exam moved")
    done = MilestoneFactory(goal=goal, title=f"{tag} module one", done_at=timezone.now())
    MilestoneFactory(goal=goal, title=f"+{tag} module two")
    ActionStepFactory(milestone=done, title=f"{tag} book the room")
    ActionStepFactory(milestone=done, title=f"@{tag} read chapter 1", done_at=timezone.now())
    win = WinFactory(owner=user, goal=goal, title=f"{tag} passed module one")
    done.win = win
    done.save()
    WinFactory(owner=user, title=f"{tag} gave a talk", note="Nobody fell asleep")
    return career, goal, obstacle, done


def _checkins(user, tag: str, goal, obstacle, milestone) -> None:
    schedule_save(
        user=user,
        frequency="monthly",
        timezone=user.timezone,
        day_of_month=0,
        local_time=time(18, 0),
    )
    notifications_save(user=user, milestone_reminders=True)
    checkin = CheckIn.objects.create(
        owner=user,
        went_well=f"{tag} finished module one",
        challenges="Time",
        next_steps="Module two",
        confidence=4,
        completed_at=timezone.now() - timedelta(days=2),
    )
    line = CheckInGoal.objects.create(
        checkin=checkin, goal=goal, progress=25, obstacle=obstacle, note=f"{tag} ok"
    )
    line.milestones_reached.set([milestone])
    CheckIn.objects.create(owner=user, went_well=f"{tag} draft")
    return checkin


def _own_notes(user, tag: str, goal, milestone, checkin) -> None:
    note = comment_add(
        by=user, target=goal, milestone=milestone, kind="own_note", body=f"{tag}'s note to self"
    )
    comment_add(by=user, target=goal, parent=note, body=f"{tag} adds to the note")
    comment_add(by=user, target=checkin, kind="own_note", body=f"{tag} on this check-in")


def _conversation(user, tag: str, mentor, goal) -> None:
    """The mentor comments, the planner answers; the mentor keeps a private note."""
    advice = comment_add(by=mentor, target=goal, body=f"Mentor to {tag}: try a study group")
    comment_add(by=user, target=goal, parent=advice, body=f"{tag} thanks the mentor")
    comment_add(by=mentor, target=goal, kind="mentor_note", body=f"Mentor's memo on {tag}")


def full_plan(user, tag: str, *, mentor=None) -> dict:
    _assessment(user, tag)
    career, goal, obstacle, milestone = _goals(user, tag)
    checkin = _checkins(user, tag, goal, obstacle, milestone)
    _own_notes(user, tag, goal, milestone, checkin)
    result = {"career": career, "goal": goal, "milestone": milestone}
    if mentor is not None:
        mentorship = MentorshipFactory(planner=user, mentor=mentor, goals=[goal], share_vision=True)
        AccessLog.objects.create(
            mentorship=mentorship,
            kind="goal",
            item_public_id=goal.public_id,
            label=goal.title[:200],
        )
        InvitationFactory(planner=user, email=f"{tag.lower()}-friend@example.com")
        _conversation(user, tag, mentor, goal)
        result["mentorship"] = mentorship
    return result
