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
    ACCOUNT_DELETED = "account_deleted", "Account deleted"


class AuditEvent(models.Model):
    """An append-only record of something that happened to an account, in UTC.

    A table of our own rather than a model-history library: those copy every changed field,
    and the whole point is that plan text never lands here. `user_ref` is the account's public
    id at the time, so a row outlives the account it speaks of without naming anyone.
    """

    at = models.DateTimeField(default=django_timezone.now, db_index=True)
    kind = models.CharField(max_length=32, choices=AuditKind.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    user_ref = models.UUIDField()

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M} UTC"
