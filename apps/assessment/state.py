"""The planner's whole assessment as it stands: loaded in a fixed number of queries, measured
for completeness, and written down as the plain data a snapshot keeps.

Snapshot data (version 1) is a dict with `values` (key, name, rank), `insights` (id, kind,
text, source, improvement), `skills` (id, name, kind, area, rating, target), `reflections`
(key, question, answer — answered ones only), `interests` (scores, code, taken_at, or None)
and `vision` (text, "" when none).
"""

from dataclasses import dataclass

from django.db import connections, router

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
    def rated_skills(self) -> list[Skill]:
        return [skill for skill in self.skills if skill.rating is not None]

    @property
    def gaps(self) -> list[Skill]:
        return gaps(self.skills)

    @property
    def tally(self) -> "Tally":
        hidden = {row.key for row in self.reflections if row.key and row.hidden}
        own = sum(1 for row in self.reflections if not row.key and not row.hidden)
        return Tally(
            values=len(self.values),
            ranked=len(self.ranked),
            strengths=len(self.strengths),
            weaknesses=len(self.weaknesses),
            answered=len(self.answered),
            hidden_prompts=len(hidden),
            own_prompts=own,
            profile_code=self.interests.code if self.interests else None,
            skills=len(self.skills),
            skills_complete=sum(1 for skill in self.skills if skill.rating and skill.target),
            vision=self.vision,
        )


@dataclass(frozen=True)
class Tally:
    """How much each part holds: all that `progress` judges completeness by, and the vision
    itself. `Assessment.tally` counts the loaded rows; `tally(owner)` counts in the database."""

    values: int
    ranked: int
    strengths: int
    weaknesses: int
    answered: int  # answered prompts not hidden
    hidden_prompts: int  # built-in prompts the planner hid
    own_prompts: int  # the planner's own prompts not hidden
    profile_code: str | None  # the newest work-interests profile's, None before the first
    skills: int
    skills_complete: int  # with a level and a target
    vision: VisionVersion | None

    @property
    def prompt_count(self) -> int:
        """Prompts the planner sees: the built-in ones not hidden, and their own."""
        return len(catalog.PROMPTS) - self.hidden_prompts + self.own_prompts


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


# One row of counts over the planner's own rows (`editable_by` is the owner, whoever else may
# read a part). Plain SQL: as a dozen ORM subqueries it cost more to build than the five
# round trips it saves. The newest profile and vision come first as their models order them.
_TALLY = """
    SELECT v.n AS "values", v.ranked, i.strengths, i.weaknesses,
           r.answered, r.hidden_prompts, r.own_prompts, p.code AS profile_code,
           s.n AS skills, s.complete AS skills_complete, vision.id AS vision_id, vision.text
    FROM (SELECT count(*) AS n, count(rank) AS ranked
          FROM assessment_careervalue WHERE owner_id = %(owner)s) v
    CROSS JOIN (SELECT count(*) FILTER (WHERE kind = %(strength)s) AS strengths,
                       count(*) FILTER (WHERE kind = %(weakness)s) AS weaknesses
                FROM assessment_insight WHERE owner_id = %(owner)s) i
    CROSS JOIN (SELECT count(*) FILTER (WHERE answer <> '' AND NOT hidden) AS answered,
                       count(*) FILTER (WHERE key <> '' AND hidden) AS hidden_prompts,
                       count(*) FILTER (WHERE key = '' AND NOT hidden) AS own_prompts
                FROM assessment_reflection WHERE owner_id = %(owner)s) r
    CROSS JOIN (SELECT count(*) AS n,
                       count(*) FILTER (WHERE rating IS NOT NULL AND target IS NOT NULL)
                           AS complete
                FROM assessment_skill WHERE owner_id = %(owner)s) s
    LEFT JOIN LATERAL (SELECT code FROM assessment_interestresult WHERE owner_id = %(owner)s
                       ORDER BY created_at DESC, id DESC LIMIT 1) p ON true
    LEFT JOIN LATERAL (SELECT id, text FROM assessment_visionversion WHERE owner_id = %(owner)s
                       ORDER BY created_at DESC, id DESC LIMIT 1) vision ON true
"""


def tally(owner: User) -> Tally:
    """The same as `load(owner).tally` in one query however much is written: for a page that
    shows how complete the assessment is, not what it says."""
    kinds = {"strength": InsightKind.STRENGTH.value, "weakness": InsightKind.WEAKNESS.value}
    alias = router.db_for_read(VisionVersion)
    with connections[alias].cursor() as cursor:
        cursor.execute(_TALLY, {"owner": owner.pk, **kinds})
        names = [column.name for column in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
    vision_id, text = row.pop("vision_id"), row.pop("text")
    vision = None
    if vision_id is not None:
        # As `.only("text")` would load it: any other field is read on first use.
        fields = ["id", "owner_id", "text"]
        vision = VisionVersion.from_db(alias, fields, [vision_id, owner.pk, text])
    return Tally(**row, vision=vision)


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
