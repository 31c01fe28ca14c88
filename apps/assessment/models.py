"""The self-assessment: strengths and weaknesses, reflections, values, skills, the work-interests
profile, the vision and snapshots of it all over time. Every row belongs to one planner."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from apps.assessment import catalog
from apps.core.models import OwnedQuerySet, PublicIdModel, TimeStampedModel

RATING_MIN, RATING_MAX = 1, 5
TOP_VALUES = 5


class AssessmentQuerySet(OwnedQuerySet):
    """A planner's assessment rows. `readers` (inherited) is the owner; each part has its own
    subclass, so that an app above can register who else may read that part alone (a mentor
    the planner shares their values with reads values, not skills). The pages of this app are
    the planner's working pages and load rows with `editable_by`; what a reader sees is read
    through `selectors.shared_with`."""


class ValueQuerySet(AssessmentQuerySet):
    pass


class InsightQuerySet(AssessmentQuerySet):
    pass


class InterestsQuerySet(AssessmentQuerySet):
    """Reflections and the work-interests profile: the "interests" part, shared together."""


class SkillQuerySet(AssessmentQuerySet):
    pass


class VisionQuerySet(AssessmentQuerySet):
    pass


class Owned(PublicIdModel, TimeStampedModel):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True


class InsightKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    WEAKNESS = "weakness", "Weakness"


class InsightSource(models.TextChoices):
    SELF = "self", "Self-reflection"
    FEEDBACK = "feedback", "Feedback from others"
    REVIEW = "review", "Performance review"
    FEEDBACK_360 = "360", "360° feedback"
    ASSESSMENT = "assessment", "An assessment or test"


class Insight(Owned):
    """A strength or a weakness, where the planner learnt it, and for a weakness what could
    improve it (the seed of a development goal)."""

    objects = InsightQuerySet.as_manager()

    kind = models.CharField(max_length=10, choices=InsightKind.choices)
    text = models.CharField(max_length=300)
    source = models.CharField(max_length=12, choices=InsightSource.choices)
    improvement = models.TextField("improvement idea", blank=True, max_length=1_000)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["owner", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="weakness") | Q(improvement=""),
                name="assessment_insight_improvement_only_for_weaknesses",
            )
        ]

    def __str__(self) -> str:
        return self.text


class CareerValue(Owned):
    """A value the planner picked (from the catalog, `key`, or their own) and, for the top
    five, its rank. Ranks are unique per planner and run from 1 to 5, so at most five."""

    objects = ValueQuerySet.as_manager()

    key = models.CharField(max_length=40, blank=True)
    name = models.CharField(max_length=60)
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = [models.F("rank").asc(nulls_last=True), Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="assessment_value_unique_name_per_owner"
            ),
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=~Q(key=""),
                name="assessment_value_unique_key_per_owner",
            ),
            # NULLs are distinct: any number of picked values, but only one of each rank.
            models.UniqueConstraint(
                fields=["owner", "rank"], name="assessment_value_unique_rank_per_owner"
            ),
            models.CheckConstraint(
                condition=Q(rank__isnull=True) | Q(rank__gte=1, rank__lte=TOP_VALUES),
                name="assessment_value_rank_in_top_five",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def meaning(self) -> str:
        """What a value from the list stands for; a planner's own value has none."""
        listed = catalog.value_by_key().get(self.key)
        return listed.meaning if listed else ""


class SkillKind(models.TextChoices):
    HARD = "hard", "Hard skill"
    SOFT = "soft", "Soft skill"


LEVEL_VALIDATORS = [
    MinValueValidator(RATING_MIN, "Choose a level from 1 to 5."),
    MaxValueValidator(RATING_MAX, "Choose a level from 1 to 5."),
]


def _rated(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__gte": RATING_MIN, f"{field}__lte": RATING_MAX}
    )


class Skill(Owned):
    """A skill with where the planner stands now and where they want to be, 1 to 5. A skill
    added from the starter list has neither until the planner rates it."""

    objects = SkillQuerySet.as_manager()

    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=4, choices=SkillKind.choices)
    area = models.CharField(max_length=60, blank=True)
    rating = models.PositiveSmallIntegerField(
        "level now", null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    target = models.PositiveSmallIntegerField(
        "target level", null=True, blank=True, validators=LEVEL_VALIDATORS
    )
    evidence = models.TextField(blank=True, max_length=2_000)

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="assessment_skill_unique_name_per_owner"
            ),
            models.CheckConstraint(condition=_rated("rating"), name="assessment_skill_rating"),
            models.CheckConstraint(condition=_rated("target"), name="assessment_skill_target"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def gap(self) -> int | None:
        if self.rating is None or self.target is None:
            return None
        return self.target - self.rating


class Reflection(Owned):
    """The planner's answer to a built-in prompt (`key`), or a prompt of their own
    (`question`) with its answer. A built-in prompt gets its row on the first answer or hide."""

    objects = InterestsQuerySet.as_manager()

    key = models.CharField(max_length=40, blank=True)
    question = models.CharField(max_length=300, blank=True)
    answer = models.TextField(blank=True, max_length=5_000)
    hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=~Q(key=""),
                name="assessment_reflection_unique_key_per_owner",
            ),
            models.CheckConstraint(
                condition=(Q(key="") & ~Q(question="")) | (~Q(key="") & Q(question="")),
                name="assessment_reflection_builtin_or_own",
            ),
        ]

    def __str__(self) -> str:
        return self.question or self.key


class InterestResult(Owned):
    """One completed work-interests profile: the answers, each area's score and the code.
    Every take is kept, so the planner can see how their interests move."""

    objects = InterestsQuerySet.as_manager()

    answers = models.JSONField()
    scores = models.JSONField()
    code = models.CharField(max_length=3)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.code


class VisionVersion(Owned):
    """One version of the vision statement. The newest is the vision; none is ever changed."""

    objects = VisionQuerySet.as_manager()

    text = models.TextField(max_length=1_500)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return self.text[:60]


class Snapshot(Owned):
    """The whole assessment as it stood at `taken_at` (see `state.py` for `data`)."""

    objects = AssessmentQuerySet.as_manager()

    # Its own field rather than created_at, so that imported or demo snapshots keep their date.
    taken_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=200, blank=True)
    data = models.JSONField()

    class Meta:
        ordering = ["-taken_at", "-id"]
        indexes = [models.Index(fields=["owner", "-taken_at"])]

    def __str__(self) -> str:
        return f"Snapshot of {self.taken_at:%Y-%m-%d}"
