"""Career goals: SMART fields, priorities, obstacles, resources, revisions and wins."""

from datetime import date
from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Count, Q

from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel


class GoalType(models.TextChoices):
    PROFESSIONAL_DEVELOPMENT = "professional_development", "Professional development"
    POSITION = "position", "Position"
    NETWORKING = "networking", "Networking"
    WORK_LIFE_BALANCE = "work_life_balance", "Work-life balance"
    ENTREPRENEURIAL = "entrepreneurial", "Entrepreneurial"
    OTHER = "other", "Other"


class Horizon(models.TextChoices):
    SHORT = "short", "Short-term (within a year)"
    LONG = "long", "Long-term (beyond a year)"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    ON_HOLD = "on_hold", "On hold"
    ACHIEVED = "achieved", "Achieved"
    ABANDONED = "abandoned", "Abandoned"


class MeasureKind(models.TextChoices):
    MILESTONES = "milestones", "By milestones"
    NUMBER = "number", "A number I track"


class Quadrant(models.TextChoices):
    DO_FIRST = "do_first", "Do first"
    SCHEDULE = "schedule", "Schedule"
    DELEGATE = "delegate", "Delegate or limit"
    DROP = "drop", "Drop"


# A goal still being worked on (or about to be): what lists, reminders and deadlines show.
OPEN_STATUSES = (Status.DRAFT, Status.ACTIVE, Status.ON_HOLD)


class GoalQuerySet(OwnedQuerySet):
    """Who may read a goal, and so everything that hangs off it (`GoalChildQuerySet`): the
    owner, and whoever an app above registered with `register_reader` (mentors)."""

    def open(self) -> "GoalQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def with_progress(self) -> "GoalQuerySet":
        """Milestone counts for `Goal.progress`, in the same query as the goals."""
        return self.annotate(
            milestones_total=Count("milestones", distinct=True),
            milestones_done=Count(
                "milestones", filter=Q(milestones__done_at__isnull=False), distinct=True
            ),
        )

    def in_order(self) -> "GoalQuerySet":
        return self.order_by("position", "created_at")


class Goal(PublicIdModel, TimeStampedModel):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=10_000)
    goal_type = models.CharField(
        "type", max_length=32, choices=GoalType.choices, default=GoalType.PROFESSIONAL_DEVELOPMENT
    )
    horizon = models.CharField(max_length=8, choices=Horizon.choices, default=Horizon.SHORT)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="serves the long-term goal",
    )
    # SMART
    specific = models.TextField("what exactly, and why", blank=True, max_length=5_000)
    measure_kind = models.CharField(
        max_length=16, choices=MeasureKind.choices, default=MeasureKind.MILESTONES
    )
    measure_unit = models.CharField(max_length=40, blank=True)
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    current_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    achievable = models.TextField("resources needed and constraints", blank=True, max_length=5_000)
    relevant = models.TextField("why it matters to you", blank=True, max_length=5_000)
    target_date = models.DateField(null=True, blank=True)
    # Priority
    urgent = models.BooleanField(default=False)
    important = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    # Outcome
    achieved_at = models.DateTimeField(null=True, blank=True)
    abandon_reason = models.TextField(blank=True, max_length=2_000)
    # Relevant (the R of SMART): the planner's career values this goal serves.
    values = models.ManyToManyField(
        "assessment.CareerValue", blank=True, related_name="goals", verbose_name="serves the values"
    )
    # Where a development goal came from in the self-assessment; the goal outlives its source.
    source_weakness = models.ForeignKey(
        "assessment.Insight",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        verbose_name="started from the weakness",
    )
    source_skill = models.ForeignKey(
        "assessment.Skill",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
        verbose_name="started from the skill gap",
    )

    objects = GoalQuerySet.as_manager()

    # Set by `GoalQuerySet.with_progress()` on the goals it loads; absent on others.
    milestones_total: int
    milestones_done: int

    class Meta:
        ordering = ["position", "created_at"]
        indexes = [models.Index(fields=["owner", "status", "position"])]

    def __str__(self) -> str:
        return self.title

    @property
    def quadrant(self) -> str:
        if self.important:
            return Quadrant.DO_FIRST if self.urgent else Quadrant.SCHEDULE
        return Quadrant.DELEGATE if self.urgent else Quadrant.DROP

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def progress(self) -> int:
        """Percent done: from the measure when there is one, else from milestones done.

        Needs `GoalQuerySet.with_progress()` for the milestone counts.
        """
        if self.status == Status.ACHIEVED:
            return 100
        if self.measure_kind == MeasureKind.NUMBER:
            start, stop, now = self.baseline, self.target_value, self.current_value
            if start is not None and stop is not None and now is not None and stop != start:
                return max(0, min(100, int((now - start) / (stop - start) * 100)))
        total = getattr(self, "milestones_total", 0)
        if not total:
            return 0
        return round(100 * getattr(self, "milestones_done", 0) / total)

    def is_overdue(self, today: date) -> bool:
        return bool(self.target_date and self.is_open and self.target_date < today)


def suggested_horizon(target_date: date | None, today: date) -> str:
    """Short-term when the target date is within a year, long-term beyond."""
    if target_date and (target_date - today).days > 366:
        return Horizon.LONG
    return Horizon.SHORT


class GoalChildQuerySet(models.QuerySet):
    """Rows that belong to a goal are exactly as visible and editable as their goal."""

    goal_path = "goal"

    def visible_to(self, user) -> Self:
        return self.filter(**{f"{self.goal_path}__in": Goal.objects.visible_to(user)})

    def owned_by(self, user) -> Self:
        # A join on the owner says it all (and plans faster than the subquery that
        # `visible_to` needs once mentors read too).
        if not user.is_authenticated:
            return self.none()
        return self.filter(**{f"{self.goal_path}__owner": user})

    def editable_by(self, user) -> Self:
        return self.owned_by(user)


class ObstacleKind(models.TextChoices):
    CLARITY = "clarity", "Lack of clarity"
    PROCRASTINATION = "procrastination", "Procrastination"
    EXTERNAL = "external", "External factors"
    SELF_DOUBT = "self_doubt", "Self-doubt and fear"
    UNCERTAINTY = "uncertainty", "Uncertainty"
    RESOURCES = "resources", "Limited time or money"
    OTHER = "other", "Other"


class Obstacle(PublicIdModel, TimeStampedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="obstacles")
    kind = models.CharField(max_length=20, choices=ObstacleKind.choices)
    description = models.TextField(max_length=2_000)
    strategy = models.TextField(blank=True, max_length=2_000)

    objects = GoalChildQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.description[:60]


class ResourceKind(models.TextChoices):
    COURSE = "course", "Course"
    BOOK = "book", "Book"
    ORGANISATION = "organisation", "Organisation"
    PERSON = "person", "Person"
    LINK = "link", "Link"


class ResourceStatus(models.TextChoices):
    TODO = "todo", "To do"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class Resource(PublicIdModel, TimeStampedModel):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True, max_length=500)
    status = models.CharField(
        max_length=16, choices=ResourceStatus.choices, default=ResourceStatus.TODO
    )

    objects = GoalChildQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class GoalRevision(PublicIdModel):
    """One adjustment of a goal: who, when, what changed (field: [before, after]) and why."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="revisions")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField()
    reason = models.TextField(blank=True, max_length=2_000)

    objects = GoalChildQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.goal} @ {self.created_at:%Y-%m-%d}"


class WinQuerySet(OwnedQuerySet):
    """Who may read a win: the planner who won it, and any reader registered for wins."""


class Win(PublicIdModel, TimeStampedModel):
    """An entry in the wins journal: written by the planner or recorded on an achievement.

    A reached milestone points at its win (`Milestone.win`, reverse `win.milestone`): goals
    know nothing of milestones."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wins"
    )
    title = models.CharField(max_length=200)
    happened_on = models.DateField()
    note = models.TextField(blank=True, max_length=5_000)
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="wins"
    )

    objects = WinQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_on", "-created_at"]

    def __str__(self) -> str:
        return self.title


class CalendarFeedQuerySet(OwnedQuerySet):
    """The feed is the owner's alone, shares or not: its token stands in for them."""

    def readers(self, user) -> Q:
        return Q(owner=user)


class CalendarFeed(models.Model):
    """The secret behind a planner's private calendar URL; resetting it revokes the old URL."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"calendar of {self.owner}"
