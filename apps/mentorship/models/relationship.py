"""Invitations, mentorships (the agreement and what is shared), the access log and nudges.

A mentorship is a relationship between two users, not an account type: anyone can plan and
mentor at once. What a mentor may read is decided by `MentorshipQuerySet.active()` together
with the sharing scope, in the reader conditions of `apps.mentorship.readers`.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel

INVITATION_LIFETIME = timedelta(days=14)

# Parts of the self-assessment a planner may share. Kept as plain names: the assessment app
# reads them when it lands; mentorship does not import it.
ASSESSMENT_PARTS = (
    ("values", "Values"),
    ("strengths", "Strengths and weaknesses"),
    ("interests", "Interests"),
    ("skills", "Skills"),
)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class InvitationQuerySet(OwnedQuerySet):
    owner_path = "planner"

    def open(self) -> "InvitationQuerySet":
        return self.filter(status=InvitationStatus.OPEN, expires_at__gt=timezone.now())


class Invitation(PublicIdModel, TimeStampedModel):
    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_invitations"
    )
    email = models.EmailField("their email address")
    message = models.TextField("a personal message", blank=True, max_length=2_000)
    # sha256 of the raw token; the raw token exists only in the email's link.
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    status = models.CharField(
        max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.OPEN
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # The scope offered, copied to the mentorship on accept.
    share_vision = models.BooleanField(default=True)
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="+")

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["planner", "status"])]

    def __str__(self) -> str:
        return f"invitation from {self.planner} to {self.email}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class MentorshipQuerySet(OwnedQuerySet):
    """Visible to both sides; the planner owns it (`editable_by`: the sharing scope)."""

    owner_path = "planner"

    def readers(self, user) -> Q:
        running = Mentorship.objects.active().filter(mentor=user)
        return Q(planner=user) | Q(pk__in=running)

    def active(self) -> "MentorshipQuerySet":
        """Running today: not ended, and its agreed end date (if any) not passed. Access ends
        the moment the date passes, whether or not the daily job has marked it yet.
        `readers.reach_of` repeats this condition in SQL; tests/mentorship/test_reach.py
        checks that the two agree, so change both together."""
        today = timezone.localdate()
        return self.filter(ended_at=None).filter(Q(end_date=None) | Q(end_date__gte=today))

    def past(self) -> "MentorshipQuerySet":
        today = timezone.localdate()
        return self.filter(Q(ended_at__isnull=False) | Q(end_date__lt=today))

    def mentoring(self, user) -> "MentorshipQuerySet":
        """Where `user` is the mentor, running: the mentor's own list (their mentees)."""
        if not user.is_authenticated:
            return self.none()
        return self.active().filter(mentor=user)


class Mentorship(PublicIdModel, TimeStampedModel):
    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_planner"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentor"
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentorship"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The agreement, editable by either side.
    purpose = models.TextField("what it is for", blank=True, max_length=2_000)
    rhythm = models.CharField("how often you meet", blank=True, max_length=200)
    end_date = models.DateField(
        "ends by itself after", null=True, blank=True, help_text="Leave empty to keep it open."
    )
    # The sharing scope, set by the planner. Nothing beyond the vision and ticked goals at first.
    share_vision = models.BooleanField("your vision", default=False)
    share_checkins = models.BooleanField("check-in summaries", default=False)
    all_goals = models.BooleanField("all your goals", default=False)
    goals = models.ManyToManyField("goals.Goal", blank=True, related_name="mentorships")
    # Names from ASSESSMENT_PARTS.
    assessment_parts = models.JSONField(default=list, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["planner", "mentor"],
                condition=Q(ended_at=None),
                name="one_running_mentorship_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(planner=models.F("mentor")), name="no_self_mentorship"
            ),
        ]
        indexes = [models.Index(fields=["mentor", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.mentor} mentors {self.planner}"

    @property
    def is_active(self) -> bool:
        if self.ended_at is not None:
            return False
        return self.end_date is None or self.end_date >= timezone.localdate()


class AccessKind(models.TextChoices):
    GOAL = "goal", "Goal"
    CHECKIN = "checkin", "Check-in"
    VISION = "vision", "Vision"
    ASSESSMENT = "assessment", "Self-assessment"


class AccessLogQuerySet(OwnedQuerySet):
    """The planner reads the log; the mentor's reading is what it records, not theirs to see."""

    owner_path = "mentorship__planner"


class AccessLog(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="accesses")
    kind = models.CharField(max_length=16, choices=AccessKind.choices)
    item_public_id = models.UUIDField(null=True, blank=True)
    label = models.CharField(max_length=200)
    opened_at = models.DateTimeField(default=timezone.now)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["mentorship", "-opened_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} “{self.label}” opened"


class NudgeQuerySet(OwnedQuerySet):
    """A nudge is the planner's to read (it was sent to them); the mentor's copy is the
    Mentees page's "nudged on …", read through the mentorship."""

    owner_path = "mentorship__planner"


# One nudge per mentee per week: more often is pestering.
NUDGE_INTERVAL = timedelta(days=7)


class Nudge(PublicIdModel):
    """A friendly word from a mentor to a mentee who seems stalled: only the mentor's own
    words, never plan data."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="nudges")
    message = models.TextField(blank=True, max_length=500)
    sent_at = models.DateTimeField(default=timezone.now)

    objects = NudgeQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["mentorship", "-sent_at"])]

    def __str__(self) -> str:
        return f"nudge in {self.mentorship} at {self.sent_at:%Y-%m-%d}"

    @property
    def next_possible_at(self):
        return self.sent_at + NUDGE_INTERVAL
