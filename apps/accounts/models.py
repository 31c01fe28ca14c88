from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone as django_timezone

from apps.accounts.timezones import validate_timezone
from apps.core.models import PublicIdModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(PublicIdModel, AbstractBaseUser, PermissionsMixin):
    """A person: planner, mentor, or both. Staff users are the admins."""

    email = models.EmailField("email address", max_length=254, unique=True)
    display_name = models.CharField(
        max_length=80, blank=True, help_text="How careerplan and your mentors address you."
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text="Deadlines and reminders follow this time zone.",
    )
    is_active = models.BooleanField(
        default=True, help_text="Inactive accounts cannot sign in and get no email."
    )
    is_staff = models.BooleanField(default=False, help_text="Staff can use the admin site.")
    date_joined = models.DateTimeField(default=django_timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@", 1)[0]


def user_display(user: User) -> str:
    """How a person is named on screen and in email: their name, else their address."""
    return user.get_full_name()


class AuditKind(models.TextChoices):
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    MFA_ACTIVATED = "mfa_activated", "Two-factor authentication turned on"
    MFA_DEACTIVATED = "mfa_deactivated", "Two-factor authentication turned off"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", "New recovery codes made"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    PASSWORD_RESET = "password_reset", "Password reset by email"
    EMAIL_ADDED = "email_added", "Email address added"
    EMAIL_CHANGED = "email_changed", "Primary email address changed"
    EMAIL_REMOVED = "email_removed", "Email address removed"
    MENTORSHIP_STARTED = "mentorship_started", "Mentorship started"
    MENTORSHIP_ENDED = "mentorship_ended", "Mentorship ended"
    SHARING_CHANGED = "sharing_changed", "Sharing changed"
    VERIFICATION_RESENT = "verification_resent", "Verification email sent again by staff"
    DELIVERY_RETRIED = "delivery_retried", "Failed mail retried by staff"
    ACCOUNT_DEACTIVATED = "account_deactivated", "Account deactivated"
    ACCOUNT_DELETED = "account_deleted", "Account deleted"
    EXPORTED = "exported", "Data exported"
    IMPORTED = "imported", "Data imported"
    PLAN_PDF = "plan_pdf", "Plan downloaded as PDF"


class AppendOnly(Exception):
    """Raised on any attempt to change or remove an audit row."""


class AuditEventQuerySet(models.QuerySet):
    # A log that can be edited proves nothing: rows are written once and never changed. The
    # one way rows leave is the account's own deletion, by cascade (Django's collector deletes
    # those rows directly, without this queryset), because a person's security log is their
    # data and goes with them; the row that records the deletion keeps no link to anyone.
    def update(self, **kwargs):
        raise AppendOnly("Audit events are append-only; they are never updated.")

    def delete(self):
        raise AppendOnly("Audit events are append-only; they go only with their account.")

    def of(self, user: "User") -> "AuditEventQuerySet":
        return self.filter(user_ref=user.public_id)


class AuditEvent(models.Model):
    """An append-only record of something that happened to an account, in UTC.

    A table of our own, written from signals and services, rather than a model-history
    library: those copy every changed field, and the whole point is that plan text never lands
    here. `user_ref` is the account's public id at the time, so the deletion row outlives the
    account it speaks of without naming anyone. `actor_ref` is whoever did it when that is not
    the person (staff), or the other side of a mentorship; `detail` is a short line of our own
    words and counts, never plan text.
    """

    at = models.DateTimeField(default=django_timezone.now, db_index=True)
    kind = models.CharField(max_length=32, choices=AuditKind.choices)
    # CASCADE, not SET_NULL: nulling would be an update, and the log goes with the account.
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="audit_events"
    )
    user_ref = models.UUIDField()
    actor_ref = models.UUIDField(null=True, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    objects = AuditEventQuerySet.as_manager()
    # Set for display by audit.with_actor_names; not a column.
    actor_name: str | None = None

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user_ref", "-at"], name="audit_by_user")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M} UTC"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnly("Audit events are append-only; they are never updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit events are append-only; they go only with their account.")

    @property
    def actor_words(self) -> str:
        """The other person in the event, in words: staff who acted on the account, or the
        other side of a mentorship, named from `actor_name` when the page looked it up."""
        if self.actor_ref is None or self.actor_ref == self.user_ref:
            return ""
        if self.kind in STAFF_KINDS:
            return "by staff"
        return f"with {self.actor_name or 'a former user'}"


STAFF_KINDS = frozenset(
    {
        AuditKind.ACCOUNT_DEACTIVATED,
        AuditKind.VERIFICATION_RESENT,
        AuditKind.DELIVERY_RETRIED,
        AuditKind.ACCOUNT_DELETED,
    }
)
