"""How views, tasks and services reach a planner's check-in data.

A check-in is addressed by its public id (`access_checkin`, a 404 for anyone who may not read
it). The schedule and the notification settings are one per planner and have no id of their
own: `schedule_of` / `notifications_of` return the planner's own row, or None before they
saved one. Everything goes through the models' owned querysets, so a new audience is a
change to `readers()` there, not here.
"""

from uuid import UUID

from apps.accounts.models import User
from apps.checkins.models import CheckIn, CheckInQuerySet, CheckinSchedule, NotificationSettings
from apps.core.access import access_object


def access_checkin(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    queryset: CheckInQuerySet | None = None,
) -> CheckIn:
    """The check-in `public_id` if `user` may read it (`for_write`: change it), else 404.
    `queryset` narrows further, e.g. to completed check-ins."""
    found: CheckIn = access_object(
        queryset if queryset is not None else CheckIn.objects.all(),
        user,
        public_id,
        for_write=for_write,
    )
    return found


def draft_of(user: User) -> CheckIn | None:
    """The planner's unfinished check-in; there is at most one."""
    return CheckIn.objects.editable_by(user).drafts().first()


# The planner's own rows: `editable_by`, because "my schedule" is never someone else's, even
# for a reader who may also see other planners' schedules.


def schedule_of(user: User) -> CheckinSchedule | None:
    return CheckinSchedule.objects.editable_by(user).first()


def notifications_of(user: User) -> NotificationSettings | None:
    return NotificationSettings.objects.editable_by(user).first()
