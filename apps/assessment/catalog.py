"""What the self-assessment offers before the planner has written anything: career values to
pick from, common skills by area, and reflection prompts. Written for this project.

Keys are stored in the planner's rows and snapshots: never rename one, add a new one instead.
"""

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class CatalogValue:
    key: str
    name: str
    meaning: str


VALUES = (
    CatalogValue("achievement", "Achievement", "Finishing hard things and seeing the result"),
    CatalogValue("autonomy", "Autonomy", "Deciding how and when you do your work"),
    CatalogValue("challenge", "Challenge", "Problems that stretch you"),
    CatalogValue("creativity", "Creativity", "Making new things, finding new ways"),
    CatalogValue("expertise", "Expertise", "Becoming really good at one thing"),
    CatalogValue("flexibility", "Flexibility", "Working where and when it suits your life"),
    CatalogValue("helping_others", "Helping others", "Making people's lives better, directly"),
    CatalogValue("impact", "Impact", "Changing something that matters beyond you"),
    CatalogValue("income", "Income", "Earning well and building financial security"),
    CatalogValue("integrity", "Integrity", "Work that fits your principles"),
    CatalogValue("leadership", "Leadership", "Guiding people and owning decisions"),
    CatalogValue("learning", "Learning", "Growing your knowledge and skills all the time"),
    CatalogValue("recognition", "Recognition", "Having your work seen and appreciated"),
    CatalogValue("stability", "Stability", "A secure job and a predictable path"),
    CatalogValue("teamwork", "Teamwork", "Working closely with people you like"),
    CatalogValue("variety", "Variety", "Different tasks and new situations"),
    CatalogValue("work_life_balance", "Work-life balance", "Time and energy for life outside work"),
)


@dataclass(frozen=True)
class StarterSkill:
    name: str
    kind: str  # "hard" or "soft", as in models.SkillKind
    area: str


def _area(area: str, kind: str, *names: str) -> tuple[StarterSkill, ...]:
    return tuple(StarterSkill(name, kind, area) for name in names)


STARTER_SKILLS = (
    *_area(
        "Communication",
        "soft",
        "Public speaking",
        "Writing clearly",
        "Active listening",
        "Giving feedback",
    ),
    *_area("Leadership", "soft", "Coaching others", "Delegating", "Decision making"),
    *_area("Working with others", "soft", "Collaboration", "Conflict resolution", "Networking"),
    *_area("Self-management", "soft", "Time management", "Adaptability", "Resilience"),
    *_area("Thinking", "soft", "Problem solving", "Critical thinking", "Creative thinking"),
    *_area("Projects", "hard", "Project planning", "Budgeting", "Risk management"),
    *_area(
        "Data and digital",
        "hard",
        "Spreadsheets",
        "Data analysis",
        "SQL",
        "Programming",
        "Data visualisation",
    ),
    *_area("Business", "hard", "Sales", "Marketing", "Financial literacy", "User research"),
    *_area("Languages", "hard", "A second language"),
)


@dataclass(frozen=True)
class CatalogPrompt:
    key: str
    question: str
    hint: str


PROMPTS = (
    CatalogPrompt(
        "energises",
        "What energises you?",
        "Think of moments when time flew. What were you doing, and with whom?",
    ),
    CatalogPrompt(
        "ideal_day",
        "What does your ideal workday look like?",
        "From the morning to the evening: where you are, what you do, who is around.",
    ),
    CatalogPrompt(
        "enjoyed_work",
        "Which past roles or projects did you enjoy, and why?",
        "Name one or two, and what exactly made them good.",
    ),
    CatalogPrompt(
        "care_about",
        "What do you care about deeply?",
        "Causes, people, ideas — what would you stand up for?",
    ),
    CatalogPrompt(
        "free_time",
        "What do you do in your free time?",
        "Hobbies often point at strengths and interests that work could use.",
    ),
    CatalogPrompt(
        "proudest",
        "Which achievements are you proudest of?",
        "At work or anywhere else. What did you do that made them happen?",
    ),
    CatalogPrompt(
        "environment",
        "In what work environment do you thrive?",
        "Quiet or buzzing, alone or in a team, structured or open, remote or together.",
    ),
)


@cache
def value_by_key() -> dict[str, CatalogValue]:
    return {value.key: value for value in VALUES}


@cache
def prompt_by_key() -> dict[str, CatalogPrompt]:
    return {prompt.key: prompt for prompt in PROMPTS}


@cache
def starter_by_name() -> dict[str, StarterSkill]:
    return {skill.name.casefold(): skill for skill in STARTER_SKILLS}


def starter_areas() -> list[tuple[str, list[StarterSkill]]]:
    """The starter skills grouped by area, in the order above."""
    areas: dict[str, list[StarterSkill]] = {}
    for skill in STARTER_SKILLS:
        areas.setdefault(skill.area, []).append(skill)
    return list(areas.items())
