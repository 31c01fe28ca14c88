"""The conversation on a goal or a check-in: comments and notes, and each reader's last visit."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel
from apps.mentorship.models.relationship import Mentorship
from apps.mentorship.readers import comment_targets_shared_with


class CommentKind(models.TextChoices):
    """Who reads a note, decided when it is written and shown on it wherever it appears."""

    SHARED = "shared", "Shared comment"
    MENTOR_NOTE = "mentor_note", "Private note"
    OWN_NOTE = "own_note", "Your own note"


EDIT_WINDOW = timedelta(minutes=15)


class CommentQuerySet(OwnedQuerySet):
    """A planner reads the shared comments and their own notes on their plan, never a mentor's
    private note. A mentor reads, while their share covers the goal or check-in, its shared
    comments and their own private notes, never the planner's own notes or another mentor's
    notes. The share is read from the mentorships running today (`readers.reach_of`), as for
    the goals and check-ins themselves, so ending a mentorship or narrowing the share hides
    the comments with the plan."""

    owner_path = "planner"

    def readers(self, user) -> Q:
        planners = Q(planner=user, kind__in=[CommentKind.SHARED, CommentKind.OWN_NOTE])
        # By the ids of what is shared, not as a subquery through the goals' and check-ins'
        # own `visible_to`: that nested query was most of what a conversation cost to build.
        target = comment_targets_shared_with(user)
        if target is None:
            return planners
        readable = Q(kind=CommentKind.SHARED) | Q(kind=CommentKind.MENTOR_NOTE, author=user)
        return planners | (target & readable & ~Q(planner=user))

    def owned_by(self, user) -> "CommentQuerySet":
        # "Your plan's comments" never include a mentor's private notes about it.
        return self.visible_to(user).filter(planner=user)

    def editable_by(self, user) -> "CommentQuerySet":
        return self.visible_to(user).filter(author=user)


class Comment(PublicIdModel, TimeStampedModel):
    """A comment or note on a goal (or one of its milestones) or a check-in. One level of
    replies: a reply's parent is never itself a reply."""

    planner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_comments"
    )
    # Null once the author deletes their account: the planner keeps what a mentor wrote.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The mentorship a mentor wrote under (none for the planner's): ended means "past mentor".
    mentorship = models.ForeignKey(
        Mentorship, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    kind = models.CharField(max_length=16, choices=CommentKind.choices)
    # The one reader of a private or own note: it goes with their account, while a shared
    # comment stays with the planner when its author's account is deleted.
    note_of = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    milestone = models.ForeignKey(
        "milestones.Milestone", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    checkin = models.ForeignKey(
        "checkins.CheckIn", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(max_length=5_000)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(goal__isnull=False) & Q(checkin=None))
                | (Q(goal=None) & Q(checkin__isnull=False) & Q(milestone=None)),
                name="comment_on_a_goal_or_a_checkin",
            ),
        ]
        indexes = [
            models.Index(fields=["goal", "created_at"]),
            models.Index(fields=["checkin", "created_at"]),
            models.Index(fields=["planner", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author}"

    @property
    def from_past_mentor(self) -> bool:
        """Written by a mentor whose mentorship has ended (or whose account is gone)."""
        if self.author_id == self.planner_id:
            return False
        return self.mentorship is None or not self.mentorship.is_active

    def editable_until(self):
        return self.created_at + EDIT_WINDOW


class CommentRead(models.Model):
    """When a reader last opened a goal's or a check-in's conversation: what is newer is
    unread for them."""

    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey(
        "goals.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    checkin = models.ForeignKey(
        "checkins.CheckIn", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # NULLs are distinct: each reader has one row per goal and one per check-in.
        constraints = [
            models.UniqueConstraint(fields=["reader", "goal"], name="one_read_per_goal"),
            models.UniqueConstraint(fields=["reader", "checkin"], name="one_read_per_checkin"),
        ]

    def __str__(self) -> str:
        return f"read by {self.reader} at {self.read_at}"
