"""Invitations, mentorships (the agreement and what is shared) and the access log.

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
from apps.mentorship.readers import about_goals_shared_with, comment_targets_shared_with

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
