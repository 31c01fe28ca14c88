"""How complete the assessment is, part by part, and the guided first run through the parts.

A part is done when it holds enough to be useful for planning, not when every box is filled:
three ranked values, a strength and a weakness, three answered prompts, one profile, three
rated skills with targets, a vision.
"""

from dataclasses import dataclass

from apps.assessment.models import TOP_VALUES
from apps.assessment.state import Assessment

VALUES_NEEDED = 3
ANSWERS_NEEDED = 3
SKILLS_NEEDED = 3


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    url_name: str
    minutes: int
    done: bool
    status: str


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _values(a: Assessment) -> tuple[bool, str]:
    ranked = len(a.ranked)
    if ranked:
        return ranked >= VALUES_NEEDED, f"{ranked} of {TOP_VALUES} ranked"
    if a.values:
        return False, f"{len(a.values)} picked, none ranked yet"
    return False, "Not started"


def _insights(a: Assessment) -> tuple[bool, str]:
    strengths, weaknesses = len(a.strengths), len(a.weaknesses)
    if not strengths and not weaknesses:
        return False, "Not started"
    words = (
        f"{_plural(strengths, 'strength', 'strengths')}, "
        f"{_plural(weaknesses, 'weakness', 'weaknesses')}"
    )
    return bool(strengths and weaknesses), words


def _interests(a: Assessment) -> tuple[bool, str]:
    answered = len(a.answered)
    if not answered:
        return False, "Not started"
    return answered >= ANSWERS_NEEDED, f"{answered} of {a.prompt_count} prompts answered"


def _profile(a: Assessment) -> tuple[bool, str]:
    if a.interests is None:
        return False, "Not taken yet"
    return True, f"Your code: {a.interests.code}"


def _skills(a: Assessment) -> tuple[bool, str]:
    if not a.skills:
        return False, "Not started"
    complete = sum(1 for skill in a.skills if skill.rating and skill.target)
    words = f"{_plural(len(a.skills), 'skill', 'skills')}, {complete} with a level and a target"
    return complete >= SKILLS_NEEDED, words


def _vision(a: Assessment) -> tuple[bool, str]:
    if a.vision is None:
        return False, "Not written yet"
    return True, "Written"


# (key, title, URL name, minutes it takes, how to tell)
PARTS = (
    ("values", "Values", "assessment:values", 5, _values),
    ("insights", "Strengths and weaknesses", "assessment:insights", 5, _insights),
    ("interests", "Interests and passions", "assessment:interests", 5, _interests),
    ("profile", "Work-interests profile", "assessment:profile", 4, _profile),
    ("skills", "Skills", "assessment:skills", 5, _skills),
    ("vision", "Vision", "assessment:vision", 5, _vision),
)
FIRST_GOAL = ("first_goal", "Your first goal", "assessment:first-goal", 3)


def parts(a: Assessment) -> list[Part]:
    result = []
    for key, title, url_name, minutes, judge in PARTS:
        done, status = judge(a)
        result.append(Part(key, title, url_name, minutes, done, status))
    return result


@dataclass(frozen=True)
class Completeness:
    parts: list[Part]

    @property
    def done(self) -> int:
        return sum(part.done for part in self.parts)

    @property
    def total(self) -> int:
        return len(self.parts)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total)

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def next_part(self) -> Part | None:
        return next((part for part in self.parts if not part.done), None)

    @property
    def words(self) -> str:
        return f"{self.done} of {self.total} parts done"


def completeness(a: Assessment) -> Completeness:
    return Completeness(parts(a))


@dataclass(frozen=True)
class GuideStep:
    number: int
    key: str
    title: str
    url_name: str
    minutes: int
    done: bool


def guide_steps(a: Assessment) -> list[GuideStep]:
    """The guided first run: every part in order, then the first goal."""
    steps = [
        GuideStep(index, part.key, part.title, part.url_name, part.minutes, part.done)
        for index, part in enumerate(parts(a), start=1)
    ]
    key, title, url_name, minutes = FIRST_GOAL
    steps.append(GuideStep(len(steps) + 1, key, title, url_name, minutes, False))
    return steps
