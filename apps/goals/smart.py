"""The SMART check: plain rules that rate each criterion of a goal as met, weak or missing,
with a concrete hint. Pure functions of the draft's values, so the form can ask while the
planner types and tests can pin every rule."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

MET, WEAK, MISSING = "met", "weak", "missing"


@dataclass(frozen=True)
class Verdict:
    key: str
    label: str
    state: str
    hint: str


@dataclass(frozen=True)
class Draft:
    title: str = ""
    specific: str = ""
    measure_kind: str = "milestones"
    measure_unit: str = ""
    baseline: Decimal | None = None
    target_value: Decimal | None = None
    achievable: str = ""
    relevant: str = ""
    target_date: date | None = None
    has_parent: bool = False
    milestone_count: int = 0
    value_names: tuple[str, ...] = ()


def _words(text: str) -> int:
    return len(text.split())


def specific(d: Draft) -> Verdict:
    label = "Specific"
    if not d.specific.strip():
        return Verdict("specific", label, MISSING, "Say what exactly you will do, and why.")
    if _words(d.specific) < 8:
        return Verdict("specific", label, WEAK, "Add a little detail: what, where, with whom?")
    return Verdict("specific", label, MET, "Clear about what and why.")


def measurable(d: Draft) -> Verdict:
    label = "Measurable"
    if d.measure_kind == "milestones":
        if d.milestone_count >= 2:
            return Verdict("measurable", label, MET, "Progress is measured by your milestones.")
        return Verdict(
            "measurable", label, WEAK, "Add at least two milestones to measure your progress by."
        )
    if d.target_value is None:
        return Verdict("measurable", label, MISSING, "Say how you will measure it: set a target.")
    if d.baseline is not None and d.baseline == d.target_value:
        return Verdict(
            "measurable", label, MISSING, "The target equals where you start: raise the bar."
        )
    if d.baseline is None or not d.measure_unit.strip():
        return Verdict(
            "measurable", label, WEAK, "Add a unit and where you start, so progress shows."
        )
    return Verdict("measurable", label, MET, "You know where you start and where you stop.")


def achievable(d: Draft) -> Verdict:
    label = "Achievable"
    if not d.achievable.strip():
        return Verdict(
            "achievable",
            label,
            MISSING,
            "Note what you need (time, money, help) and what limits you.",
        )
    if _words(d.achievable) < 5:
        return Verdict("achievable", label, WEAK, "Think through your constraints a bit more.")
    return Verdict("achievable", label, MET, "You have thought about what it takes.")


def relevant(d: Draft) -> Verdict:
    label = "Relevant"
    if d.has_parent:
        return Verdict("relevant", label, MET, "It serves one of your long-term goals.")
    if d.value_names:
        named = ", ".join(d.value_names)
        return Verdict("relevant", label, MET, f"It serves what you value: {named}.")
    if not d.relevant.strip():
        return Verdict(
            "relevant", label, MISSING, "Say which of your values or long-term goals it serves."
        )
    if _words(d.relevant) < 5:
        return Verdict("relevant", label, WEAK, "Say a little more about why it matters to you.")
    return Verdict("relevant", label, MET, "You know why it matters.")


def time_bound(d: Draft, today: date) -> Verdict:
    label = "Time-bound"
    if d.target_date is None:
        return Verdict("time_bound", label, MISSING, "Add a deadline.")
    if d.target_date < today:
        return Verdict("time_bound", label, MISSING, "This target date is in the past.")
    if (d.target_date - today).days > 5 * 366:
        return Verdict(
            "time_bound", label, WEAK, "More than five years out: set a nearer stepping stone."
        )
    return Verdict("time_bound", label, MET, "There is a deadline.")


def assess(draft: Draft, *, today: date) -> list[Verdict]:
    return [
        specific(draft),
        measurable(draft),
        achievable(draft),
        relevant(draft),
        time_bound(draft, today),
    ]


def all_met(verdicts: list[Verdict]) -> bool:
    return all(v.state == MET for v in verdicts)


def draft_for_goal(goal, *, milestone_count: int, value_names: tuple[str, ...] = ()) -> Draft:
    """The saved `goal` as the check sees it; `milestone_count` comes from its loaded milestones
    and `value_names` from its loaded values."""
    return Draft(
        title=goal.title,
        specific=goal.specific,
        measure_kind=goal.measure_kind,
        measure_unit=goal.measure_unit,
        baseline=goal.baseline,
        target_value=goal.target_value,
        achievable=goal.achievable,
        relevant=goal.relevant,
        target_date=goal.target_date,
        has_parent=goal.parent_id is not None,
        milestone_count=milestone_count,
        value_names=value_names,
    )
