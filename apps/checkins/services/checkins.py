"""The check-in services: start or resume the draft, save it, complete it, and the streak.

A check-in is a guided review of the active goals, kept as a draft until done.

Saving is safe to repeat: a draft is updated in place and keeps what it proposes for each goal
(its number, the milestones reached) in its own rows; only completing it changes the goals, and
completing an already completed check-in changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.access import draft_of, schedule_of
from apps.checkins.models import CheckIn, CheckInGoal, Frequency
from apps.checkins.services.schedules import schedule_checked_in
from apps.goals import services as goal_services
from apps.goals.models import Goal, Obstacle, Status
from apps.milestones import services as milestone_services
from apps.milestones.models import Milestone

PERIOD_DAYS: dict[str, int] = {
    Frequency.WEEKLY: 7,
    Frequency.BIWEEKLY: 14,
    Frequency.MONTHLY: 31,
    Frequency.QUARTERLY: 92,
}


@dataclass
class GoalUpdate:
    goal: Goal
    current_value: Decimal | None = None
    obstacle: Obstacle | None = None
    note: str = ""
    milestones_done: list[Milestone] = field(default_factory=list)
    # The milestones the form offered; those offered but not ticked are (re)opened.
    milestones_listed: list[Milestone] = field(default_factory=list)


def active_goals(*, user: User) -> list[Goal]:
    return list(Goal.objects.owned_by(user).filter(status=Status.ACTIVE).with_progress().in_order())


def checkin_start(*, user: User) -> CheckIn:
    """The planner's draft, resumed if one exists, with an entry for every active goal."""
    draft = draft_of(user)
    if draft is None:
        try:
            with transaction.atomic():
                draft = CheckIn.objects.create(owner=user)
        except IntegrityError:
            # Started twice at once (a double click): the other request created it.
            draft = CheckIn.objects.editable_by(user).drafts().get()
    goals = active_goals(user=user)
    known = set(draft.goal_entries.values_list("goal_id", flat=True))
    CheckInGoal.objects.bulk_create(
        [
            CheckInGoal(checkin=draft, goal=g, progress=g.progress)
            for g in goals
            if g.pk not in known
        ],
        ignore_conflicts=True,
    )
    return draft


@transaction.atomic
def checkin_save(
    *,
    checkin: CheckIn,
    went_well: str,
    challenges: str,
    next_steps: str,
    confidence: int | None,
    note: str,
    updates: list[GoalUpdate],
) -> CheckIn:
    """Keep the answers in the check-in's own rows; nothing outside it changes until it is
    finished (`checkin_complete`)."""
    checkin = CheckIn.objects.select_for_update().get(pk=checkin.pk)
    checkin.went_well, checkin.challenges, checkin.next_steps = went_well, challenges, next_steps
    checkin.confidence, checkin.note = confidence, note
    checkin.full_clean()
    checkin.save()
    for update in updates:
        entry, _ = CheckInGoal.objects.get_or_create(
            checkin=checkin, goal=update.goal, defaults={"progress": update.goal.progress}
        )
        entry.obstacle, entry.note = update.obstacle, update.note
        entry.value = update.current_value
        entry.save(update_fields=["obstacle", "note", "value"])
        done = {m.pk for m in update.milestones_done}
        entry.milestones_reached.set(update.milestones_done)
        # Only what was done when offered and then unticked: a milestone ticked on the goal
        # page after this draft was saved stays done.
        entry.milestones_reopened.set(
            [m for m in update.milestones_listed if m.pk not in done and m.done_at is not None]
        )
    return checkin


def _apply_proposals(checkin: CheckIn) -> None:
    user = checkin.owner
    entries = checkin.goal_entries.select_related("goal").prefetch_related(
        "milestones_reached", "milestones_reopened"
    )
    for entry in entries:
        goal = entry.goal
        if goal.status != Status.ACTIVE:
            continue
        if entry.value is not None and entry.value != goal.current_value:
            goal_services.goal_record_progress(
                goal=goal, by=user, value=entry.value, note="From your check-in."
            )
        for milestone in entry.milestones_reached.all():
            if milestone.goal_id == goal.pk:
                milestone_services.milestone_complete(milestone=milestone, by=user)
        for milestone in entry.milestones_reopened.all():
            if milestone.goal_id == goal.pk and milestone.done_at is not None:
                milestone_services.milestone_reopen(milestone=milestone, by=user)


@transaction.atomic
def checkin_complete(*, checkin: CheckIn, now: datetime | None = None) -> CheckIn:
    """Finish the review: apply what the draft proposed for each goal, snapshot each goal's
    progress and put what went well in the wins."""
    checkin = CheckIn.objects.select_for_update().get(pk=checkin.pk)
    if checkin.completed_at is not None:
        return checkin
    now = now or timezone.now()
    _apply_proposals(checkin)
    progress = {g.pk: g.progress for g in active_goals(user=checkin.owner)}
    for entry in checkin.goal_entries.all():
        if entry.goal_id in progress:
            entry.progress = progress[entry.goal_id]
            entry.save(update_fields=["progress"])
    for line in checkin.went_well.splitlines():
        title = line.strip(" -•*\t")
        if title:
            goal_services.win_create(
                owner=checkin.owner,
                title=title[:200],
                happened_on=timezone.localdate(now),
                note="From your check-in.",
            )
    checkin.completed_at = now
    checkin.save(update_fields=["completed_at", "updated_at"])
    schedule_checked_in(user=checkin.owner, now=now)
    return checkin


def streak(*, user: User, today: date) -> int:
    """Check-ins kept on schedule: consecutive completed reviews, none more than half a period
    late, the latest within reach of today."""
    schedule = schedule_of(user)
    period = PERIOD_DAYS[schedule.frequency if schedule else Frequency.WEEKLY]
    allowed = timedelta(days=period * 1.5)
    dates = [
        timezone.localdate(moment)
        for moment in CheckIn.objects.owned_by(user)
        .completed()
        .order_by("-completed_at")
        .values_list("completed_at", flat=True)[:200]
    ]
    count, previous = 0, today
    for day in dates:
        if previous - day > allowed:
            break
        count, previous = count + 1, day
    return count
