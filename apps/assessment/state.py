"""The planner's whole assessment as it stands: loaded in a fixed number of queries, measured
for completeness, and written down as the plain data a snapshot keeps.

Snapshot data (version 1) is a dict with `values` (key, name, rank), `insights` (id, kind,
text, source, improvement), `skills` (id, name, kind, area, rating, target), `reflections`
(key, question, answer — answered ones only), `interests` (scores, code, taken_at, or None)
and `vision` (text, "" when none).
"""

from dataclasses import dataclass

from apps.accounts.models import User
from apps.assessment import catalog
from apps.assessment.models import (
    CareerValue,
    Insight,
    InsightKind,
    InterestResult,
    Reflection,
    Skill,
    VisionVersion,
)

DATA_VERSION = 1


@dataclass
class Assessment:
    values: list[CareerValue]
    insights: list[Insight]
    skills: list[Skill]
    reflections: list[Reflection]
    interests: InterestResult | None
    vision: VisionVersion | None

    @property
    def is_empty(self) -> bool:
        """Nothing written yet: nothing worth a snapshot."""
        parts = (self.values, self.insights, self.skills, self.answered)
        return not any(parts) and self.interests is None and self.vision is None

    @property
    def ranked(self) -> list[CareerValue]:
        return [value for value in self.values if value.rank is not None]

    @property
    def strengths(self) -> list[Insight]:
        return [insight for insight in self.insights if insight.kind == InsightKind.STRENGTH]

    @property
    def weaknesses(self) -> list[Insight]:
        return [insight for insight in self.insights if insight.kind == InsightKind.WEAKNESS]

    @property
    def answered(self) -> list[Reflection]:
        return [row for row in self.reflections if row.answer and not row.hidden]

    @property
    def prompt_count(self) -> int:
        """Prompts the planner sees: the built-in ones not hidden, and their own."""
        hidden = {row.key for row in self.reflections if row.key and row.hidden}
        own = sum(1 for row in self.reflections if not row.key and not row.hidden)
        return len(catalog.PROMPTS) - len(hidden) + own

    @property
    def rated_skills(self) -> list[Skill]:
        return [skill for skill in self.skills if skill.rating is not None]

    @property
    def gaps(self) -> list[Skill]:
        return gaps(self.skills)


def gaps(skills: list[Skill]) -> list[Skill]:
    """Skills below their target, the widest gap first (then the higher target, the name)."""
    below = [skill for skill in skills if (skill.gap or 0) > 0]
    return sorted(
        below, key=lambda skill: (-(skill.gap or 0), -(skill.target or 0), skill.name.casefold())
    )


def load(owner: User) -> Assessment:
    """Everything, one query per part (six in all), however much the planner has written."""
    return Assessment(
        values=list(CareerValue.objects.editable_by(owner)),
        insights=list(Insight.objects.editable_by(owner)),
        skills=list(Skill.objects.editable_by(owner)),
        reflections=list(Reflection.objects.editable_by(owner)),
        interests=InterestResult.objects.editable_by(owner).first(),
        vision=VisionVersion.objects.editable_by(owner).first(),
    )


def as_data(assessment: Assessment) -> dict:
    interests = assessment.interests
    return {
        "version": DATA_VERSION,
        "values": [
            {"key": value.key, "name": value.name, "rank": value.rank}
            for value in assessment.values
        ],
        "insights": [
            {
                "id": insight.pid,
                "kind": insight.kind,
                "text": insight.text,
                "source": insight.source,
                "improvement": insight.improvement,
            }
            for insight in assessment.insights
        ],
        "skills": [
            {
                "id": skill.pid,
                "name": skill.name,
                "kind": skill.kind,
                "area": skill.area,
                "rating": skill.rating,
                "target": skill.target,
            }
            for skill in assessment.skills
        ],
        "reflections": [
            {"key": row.key or row.pid, "question": question(row), "answer": row.answer}
            for row in assessment.answered
        ],
        "interests": None
        if interests is None
        else {
            "scores": interests.scores,
            "code": interests.code,
            "taken_at": interests.created_at.isoformat(),
        },
        "vision": assessment.vision.text if assessment.vision else "",
    }


def question(reflection: Reflection) -> str:
    if reflection.key:
        prompt = catalog.prompt_by_key().get(reflection.key)
        return prompt.question if prompt else reflection.key
    return reflection.question
