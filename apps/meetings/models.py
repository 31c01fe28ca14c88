"""Meetings of a mentorship: its recurring schedule, each meeting (one occurrence or a one-off),
what is on its agenda, the notes afterwards, and the reminder outbox.

A meeting is visible to the two people of a running mentorship, and to nobody once it has
ended; `apps/meetings/access.py` is how views reach them.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.accounts.timezones import validate_timezone
from apps.checkins import occurrences
from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel
from apps.mentorship.models import Mentorship
from apps.mentorship.readers import reach_of

# The reminder goes out this long before a meeting starts.
REMINDER_LEAD = timedelta(hours=24)


class Frequency(models.TextChoices):
    WEEKLY = occurrences.WEEKLY, "Every week"
    BIWEEKLY = occurrences.BIWEEKLY, "Every two weeks"
    MONTHLY = occurrences.MONTHLY, "Every month"


def _running_with(user) -> tuple[int, ...]:
    return reach_of(user).either_side


class SeriesQuerySet(OwnedQuerySet):
    owner_path = "mentorship__planner"

    def readers(self, user) -> Q:
        return Q(mentorship__in=_running_with(user))

    def editable_by(self, user):
        # Either side of a running mentorship sets the rhythm.
        return self.visible_to(user)


class MeetingSeries(models.Model):
    """A mentorship's recurring meetings, as a rule on the wall clock of whoever set it."""

    mentorship = models.OneToOneField(
        Mentorship, on_delete=models.CASCADE, related_name="meeting_series"
    )
    frequency = models.CharField(max_length=16, choices=Frequency.choices, default=Frequency.WEEKLY)
    weekday = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(6)], help_text="Monday is 0."
    )
    day_of_month = models.PositiveSmallIntegerField(
        default=1, validators=[MaxValueValidator(31)], help_text="0 means the last day."
    )
    local_time = models.TimeField(default=time(10, 0))
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    anchor = models.DateField()
    duration = models.PositiveSmallIntegerField(
        default=45, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "meeting series"

    def __str__(self) -> str:
        return f"meetings of {self.mentorship}"

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

    def upcoming(self, after: datetime, count: int) -> list[occurrences.Occurrence]:
        found = []
        for occurrence in occurrences.occurrences_after(self.rule, after):
            found.append(occurrence)
            if len(found) == count:
                break
        return found


class MeetingQuerySet(OwnedQuerySet):
    """Both people of a running mentorship read and add to its meetings; nobody else, and
    nobody at all once it has ended."""

    owner_path = "mentorship__planner"

    def readers(self, user) -> Q:
        return Q(mentorship__in=_running_with(user))

    def editable_by(self, user):
        return self.visible_to(user)

    def upcoming(self, now: datetime | None = None) -> "MeetingQuerySet":
        return self.filter(starts_at__gt=(now or timezone.now()) - timedelta(hours=1))


class Meeting(PublicIdModel, TimeStampedModel):
    """One meeting: an occurrence of the series (kept a few ahead) or a one-off."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    series = models.ForeignKey(
        MeetingSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    starts_at = models.DateTimeField()
    duration = models.PositiveSmallIntegerField(default=45)
    # The zone it was set in, to say "10:00 in Berlin" next to each person's own time.
    timezone = models.CharField(max_length=64, validators=[validate_timezone])
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Changes whenever the time does: a reminder claimed for an older time is not sent, and
    # the invitation's SEQUENCE tells calendar apps to move the event.
    version = models.PositiveIntegerField(default=1)
    # When the sweep should write its reminders; cleared once it has (the sweep's index).
    remind_at = models.DateTimeField(null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["mentorship", "starts_at"]),
            models.Index(
                fields=["remind_at"],
                name="meeting_reminder_due",
                condition=Q(remind_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"meeting of {self.mentorship} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration)

    def arm_reminder(self) -> None:
        self.remind_at = self.starts_at - REMINDER_LEAD


class ItemQuerySet(OwnedQuerySet):
    owner_path = "meeting__mentorship__planner"

    def readers(self, user) -> Q:
        return Q(meeting__in=Meeting.objects.visible_to(user).values("pk"))


class AgendaItem(PublicIdModel, TimeStampedModel):
    """Something one of the two wants to talk about, added before the meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=1_000)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class NoteQuerySet(ItemQuerySet):
    def readers(self, user) -> Q:
        # A private note is its author's alone: the other side never reads it.
        return super().readers(user) & (Q(shared=True) | Q(note_of=user))


class MeetingNote(PublicIdModel, TimeStampedModel):
    """Notes after the meeting: shared with the other side, or private to their author."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notes")
    # A private note goes with its author's account; a shared one stays with the meeting.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    shared = models.BooleanField(default=True)
    body = models.TextField(max_length=5_000)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class MeetingMail(models.Model):
    """One person's choice about meeting reminders, and the random key inside their stop
    links (never their id); replacing it revokes every stop link sent so far."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_mail"
    )
    reminders = models.BooleanField("email me the day before each meeting", default=True)
    stop_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"meeting reminders of {self.owner}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    # The mail server may have accepted it, but that was never recorded: not sent again.
    UNKNOWN = "unknown", "Unknown"
    SKIPPED = "skipped", "Skipped"


class ReminderQuerySet(OwnedQuerySet):
    owner_path = "recipient"


class MeetingReminder(models.Model):
    """The outbox row of one reminder: one person, one meeting at one time. Unique, so a
    second claim of the same occurrence writes nothing and a task run twice sends once."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    meeting_version = models.PositiveIntegerField()
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "recipient", "meeting_version"],
                name="one_meeting_reminder_per_occurrence",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="meeting_reminder_pending",
                condition=Q(status="pending"),
            ),
            models.Index(
                fields=["lease_expires_at"],
                name="meeting_reminder_sending",
                condition=Q(status="sending"),
            ),
        ]

    def __str__(self) -> str:
        return f"reminder of {self.meeting} for {self.recipient}"
