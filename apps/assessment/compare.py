"""What changed between two states of the assessment (snapshot data, see `state.py`): skill
levels, the values ranking, strengths and weaknesses added and dropped, interest scores and the
vision. Plain functions over plain data; "then" is the older state, "now" the newer."""

from dataclasses import dataclass, field

from apps.assessment import riasec


@dataclass(frozen=True)
class SkillRow:
    name: str
    then: int | None
    now: int | None
    present_then: bool = True
    present_now: bool = True

    @property
    def change(self) -> int | None:
        if self.then is None or self.now is None:
            return None
        return self.now - self.then

    @property
    def words(self) -> str:
        if not self.present_then:
            return "new"
        if not self.present_now:
            return "removed"
        change = self.change
        if change is None:
            return "newly rated" if self.now is not None else "not rated"
        if change == 0:
            return "no change"
        return f"{'up' if change > 0 else 'down'} {abs(change)}"


@dataclass(frozen=True)
class ValueMove:
    name: str
    then: int | None
    now: int | None

    @property
    def words(self) -> str:
        if self.then is None:
            return "new in your top five"
        if self.now is None:
            return "left your top five"
        if self.then == self.now:
            return "same place"
        steps = self.then - self.now
        return f"{'up' if steps > 0 else 'down'} {abs(steps)}"

    @property
    def moved(self) -> bool:
        return self.then != self.now


@dataclass(frozen=True)
class AreaRow:
    letter: str
    name: str
    then: int | None
    now: int | None


@dataclass
class Comparison:
    skills: list[SkillRow] = field(default_factory=list)
    values: list[ValueMove] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    interests: list[AreaRow] = field(default_factory=list)
    code_then: str = ""
    code_now: str = ""
    vision_then: str = ""
    vision_now: str = ""
    answers_changed: int = 0

    @property
    def skills_changed(self) -> list[SkillRow]:
        return [row for row in self.skills if row.words not in ("no change", "not rated")]

    @property
    def values_moved(self) -> bool:
        return any(move.moved for move in self.values)

    @property
    def vision_changed(self) -> bool:
        return self.vision_then != self.vision_now

    def summary(self) -> list[str]:
        """The changes in a few short lines, most telling first; empty when nothing changed."""
        lines = [*_skill_lines(self.skills), *_value_lines(self.values)]
        lines += _insight_lines(self.added, "added") + _insight_lines(self.dropped, "dropped")
        if self.code_then != self.code_now and self.code_now:
            lines.append(
                f"Your interests code moved from {self.code_then} to {self.code_now}"
                if self.code_then
                else f"You took the work-interests profile: {self.code_now}"
            )
        if self.vision_changed:
            lines.append("You rewrote your vision" if self.vision_then else "You wrote a vision")
        if self.answers_changed:
            lines.append(
                f"{self.answers_changed} reflection answer{_s(self.answers_changed)} new or changed"
            )
        return lines


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def _skill_lines(rows: list[SkillRow]) -> list[str]:
    up = sum(1 for row in rows if (row.change or 0) > 0)
    down = sum(1 for row in rows if (row.change or 0) < 0)
    rated = sum(1 for row in rows if row.present_then and row.then is None and row.now)
    new = sum(1 for row in rows if not row.present_then)
    lines = []
    if up or down or rated:
        parts = [
            f"{up} went up" if up else "",
            f"{down} went down" if down else "",
            f"{rated} newly rated" if rated else "",
        ]
        lines.append(f"Skill levels: {', '.join(p for p in parts if p)}")
    if new:
        lines.append(f"{new} new skill{_s(new)}")
    return lines


def _value_lines(moves: list[ValueMove]) -> list[str]:
    entered = [move.name for move in moves if move.then is None]
    left = [move.name for move in moves if move.now is None]
    lines = []
    if entered:
        lines.append(f"New in your top five: {', '.join(entered)}")
    if left:
        lines.append(f"Left your top five: {', '.join(left)}")
    if not entered and not left and any(move.moved for move in moves):
        lines.append("Your top five values changed order")
    return lines


def _insight_lines(items: list[dict], verb: str) -> list[str]:
    strengths = sum(1 for item in items if item["kind"] == "strength")
    weaknesses = len(items) - strengths
    parts = []
    if strengths:
        parts.append(f"{strengths} strength{_s(strengths)}")
    if weaknesses:
        parts.append(f"{weaknesses} weakness{'' if weaknesses == 1 else 'es'}")
    return [f"{' and '.join(parts)} {verb}"] if parts else []


def compare(then: dict, now: dict) -> Comparison:
    added, dropped = _insights(then["insights"], now["insights"])
    return Comparison(
        skills=_skills(then["skills"], now["skills"]),
        values=_values(then["values"], now["values"]),
        added=added,
        dropped=dropped,
        interests=_interests(then["interests"], now["interests"]),
        code_then=(then["interests"] or {}).get("code", ""),
        code_now=(now["interests"] or {}).get("code", ""),
        vision_then=then["vision"],
        vision_now=now["vision"],
        answers_changed=_answers_changed(then["reflections"], now["reflections"]),
    )


def _skills(then: list[dict], now: list[dict]) -> list[SkillRow]:
    """Skills matched by id, else by name (one deleted and added again is the same skill)."""
    by_id = {skill["id"]: skill for skill in then}
    by_name = {skill["name"].casefold(): skill for skill in then}
    rows, matched = [], set()
    for skill in now:
        old = by_id.get(skill["id"]) or by_name.get(skill["name"].casefold())
        if old is not None and old["id"] not in matched:
            matched.add(old["id"])
            rows.append(SkillRow(skill["name"], old["rating"], skill["rating"]))
        else:
            rows.append(SkillRow(skill["name"], None, skill["rating"], present_then=False))
    rows += [
        SkillRow(skill["name"], skill["rating"], None, present_now=False)
        for skill in then
        if skill["id"] not in matched
    ]
    return sorted(rows, key=lambda row: row.name.casefold())


def _ranks(values: list[dict]) -> dict[str, tuple[str, int]]:
    return {v["name"].casefold(): (v["name"], v["rank"]) for v in values if v["rank"] is not None}


def _values(then: list[dict], now: list[dict]) -> list[ValueMove]:
    """Every value in either top five, in the newer order, then those that left."""
    old, new = _ranks(then), _ranks(now)
    moves = [
        ValueMove(name, old.get(folded, ("", None))[1], rank)
        for folded, (name, rank) in sorted(new.items(), key=lambda item: item[1][1])
    ]
    moves += [
        ValueMove(name, rank, None)
        for folded, (name, rank) in sorted(old.items(), key=lambda item: item[1][1])
        if folded not in new
    ]
    return moves


def _insights(then: list[dict], now: list[dict]) -> tuple[list[dict], list[dict]]:
    old_ids = {item["id"] for item in then}
    new_ids = {item["id"] for item in now}
    added = [item for item in now if item["id"] not in old_ids]
    dropped = [item for item in then if item["id"] not in new_ids]
    return added, dropped


def _interests(then: dict | None, now: dict | None) -> list[AreaRow]:
    if then is None and now is None:
        return []
    old = (then or {}).get("scores", {})
    new = (now or {}).get("scores", {})
    return [
        AreaRow(area.letter, area.name, old.get(area.letter), new.get(area.letter))
        for area in riasec.AREAS
    ]


def _answers_changed(then: list[dict], now: list[dict]) -> int:
    old = {row["key"]: row["answer"] for row in then}
    return sum(1 for row in now if old.get(row["key"]) != row["answer"])
