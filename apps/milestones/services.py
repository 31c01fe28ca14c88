"""Writes to milestones and action steps. Completing a milestone is celebrated with a win;
ticking it off again takes the win back, so an accidental tick can be undone."""

from datetime import date

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.goals import services as goal_services
from apps.goals.models import Goal, Win
from apps.goals.revisions import record_milestone_due
from apps.milestones.models import ActionStep, Milestone


def _next_position(queryset: QuerySet[Milestone] | QuerySet[ActionStep]) -> int:
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _move[Row: (Milestone, ActionStep)](rows: list[Row], row: Row, offset: int) -> None:
    index = next(i for i, r in enumerate(rows) if r.pk == row.pk)
    target = max(0, min(len(rows) - 1, index + offset))
    rows.insert(target, rows.pop(index))
    for position, item in enumerate(rows):
        item.position = position
    type(row).objects.bulk_update(rows, ["position"])


# -- milestones -------------------------------------------------------------------------


@transaction.atomic
def milestone_create(
    *, goal: Goal, title: str, description: str = "", due_date: date | None = None
) -> Milestone:
    milestone = Milestone(goal=goal, title=title, description=description, due_date=due_date)
    milestone.position = _next_position(goal.milestones.all())
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_update(
    *, milestone: Milestone, title: str, description: str, due_date: date | None
) -> Milestone:
    milestone.title, milestone.description, milestone.due_date = title, description, due_date
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def milestone_reschedule(
    *, milestone: Milestone, by: User, due_date: date, reason: str
) -> Milestone:
    """Move a milestone's date as an adjustment of the plan: its goal's history records it,
    with the reason."""
    milestone = Milestone.objects.select_for_update().select_related("goal").get(pk=milestone.pk)
    before = milestone.due_date
    milestone.due_date = due_date
    milestone.full_clean()
    milestone.save(update_fields=["due_date", "updated_at"])
    record_milestone_due(
        goal=milestone.goal,
        by=by,
        title=milestone.title,
        before=before,
        after=due_date,
        reason=reason,
    )
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone) -> None:
    milestone.delete()


@transaction.atomic
def milestone_move(*, milestone: Milestone, offset: int) -> None:
    rows = list(Milestone.objects.select_for_update().filter(goal_id=milestone.goal_id))
    _move(rows, milestone, offset)


@transaction.atomic
def milestone_complete(*, milestone: Milestone, by: User) -> Win | None:
    """Mark a milestone done and add it to the wins journal; a second call changes nothing."""
    milestone = Milestone.objects.select_for_update().select_related("goal").get(pk=milestone.pk)
    if milestone.done_at is not None:
        return None
    win = goal_services.win_create(
        owner=milestone.goal.owner,
        title=f"Milestone reached: {milestone.title}",
        happened_on=timezone.localdate(),
        goal=milestone.goal,
    )
    milestone.done_at, milestone.win = timezone.now(), win
    milestone.save(update_fields=["done_at", "win", "updated_at"])
    return win


@transaction.atomic
def milestone_reopen(*, milestone: Milestone, by: User) -> Milestone:
    """Open a milestone again and take its win off the journal: the tick was a slip."""
    # `of`: the win is an outer join, which PostgreSQL will not lock.
    rows = Milestone.objects.select_for_update(of=("self",)).select_related("win")
    milestone = rows.get(pk=milestone.pk)
    win = milestone.win
    milestone.done_at, milestone.win = None, None
    milestone.save(update_fields=["done_at", "win", "updated_at"])
    if win is not None:
        goal_services.win_delete(win=win)
    return milestone


# -- action steps -----------------------------------------------------------------------


@transaction.atomic
def step_create(*, milestone: Milestone, title: str, due_date: date | None = None) -> ActionStep:
    step = ActionStep(milestone=milestone, title=title, due_date=due_date)
    step.position = _next_position(milestone.steps.all())
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def step_update(*, step: ActionStep, title: str, due_date: date | None) -> ActionStep:
    step.title, step.due_date = title, due_date
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def step_set_done(*, step: ActionStep, done: bool) -> ActionStep:
    step = ActionStep.objects.select_for_update().get(pk=step.pk)
    if done and step.done_at is None:
        step.done_at = timezone.now()
    elif not done:
        step.done_at = None
    step.save(update_fields=["done_at", "updated_at"])
    return step


@transaction.atomic
def step_delete(*, step: ActionStep) -> None:
    step.delete()


@transaction.atomic
def step_move(*, step: ActionStep, offset: int) -> None:
    rows = list(ActionStep.objects.select_for_update().filter(milestone_id=step.milestone_id))
    _move(rows, step, offset)
