"""Requests for a new date on a shared goal or milestone."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel
from apps.mentorship.readers import about_goals_shared_with


class DeadlineRequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class DeadlineRequestQuerySet(OwnedQuerySet):
    """The planner's; a mentor reads it while the goal it is about is shared with them (read
    from the mentorships running today, as for the goal itself)."""

    owner_path = "planner"

    def readers(self, user) -> Q:
        shared = about_goals_shared_with(user)
        return Q(planner=user) if shared is None else Q(planner=user) | shared

    def open(self) -> "DeadlineRequestQuerySet":
        return self.filter(status=DeadlineRequestStatus.OPEN)


class DeadlineRequest(PublicIdModel, TimeStampedModel):
    """The planner asks for a new date for a shared goal (or one of its milestones); a mentor
    comments; the planner decides. Only the planner's decision changes the date, through the
    goal's or milestone's own service, so the goal's history records it."""

    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deadline_requests"
    )
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="+")
    milestone = models.ForeignKey(
        "milestones.Milestone", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    current_date = models.DateField(null=True, blank=True)
    proposed_date = models.DateField()
    reason = models.TextField(max_length=2_000)
    status = models.CharField(
        max_length=16, choices=DeadlineRequestStatus.choices, default=DeadlineRequestStatus.OPEN
    )
    # The mentor's comment: one per request (a later one replaces it while the request is open).
    mentor_comment = models.TextField(blank=True, max_length=2_000)
    commented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    commented_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = DeadlineRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["planner", "status"])]

    def __str__(self) -> str:
        return f"new date {self.proposed_date} for {self.subject}"

    @property
    def subject(self) -> str:
        """What the request is about, in words."""
        if self.milestone is not None:
            return f"the milestone “{self.milestone.title}”"
        return f"the goal “{self.goal.title}”"

    @property
    def is_open(self) -> bool:
        return self.status == DeadlineRequestStatus.OPEN
