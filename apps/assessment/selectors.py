"""What the rest of careerplan reads from the self-assessment: the dashboard (the vision, how
complete the assessment is), check-ins (whether it changed since the last snapshot) and goals
(the values a goal can serve). Each reads only what the signed-in planner may see."""

from dataclasses import dataclass

from django.urls import reverse

from apps.accounts.models import User
from apps.assessment import catalog, progress, riasec, state
from apps.assessment.compare import compare
from apps.assessment.models import (
    CareerValue,
    Insight,
    InsightKind,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)


def vision_of(user: User) -> VisionVersion | None:
    return VisionVersion.objects.visible_to(user).filter(owner=user).first()


def completeness_of(user: User) -> progress.Completeness:
    return progress.completeness(state.tally(user))


@dataclass(frozen=True)
class Headline:
    """What heads the dashboard: the vision, how complete the assessment is, and where the
    guided first run goes on."""

    vision: VisionVersion | None
    completeness: progress.Completeness
    next_url: str


def headline_of(user: User) -> Headline:
    """One query, whatever the assessment's size: it counts each part, not reads it."""
    current = state.tally(user)
    completeness = progress.completeness(current)
    part = completeness.next_part
    # Nothing done yet: the tour's start page says what lies ahead; else straight on, in the
    # guided run (the parts read `guide=1`).
    if not completeness.done:
        next_url = reverse("assessment:start")
    else:
        next_url = f"{reverse(part.url_name)}?guide=1" if part else ""
    return Headline(current.vision, completeness, next_url)


def values_of(user: User) -> list[CareerValue]:
    """The planner's values, the top five first in their order."""
    return list(CareerValue.objects.owned_by(user))


@dataclass(frozen=True)
class SinceSnapshot:
    latest: Snapshot | None
    changes: list[str]
    empty: bool

    @property
    def worth_a_snapshot(self) -> bool:
        """Something is written and it moved since the last snapshot (or there is none)."""
        return not self.empty and (self.latest is None or bool(self.changes))


def since_last_snapshot(user: User, assessment: state.Assessment | None = None) -> SinceSnapshot:
    """What changed since the newest snapshot, in short lines; `assessment` when already
    loaded saves the six queries."""
    current = assessment or state.load(user)
    latest = Snapshot.objects.editable_by(user).first()
    if latest is None:
        return SinceSnapshot(None, [], current.is_empty)
    changes = compare(latest.data, state.as_data(current)).summary()
    return SinceSnapshot(latest, changes, current.is_empty)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


@dataclass(frozen=True)
class SharedAssessment:
    """What `viewer` may read of `owner`'s self-assessment: each part empty unless shared."""

    vision: VisionVersion | None
    values: list[CareerValue]
    strengths: list[Insight]
    weaknesses: list[Insight]
    answers: list[Answer]
    interests: InterestResult | None
    skills: list[Skill]

    @property
    def interest_areas(self) -> list[riasec.Area]:
        return riasec.ranked(self.interests.scores)[:3] if self.interests else []

    @property
    def is_empty(self) -> bool:
        parts = (self.values, self.strengths, self.weaknesses, self.answers, self.skills)
        return self.vision is None and self.interests is None and not any(parts)


def _answers(rows: list[Reflection]) -> list[Answer]:
    prompts = catalog.prompt_by_key()
    return [
        Answer(prompts[row.key].question if row.key in prompts else row.question, row.answer)
        for row in rows
        if row.answer and not row.hidden and (row.question or row.key in prompts)
    ]


def shared_with(viewer: User, owner: User) -> SharedAssessment:
    """`owner`'s assessment through `viewer`'s eyes (six queries, whatever its size): a
    mentor reads the parts the planner shares with them, and nothing of the rest."""

    def rows(model):
        return model.objects.visible_to(viewer).filter(owner=owner)

    insights = list(rows(Insight))
    return SharedAssessment(
        vision=rows(VisionVersion).first(),
        values=list(rows(CareerValue).filter(rank__isnull=False)),
        strengths=[i for i in insights if i.kind == InsightKind.STRENGTH],
        weaknesses=[i for i in insights if i.kind == InsightKind.WEAKNESS],
        answers=_answers(list(rows(Reflection))),
        interests=rows(InterestResult).first(),
        skills=list(rows(Skill)),
    )
