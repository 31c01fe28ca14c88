"""A schedule in words: "Every other Monday at 08:30, Europe/Berlin"."""

from apps.checkins.models import CheckinSchedule, Frequency, Weekday


def _day_of_month(day: int) -> str:
    if day == 0:
        return "the last day"
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"the {day}{suffix}"


def in_words(schedule: CheckinSchedule) -> str:
    at = f"at {schedule.local_time:%H:%M}, {schedule.timezone}"
    weekday = Weekday(schedule.weekday).label
    if schedule.frequency == Frequency.WEEKLY:
        return f"Every {weekday} {at}"
    if schedule.frequency == Frequency.BIWEEKLY:
        return f"Every other {weekday} {at}"
    day = _day_of_month(schedule.day_of_month)
    if schedule.frequency == Frequency.MONTHLY:
        return f"Monthly on {day} {at}"
    return f"Every three months on {day} {at}"
