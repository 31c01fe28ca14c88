"""Each planner's check-in schedule, notification settings, check-ins and the reminder outbox.

Every model here holds one person's data and has an owned queryset (`visible_to`,
`editable_by`); `apps/checkins/access.py` is how views reach them.
"""

from datetime import date, datetime, time

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.accounts.timezones import validate_timezone
from apps.checkins import occurrences
from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel
from apps.goals.models import Goal


class Frequency(models.TextChoices):
    WEEKLY = occurrences.WEEKLY, "Every week"
    BIWEEKLY = occurrences.BIWEEKLY, "Every two weeks"
    MONTHLY = occurrences.MONTHLY, "Every month"
    QUARTERLY = occurrences.QUARTERLY, "Every quarter"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class CheckinScheduleQuerySet(OwnedQuerySet):
    """One schedule per planner; who may read it is `readers()`, like every owned row."""


class CheckinSchedule(models.Model):
    """When a planner wants to review their plan. `next_due_at` is the sweep's index."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_schedule"
    )
    frequency = models.CharField(max_length=16, choices=Frequency.choices, default=Frequency.WEEKLY)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, default=Weekday.MONDAY)
    day_of_month = models.PositiveSmallIntegerField(
        default=1, help_text="1–31; 0 means the last day of the month."
    )
    local_time = models.TimeField(default=time(8, 30))
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    anchor = models.DateField(help_text="Counts the weeks of 'every two weeks' and the quarters.")
    paused = models.BooleanField(default=False)
    next_due_at = models.DateTimeField(null=True, blank=True)
    next_due_key = models.CharField(max_length=32, blank=True)
    # Changes on every edit, so that a reminder claimed under an older rule is not sent.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckinScheduleQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["next_due_at"], name="checkin_schedule_due", condition=Q(paused=False)
            )
        ]

    def __str__(self) -> str:
        return f"check-ins of {self.owner}"

    @property
    def rule(self) -> occurrences.Rule:
        return occurrences.Rule(
            frequency=self.frequency,
            local_time=self.local_time,
            timezone=self.timezone,
            anchor=self.anchor,
            weekday=self.weekday,
            day_of_month=self.day_of_month,
        )

    def next_after(self, moment: datetime) -> occurrences.Occurrence:
        return occurrences.next_occurrence(self.rule, moment)

    def set_next_due(self, now: datetime) -> None:
        """Point `next_due_at` at the first occurrence after `now`; nothing while paused."""
        if self.paused:
            self.next_due_at, self.next_due_key = None, ""
            return
        upcoming = self.next_after(now)
        self.next_due_at, self.next_due_key = upcoming.at, upcoming.key


class DeliveryKind(models.TextChoices):
    CHECKIN = "checkin", "Check-in reminder"
    MILESTONE = "milestone", "Milestone deadline"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    # The mail server may have accepted it, but we never recorded that: not resent.
    UNKNOWN = "unknown", "Unknown"
    SKIPPED = "skipped", "Skipped"


class ReminderDeliveryQuerySet(OwnedQuerySet):
    """A planner's reminders. The sweep, the send task and the admin work across planners by
    design; anything shown to a planner goes through `visible_to`."""

    owner_path = "user"


class ReminderDelivery(models.Model):
    """One scheduled email for one user and one occurrence: the outbox row that makes sending
    exactly-once-or-less, whatever the number of beats, sweeps and workers."""

    # No index of its own: the unique constraint below starts with `user` and serves lookups.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_deliveries",
        db_index=False,
    )
    kind = models.CharField(max_length=16, choices=DeliveryKind.choices)
    occurrence_key = models.CharField(max_length=64)
    due_at = models.DateTimeField()
    schedule_version = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReminderDeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "occurrence_key"], name="one_delivery_per_occurrence"
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="delivery_pending",
                condition=Q(status="pending"),
            ),
            models.Index(
                fields=["lease_expires_at"], name="delivery_sending", condition=Q(status="sending")
            ),
        ]
        ordering = ["-created_at"]
        verbose_name_plural = "reminder deliveries"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.user} ({self.occurrence_key})"


class CheckInQuerySet(OwnedQuerySet):
    def completed(self) -> "CheckInQuerySet":
        return self.filter(completed_at__isnull=False)

    def drafts(self) -> "CheckInQuerySet":
        return self.filter(completed_at=None)


class CheckIn(PublicIdModel, TimeStampedModel):
    """One review of the plan. A draft until completed, so leaving half-way loses nothing."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    went_well = models.TextField("what went well", blank=True, max_length=5_000)
    challenges = models.TextField("challenges you met", blank=True, max_length=5_000)
    next_steps = models.TextField("your next steps", blank=True, max_length=5_000)
    confidence = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.TextField(blank=True, max_length=5_000)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_at", "-created_at"]
        constraints = [
            # At most one draft per planner: starting a check-in resumes it.
            models.UniqueConstraint(
                fields=["owner"], condition=Q(completed_at=None), name="one_draft_checkin"
            )
        ]
        indexes = [models.Index(fields=["owner", "completed_at"])]

    def __str__(self) -> str:
        return f"check-in of {self.owner} ({self.completed_at or 'draft'})"

    @property
    def is_draft(self) -> bool:
        return self.completed_at is None


class CheckInGoalQuerySet(OwnedQuerySet):
    """An entry is visible to whoever may read both its check-in and its goal: a reader of the
    check-in (a mentor) sees only the lines of goals shared with them. The owner reads all."""

    owner_path = "checkin__owner"

    def readers(self, user) -> Q:
        return Q(
            checkin__in=CheckIn.objects.visible_to(user),
            goal__in=Goal.objects.visible_to(user),
        )


class CheckInGoal(models.Model):
    """How one goal stood at a check-in: the data behind the progress charts."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="goal_entries")
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="checkin_entries")
    progress = models.PositiveSmallIntegerField(default=0)
    obstacle = models.ForeignKey(
        "goals.Obstacle", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True, max_length=2_000)
    # What the planner proposes for the goal while the check-in is a draft; finishing the
    # check-in applies it, so a saved draft never moves a live goal.
    value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    milestones_reached = models.ManyToManyField(
        "milestones.Milestone", blank=True, related_name="+"
    )
    milestones_reopened = models.ManyToManyField(
        "milestones.Milestone", blank=True, related_name="+"
    )

    objects = CheckInGoalQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkin", "goal"], name="one_entry_per_goal")
        ]

    def __str__(self) -> str:
        return f"{self.goal} at {self.checkin}"


class NotificationSettingsQuerySet(OwnedQuerySet):
    """One row per planner, like the schedule."""


class NotificationSettings(models.Model):
    """Which emails a planner wants, beyond check-in reminders (which the schedule's own pause
    switches). Milestone deadline reminders are opt-in and come as one morning digest ("due
    tomorrow"), never one email per milestone."""

    DIGEST_TIME = time(8, 0)

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    milestone_reminders = models.BooleanField("milestone deadlines, the day before", default=False)
    # The next morning digest, like CheckinSchedule.next_due_at; empty while switched off.
    next_digest_at = models.DateTimeField(null=True, blank=True)
    next_digest_key = models.CharField(max_length=32, blank=True)
    # The random secret inside every pause link of this planner's emails (never their id).
    # Replacing it ("stop every old link") revokes all links sent so far.
    pause_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = NotificationSettingsQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["next_digest_at"],
                name="milestone_digest_due",
                condition=Q(milestone_reminders=True),
            )
        ]

    def __str__(self) -> str:
        return f"notifications of {self.owner}"

    def digest_rule(self, timezone_name: str, anchor: date) -> occurrences.Rule:
        return occurrences.Rule(
            frequency=occurrences.DAILY,
            local_time=self.DIGEST_TIME,
            timezone=timezone_name,
            anchor=anchor,
        )

    def set_next_digest(self, timezone_name: str, now: datetime) -> None:
        """Point `next_digest_at` at the next morning digest; nothing while switched off."""
        if not self.milestone_reminders:
            self.next_digest_at, self.next_digest_key = None, ""
            return
        local_today = occurrences.local_date(timezone_name, now)
        upcoming = occurrences.next_occurrence(self.digest_rule(timezone_name, local_today), now)
        self.next_digest_at, self.next_digest_key = upcoming.at, upcoming.key
