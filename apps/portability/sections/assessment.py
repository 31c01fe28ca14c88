"""The self-assessment, every part of it: insights, values, skills, reflections, each
work-interests result, every vision version and every snapshot."""

from typing import Any

from apps.accounts.models import User
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from apps.portability.registry import IdMap, Section, register
from apps.portability.sections.rows import build, entry, ordered, save_all

PARTS: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "insights": (Insight, ("kind", "text", "source", "improvement")),
    "values": (CareerValue, ("key", "name", "rank")),
    "skills": (Skill, ("name", "kind", "area", "rating", "target", "evidence")),
    "reflections": (Reflection, ("key", "question", "answer", "hidden")),
    "interests": (InterestResult, ("answers", "scores", "code")),
    "vision_versions": (VisionVersion, ("text",)),
    "snapshots": (Snapshot, ("taken_at", "note", "data")),
}


def dump(user: User) -> dict[str, list]:
    return {
        part: [entry(row, names) for row in ordered(model.objects.owned_by(user))]
        for part, (model, names) in PARTS.items()
    }


def load(user: User, data: dict[str, list], ids: IdMap) -> None:
    for part, (model, names) in PARTS.items():
        rows = [
            build(model, item, names, f"assessment.{part}[{n}]", owner=user)
            for n, item in enumerate(data.get(part, []))
        ]
        for item, row in zip(data.get(part, []), save_all(model, rows), strict=True):
            ids.add(part, item["id"], row)


register(Section(key="assessment", order=10, dump=dump, load=load))
