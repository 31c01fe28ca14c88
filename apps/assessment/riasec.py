"""The work-interests profile: thirty activities rated by how much the planner would enjoy them,
scored over the six areas of Holland's RIASEC framework.

The framework (six interest areas, a three-letter code of the strongest) is public; the items
and the descriptions are written for this project and copy no published instrument.
"""

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Area:
    letter: str
    name: str
    short: str
    meaning: str


AREAS = (
    Area(
        "R",
        "Realistic",
        "hands-on doing",
        "You like practical work you can see and touch: building, fixing, operating and growing "
        "things, with tools, machines, plants or animals, often outside an office.",
    ),
    Area(
        "I",
        "Investigative",
        "finding out",
        "You like working out how and why: researching, analysing, testing ideas and solving "
        "puzzles with facts, numbers and careful thought.",
    ),
    Area(
        "A",
        "Artistic",
        "creating",
        "You like to express and invent: designing, writing, performing, making things that did "
        "not exist, in work with room for originality and few fixed rules.",
    ),
    Area(
        "S",
        "Social",
        "helping",
        "You like work where people are the point: teaching, coaching, caring, listening and "
        "helping others learn, heal or get along.",
    ),
    Area(
        "E",
        "Enterprising",
        "persuading and leading",
        "You like to move people and things forward: leading, selling, negotiating, starting "
        "ventures and taking calculated risks to make decisions happen.",
    ),
    Area(
        "C",
        "Conventional",
        "organising",
        "You like order and accuracy: clear procedures, tidy records, reliable data, budgets "
        "and plans that add up and run smoothly.",
    ),
)

# Interleaved so that the areas do not come in blocks. Each key's letter is its area.
ITEMS = (
    ("r1", "Assembling a piece of equipment from its parts and getting it running"),
    ("i1", "Digging into data to find out why something happened"),
    ("a1", "Coming up with the look of a poster, a room or a website"),
    ("s1", "Explaining something to a person until it clicks for them"),
    ("e1", "Convincing others to back your idea"),
    ("c1", "Setting up a system so that files and records are easy to find"),
    ("r2", "Spending most of a working day outdoors, whatever the weather"),
    ("i2", "Reading up on a scientific question until you really understand it"),
    ("a2", "Writing stories, articles or lyrics that other people read or hear"),
    ("s2", "Listening to someone's problem and helping them find a way through"),
    ("e2", "Taking charge of a project and making the final calls"),
    ("c2", "Checking figures carefully until every number adds up"),
    ("r3", "Tracking down why a machine makes an odd noise, then fixing it"),
    ("i3", "Designing a fair test to see whether an idea holds up"),
    ("a3", "Performing in front of an audience: music, theatre, dance or comedy"),
    ("s3", "Helping a group of people get along and work well together"),
    ("e3", "Turning an idea of your own into a business, knowing it may fail"),
    ("c3", "Following a set procedure that gives the same good result every time"),
    ("r4", "Looking after plants, animals or land as part of your job"),
    ("i4", "Working on a hard problem for days with no ready answer"),
    ("a4", "Working on projects where there is no single right answer"),
    ("s4", "Caring for people who are ill, elderly or going through a hard time"),
    ("e4", "Bargaining over terms until both sides can say yes"),
    ("c4", "Keeping a budget or a schedule accurate week after week"),
    ("r5", "Using hand or power tools to make something solid and useful"),
    ("i5", "Figuring out how a complicated system works from the inside"),
    ("a5", "Photographing, filming or drawing things the way you see them"),
    ("s5", "Coaching someone as they learn a new skill over several weeks"),
    ("e5", "Speaking up for your team in front of senior decision makers"),
    ("c5", "Turning a messy spreadsheet into a tidy, reliable one"),
)

SCALE = (
    (1, "Not at all"),
    (2, "A little"),
    (3, "Somewhat"),
    (4, "Quite a lot"),
    (5, "Very much"),
)
ITEMS_PER_AREA = len(ITEMS) // len(AREAS)
# Scores closer than this are a tie in all but name; the profile says so.
CLOSE = 10


@cache
def area_by_letter() -> dict[str, Area]:
    return {area.letter: area for area in AREAS}


def scores(answers: dict[str, int]) -> dict[str, int]:
    """Each area's score from 0 (nothing appeals) to 100 (everything does).

    `answers` holds a rating from 1 to 5 for every item key; the caller has checked that.
    """
    result = {}
    lowest, highest = ITEMS_PER_AREA, ITEMS_PER_AREA * 5
    for area in AREAS:
        total = sum(answers[key] for key, _ in ITEMS if key[0] == area.letter.lower())
        result[area.letter] = round(100 * (total - lowest) / (highest - lowest))
    return result


def ranked(area_scores: dict[str, int]) -> list[Area]:
    """The areas from the strongest down; equal scores keep the RIASEC order."""
    order = {area.letter: index for index, area in enumerate(AREAS)}
    letters = sorted(area_scores, key=lambda letter: (-area_scores[letter], order[letter]))
    return [area_by_letter()[letter] for letter in letters]


def code(area_scores: dict[str, int]) -> str:
    """The three-letter code: the three strongest areas, strongest first."""
    return "".join(area.letter for area in ranked(area_scores)[:3])


def reading(area_scores: dict[str, int]) -> list[str]:
    """What the profile says in plain words, caveats included."""
    top = ranked(area_scores)
    first, second, third = top[:3]
    lines = [
        f"Your strongest interest is {first.name} ({first.short}), "
        f"followed by {second.name} ({second.short}) and {third.name} ({third.short})."
    ]
    if area_scores[third.letter] - area_scores[top[3].letter] < CLOSE:
        lines.append(
            f"{third.name} and {top[3].name} are close: either could be the third letter, so "
            "read the code as a starting point, not a verdict."
        )
    if area_scores[first.letter] - area_scores[top[-1].letter] < CLOSE * 2:
        lines.append(
            "Your scores are close together: you may have broad interests. The activities you "
            "rated highest say more than the letters."
        )
    return lines
