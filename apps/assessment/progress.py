"""How complete the assessment is, part by part, and the guided first run through the parts.

A part is done when it holds enough to be useful for planning, not when every box is filled:
three ranked values, a strength and a weakness, three answered prompts, one profile, three
rated skills with targets, a vision.
"""

from dataclasses import dataclass

from apps.assessment.models import TOP_VALUES
from apps.assessment.state import Assessment, Tally

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


def _values(t: Tally) -> tuple[bool, str]:
    if t.ranked:
        return t.ranked >= VALUES_NEEDED, f"{t.ranked} of {TOP_VALUES} ranked"
    if t.values:
        return False, f"{t.values} picked, none ranked yet"
    return False, "Not started"


def _insights(t: Tally) -> tuple[bool, str]:
    strengths, weaknesses = t.strengths, t.weaknesses
    if not strengths and not weaknesses:
        return False, "Not started"
    words = (
        f"{_plural(strengths, 'strength', 'strengths')}, "
        f"{_plural(weaknesses, 'weakness', 'weaknesses')}"
    )
    return bool(strengths and weaknesses), words


def _interests(t: Tally) -> tuple[bool, str]:
    if not t.answered:
        return False, "Not started"
    return t.answered >= ANSWERS_NEEDED, f"{t.answered} of {t.prompt_count} prompts answered"


def _profile(t: Tally) -> tuple[bool, str]:
    if t.profile_code is None:
        return False, "Not taken yet"
    return True, f"Your code: {t.profile_code}"


def _skills(t: Tally) -> tuple[bool, str]:
    if not t.skills:
        return False, "Not started"
    words = f"{_plural(t.skills, 'skill', 'skills')}, {t.skills_complete} with a level and a target"
    return t.skills_complete >= SKILLS_NEEDED, words


def _vision(t: Tally) -> tuple[bool, str]:
    if t.vision is None:
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


def parts(a: Assessment | Tally) -> list[Part]:
    """Each part judged; a `Tally` (`state.tally`) gives the same as the `Assessment` counted."""
    t = a.tally if isinstance(a, Assessment) else a
    result = []
    for key, title, url_name, minutes, judge in PARTS:
        done, status = judge(t)
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


def completeness(a: Assessment | Tally) -> Completeness:
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
