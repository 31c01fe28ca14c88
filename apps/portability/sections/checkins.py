"""Check-ins with how each goal stood at them, the check-in schedule and the email settings.
An import saves the schedule through the reminder service, so the next reminder is computed
from today, never taken from the file."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from apps.accounts.models import User
from apps.checkins.models import CheckIn, CheckInGoal, CheckinSchedule, NotificationSettings
from apps.checkins.services.schedules import notifications_save, schedule_save
from apps.portability.encoding import Refused, check, dump, load
from apps.portability.registry import IdMap, Section, register
from apps.portability.sections.rows import build, entry, ordered, save_all

CHECKIN = ("went_well", "challenges", "next_steps", "confidence", "note", "completed_at")
LINE = ("progress", "note", "value")
SCHEDULE = ("frequency", "weekday", "day_of_month", "local_time", "timezone", "paused")


def _pids(rows: Any) -> list[str]:
    return sorted(str(row.public_id) for row in rows.all())


def _line(line: CheckInGoal) -> dict[str, Any]:
    return {
        "goal": str(line.goal.public_id),
        "obstacle": str(line.obstacle.public_id) if line.obstacle else None,
        **dump(line, LINE),
        "milestones_reached": _pids(line.milestones_reached),
        "milestones_reopened": _pids(line.milestones_reopened),
    }


def dump_checkins(user: User) -> dict[str, Any]:
    lines = CheckInGoal.objects.select_related("goal", "obstacle").prefetch_related(
        "milestones_reached", "milestones_reopened"
    )
    checkins = ordered(CheckIn.objects.owned_by(user)).prefetch_related(
        Prefetch("goal_entries", lines.order_by("goal__position", "goal__created_at", "id"))
    )
    schedule = CheckinSchedule.objects.owned_by(user).first()
    prefs = NotificationSettings.objects.owned_by(user).first()
    return {
        "schedule": dump(schedule, SCHEDULE) if schedule else None,
        "milestone_reminders": bool(prefs and prefs.milestone_reminders),
        "checkins": [
            entry(c, CHECKIN, goals=[_line(line) for line in c.goal_entries.all()])
            for c in checkins
        ],
    }


def _load_schedule(user: User, data: dict[str, Any] | None, milestone_reminders: bool) -> None:
    try:
        if data is not None:
            schedule_save(user=user, **load(CheckinSchedule, data, SCHEDULE, "checkins.schedule"))
        if milestone_reminders:
            notifications_save(user=user, milestone_reminders=True)
    except ValidationError as error:
        raise Refused("checkins.schedule", " ".join(error.messages)) from None


def _load_lines(checkins: list[CheckIn], data: list[dict[str, Any]], ids: IdMap) -> None:
    lines: list[CheckInGoal] = []
    reached: list[list[Any]] = []
    reopened: list[list[Any]] = []
    for checkin, item, n in zip(checkins, data, range(len(data)), strict=True):
        for m, line in enumerate(item.get("goals", [])):
            place = f"checkins.checkins[{n}].goals[{m}]"
            row = CheckInGoal(
                checkin=checkin,
                goal=ids.get("goal", line["goal"], f"{place}.goal"),
                obstacle=ids.get("obstacle", line.get("obstacle"), f"{place}.obstacle"),
                **load(CheckInGoal, line, LINE, place),
            )
            check(row, place, exclude=("checkin", "goal", "obstacle"))
            lines.append(row)
            for key, into in (("milestones_reached", reached), ("milestones_reopened", reopened)):
                into.append(
                    [ids.get("milestone", pid, f"{place}.{key}") for pid in line.get(key, [])]
                )
    CheckInGoal.objects.bulk_create(lines)
    for relation, chosen in (("milestones_reached", reached), ("milestones_reopened", reopened)):
        through = getattr(CheckInGoal, relation).through
        through.objects.bulk_create(
            through(checkingoal_id=line.pk, milestone_id=milestone.pk)
            for line, milestones in zip(lines, chosen, strict=True)
            for milestone in milestones
        )


def load_checkins(user: User, data: dict[str, Any], ids: IdMap) -> None:
    _load_schedule(user, data.get("schedule"), data.get("milestone_reminders", False))
    items = data.get("checkins", [])
    rows = [
        build(CheckIn, item, CHECKIN, f"checkins.checkins[{n}]", owner=user)
        for n, item in enumerate(items)
    ]
    if sum(1 for row in rows if row.completed_at is None) > 1:
        raise Refused("checkins.checkins", "holds more than one unfinished check-in.")
    checkins = save_all(CheckIn, rows)
    for item, row in zip(items, checkins, strict=True):
        ids.add("checkin", item["id"], row)
    _load_lines(checkins, items, ids)


register(Section(key="checkins", order=40, dump=dump_checkins, load=load_checkins))
