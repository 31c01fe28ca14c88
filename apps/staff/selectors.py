"""What the staff console reads: counts and states across every account, never plan text.

These reads cross planners on purpose (running the service needs totals), so they use the
models' plain managers; nothing here selects a text field of a plan.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins import heartbeat
from apps.checkins.models import CheckIn, DeliveryStatus, ReminderDelivery
from apps.core import health, outboxes
from apps.core.outboxes import FailedMail

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Overview:
    users: int
    new_this_week: int
    active: int
    deactivated: int
    checkins_this_week: int
    deliveries: dict[str, int]
    failed: int
    failed_by_outbox: dict[str, int]
    queue_depth: int | None
    last_sweep: datetime | None


def deliveries_by_state() -> dict[str, int]:
    counts = dict(
        ReminderDelivery.objects.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {label: counts.get(value, 0) for value, label in DeliveryStatus.choices}


def overview(now: datetime | None = None) -> Overview:
    since = (now or timezone.now()) - WEEK
    users = User.objects.aggregate(
        users=Count("pk"),
        new=Count("pk", filter=Q(date_joined__gte=since)),
        active=Count("pk", filter=Q(is_active=True)),
    )
    by_state = deliveries_by_state()
    failed_by_outbox = failed_counts()
    return Overview(
        users=users["users"],
        new_this_week=users["new"],
        active=users["active"],
        deactivated=users["users"] - users["active"],
        checkins_this_week=CheckIn.objects.filter(completed_at__gte=since).count(),
        deliveries=by_state,
        failed=sum(failed_by_outbox.values()),
        failed_by_outbox=failed_by_outbox,
        queue_depth=health.queue_depth(),
        last_sweep=heartbeat.last_sweep(),
    )


USER_FILTERS = {
    "all": "Everyone",
    "new": "New this week",
    "active": "Active",
    "deactivated": "Deactivated",
}


def users(*, query: str = "", show: str = "all", now: datetime | None = None) -> QuerySet[User]:
    """People matching a search by address or name, with whether their address is verified
    and whether they use two-factor, in one query whatever the page size."""
    condition = {
        "new": Q(date_joined__gte=(now or timezone.now()) - WEEK),
        "active": Q(is_active=True),
        "deactivated": Q(is_active=False),
    }.get(show, Q())
    found = User.objects.filter(condition)
    if query:
        found = found.filter(Q(email__icontains=query) | Q(display_name__icontains=query))
    return found.annotate(
        verified=Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        two_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"))),
    ).order_by("-date_joined", "pk")


def plan_counts(user: User) -> dict[str, int]:
    """How much a person has planned, never what: staff see 5 goals, not their titles.
    Counted through relation names, so the console imports no plan app."""
    mine = User.objects.filter(pk=user.pk)
    # One count per relation: joining them all at once would multiply the rows.
    return {
        word: mine.aggregate(n=Count(relation))["n"]
        for word, relation in (
            ("goals", "goals"),
            ("milestones", "goals__milestones"),
            ("check-ins", "checkins"),
            ("wins", "wins"),
            ("mentorships", "mentorships_as_planner"),
        )
    }


# Each outbox gives at most this many of its newest failed rows: the page is for acting on
# what failed lately; the overview carries the full counts.
FAILED_SHOWN = 100


def failed_mail() -> list[FailedMail]:
    """Failed rows of every registered outbox, newest first: one query per outbox."""
    rows = [box.describe(row) for box in outboxes.outboxes() for row in box.failed()[:FAILED_SHOWN]]
    return sorted(rows, key=lambda mail: (mail.when, mail.row_id), reverse=True)


def failed_counts() -> dict[str, int]:
    return {box.label: box.count() for box in outboxes.outboxes()}


@dataclass(frozen=True)
class Status:
    database: bool
    redis: bool
    queue_depth: int | None
    last_sweep: datetime | None
    pending: int
    oldest_pending: datetime | None

    @property
    def sweep_late(self) -> bool:
        # The sweep runs every minute; five without one means beat or its worker is down.
        return self.last_sweep is None or timezone.now() - self.last_sweep > timedelta(minutes=5)


def status() -> Status:
    database = health.database_ok()
    pending = ReminderDelivery.objects.filter(status=DeliveryStatus.PENDING)
    oldest = pending.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
    return Status(
        database=database,
        redis=health.redis_ok(),
        queue_depth=health.queue_depth(),
        last_sweep=heartbeat.last_sweep(),
        pending=pending.count(),
        oldest_pending=oldest,
    )
