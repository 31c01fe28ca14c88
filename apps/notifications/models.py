"""Notifications: one row per thing someone should hear about, which is also its own email
outbox row; the recipient's email preference; and the outbox row of each daily digest."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.core.models import OwnedQuerySet, PublicIdModel


class EmailChoice(models.TextChoices):
    EACH = "each", "An email for each notification"
    DIGEST = "digest", "One email a day with what is new"
    NONE = "none", "No emails: only here in the app"


class MailState(models.TextChoices):
    PENDING = "pending", "Waiting to be emailed"
    SENDING = "sending", "Sending"
    SENT = "sent", "Emailed"
    FAILED = "failed", "Failed"
    # The mail server may have accepted it, but that was never recorded: not sent again.
    UNKNOWN = "unknown", "Unknown"
    SKIPPED = "skipped", "Not emailed"
    DIGEST = "digest", "Waiting for the daily digest"
    NONE = "none", "Not to be emailed"


class NotificationQuerySet(OwnedQuerySet):
    """A person's notifications. Nobody else reads them: no reader is ever registered."""

    owner_path = "recipient"

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at=None)


class Notification(PublicIdModel):
    """Something `actor` did to `target` that `recipient` should hear about. Its `kind` names
    the registered describer (apps.notifications.registry) that turns it into words and a link,
    and that decides at every showing and sending whether the recipient may still see it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    # The email outbox, on the row itself: one notification, at most one email.
    mail_state = models.CharField(
        max_length=16, choices=MailState.choices, default=MailState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    digest = models.ForeignKey(
        "DigestDelivery",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
            # The navigation's unread count on every page.
            models.Index(
                fields=["recipient"], name="notification_unread", condition=Q(read_at=None)
            ),
            models.Index(
                fields=["next_attempt_at"],
                name="notification_mail_pending",
                condition=Q(mail_state="pending"),
            ),
            models.Index(
                fields=["lease_expires_at"],
                name="notification_mail_sending",
                condition=Q(mail_state="sending"),
            ),
            models.Index(
                fields=["recipient"],
                name="notification_for_digest",
                condition=Q(mail_state="digest", read_at=None),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient}"


class NotificationPreferenceQuerySet(OwnedQuerySet):
    """One row per person, made when they first change the default or get a stop link."""


class NotificationPreference(models.Model):
    DIGEST_TIME = time(8, 0)

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(
        "email me", max_length=16, choices=EmailChoice.choices, default=EmailChoice.EACH
    )
    # When the next digest is due (UTC), and the local day it is for; empty unless digesting.
    next_digest_at = models.DateTimeField(null=True, blank=True)
    next_digest_day = models.CharField(max_length=10, blank=True)
    # The random secret inside the stop links of this person's notification emails (never
    # their id); replacing it revokes every stop link sent so far.
    stop_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    objects = NotificationPreferenceQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["next_digest_at"],
                name="notification_digest_due",
                condition=Q(email="digest"),
            )
        ]

    def __str__(self) -> str:
        return f"notification emails of {self.owner}"

    def set_next_digest(self, timezone_name: str, now: datetime) -> None:
        """The next morning digest strictly after `now`, in the person's own time zone."""
        if self.email != EmailChoice.DIGEST:
            self.next_digest_at, self.next_digest_day = None, ""
            return
        zone = ZoneInfo(timezone_name)
        day = now.astimezone(zone).date()
        at = datetime.combine(day, self.DIGEST_TIME, tzinfo=zone)
        if at <= now:
            day += timedelta(days=1)
            at = datetime.combine(day, self.DIGEST_TIME, tzinfo=zone)
        self.next_digest_at, self.next_digest_day = at, day.isoformat()


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    UNKNOWN = "unknown", "Unknown"
    SKIPPED = "skipped", "Skipped"


class DigestDeliveryQuerySet(OwnedQuerySet):
    owner_path = "user"


class DigestDelivery(models.Model):
    """The outbox row of one person's digest for one local day: unique, so a second claim of
    the same day writes nothing and a task run twice sends once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    day = models.CharField(max_length=10)
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

    objects = DigestDeliveryQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_day")]
        indexes = [
            models.Index(
                fields=["next_attempt_at"], name="digest_pending", condition=Q(status="pending")
            ),
            models.Index(
                fields=["lease_expires_at"], name="digest_sending", condition=Q(status="sending")
            ),
        ]
        verbose_name_plural = "digest deliveries"

    def __str__(self) -> str:
        return f"digest for {self.user} ({self.day})"
