"""Milestones under a goal, and the action steps (a checklist) under each milestone."""

from datetime import date

from django.db import models

from apps.core.models import PublicIdModel, TimeStampedModel
from apps.goals.models import Goal, GoalChildQuerySet, Win


class MilestoneQuerySet(GoalChildQuerySet):
    def open(self) -> "MilestoneQuerySet":
        return self.filter(done_at__isnull=True)


class Milestone(PublicIdModel, TimeStampedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=5_000)
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    # The journal entry written when the milestone was reached; reopening deletes it, while
    # deleting the milestone or the entry leaves the other in place.
    win = models.OneToOneField(
        Win, null=True, blank=True, on_delete=models.SET_NULL, related_name="milestone"
    )

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["position", "created_at"]
        indexes = [
            # The dashboard's "upcoming" and "overdue" lists: open milestones by due date.
            models.Index(
                fields=["due_date"], name="milestone_open_due", condition=models.Q(done_at=None)
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return bool(self.due_date and not self.done_at and self.due_date < today)


class ActionStepQuerySet(GoalChildQuerySet):
    goal_path = "milestone__goal"


class ActionStep(PublicIdModel, TimeStampedModel):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=200)
    due_date = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = ActionStepQuerySet.as_manager()

    class Meta:
        ordering = ["position", "created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return bool(self.due_date and not self.done_at and self.due_date < today)
