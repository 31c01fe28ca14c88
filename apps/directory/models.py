"""Mentor profiles (who is open to mentoring, and what they chose to show) and requests from
planners to a listed mentor.

A request becomes an ordinary mentorship when the mentor accepts it: the mentorship app's
`mentorship_start` makes it, with the scope the planner chose here, exactly as an accepted
invitation does.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel

MAX_CAPACITY = 20
# A request waits this long before the mentor is reminded (once) and the planner told.
REMIND_AFTER = timedelta(days=7)


class MentorProfileQuerySet(OwnedQuerySet):
    owner_path = "user"

    def listed(self) -> "MentorProfileQuerySet":
        return self.filter(listed=True, user__is_active=True)


class MentorProfile(PublicIdModel, TimeStampedModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    headline = models.CharField(
        "headline",
        max_length=120,
        help_text="One line about what you can help with, e.g. “Engineering manager, ten years "
        "in product teams”.",
    )
    # Lower case, single-spaced, unique: "Python" and " python " are one area.
    areas = ArrayField(models.CharField(max_length=40), default=list, blank=True, size=10)
    capacity = models.PositiveSmallIntegerField(
        "how many mentees you can take",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
    )
    listed = models.BooleanField(
        "show me in the directory",
        default=True,
        help_text="Only signed-in people see the directory: your name, headline, areas and "
        "whether you have room. Never your email or your plan.",
    )

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [GinIndex(fields=["areas"], name="mentor_profile_areas")]

    def __str__(self) -> str:
        return f"mentor profile of {self.user}"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    # Taken back by the planner before the mentor answered.
    WITHDRAWN = "withdrawn", "Withdrawn"


class MentorRequestQuerySet(OwnedQuerySet):
    """The planner owns a request; its recipient reads it too."""

    owner_path = "planner"

    def readers(self, user) -> Q:
        return Q(planner=user) | Q(mentor=user)

    def received_by(self, user) -> "MentorRequestQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(mentor=user)

    def open(self) -> "MentorRequestQuerySet":
        return self.filter(status=RequestStatus.OPEN)


class MentorRequest(PublicIdModel, TimeStampedModel):
    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_requests_sent"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentor_requests_received",
    )
    message = models.TextField("your message", max_length=2_000)
    # The scope offered, as on an invitation; copied to the mentorship on accept.
    share_vision = models.BooleanField(default=True)
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="+")
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField("a note for them", blank=True, max_length=1_000)
    # Set when the one reminder is claimed; never cleared.
    reminded_at = models.DateTimeField(null=True, blank=True)
    mentorship = models.OneToOneField(
        "mentorship.Mentorship",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_request",
    )

    objects = MentorRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["planner", "mentor"],
                condition=Q(status="open"),
                name="one_open_request_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(planner=models.F("mentor")), name="no_request_to_self"
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(status="open", reminded_at=None),
                name="request_awaiting_reminder",
            ),
            models.Index(fields=["mentor", "status"]),
        ]

    def __str__(self) -> str:
        return f"request from {self.planner} to {self.mentor}"

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN
