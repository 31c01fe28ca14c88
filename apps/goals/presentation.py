"""Goals in words and in the shapes their pages show: the deadline, the progress, the list as a
tree, the obstacle and resource sections, the SMART panel and the history of changes.

Reads only; nothing here writes. Pages of other apps (the goal page) build on these too.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from django.urls import reverse

from apps.accounts.models import User
from apps.assessment.models import CareerValue
from apps.core.dates import due_in_words, exact_date, long_date
from apps.goals import smart
from apps.goals.forms import ObstacleForm, ResourceForm
from apps.goals.models import (
    Goal,
    GoalRevision,
    GoalType,
    Horizon,
    MeasureKind,
    ResourceStatus,
    Status,
    suggested_horizon,
)
from apps.goals.selectors import obstacles_of, resources_of


@dataclass(frozen=True)
class Due:
    text: str
    overdue: bool


def deadline(goal: Goal, today: date) -> Due | None:
    """ "due in 12 days", "due today", "3 days overdue": the deadline in words."""
    if goal.target_date is None:
        return None
    if not goal.is_open:
        return Due(f"target date {exact_date(goal.target_date)}", False)
    return Due(due_in_words(goal.target_date, today), goal.target_date < today)


def _number(value: Decimal) -> str:
    """12.50 as "12.5", 5.00 as "5": a stored number as a person writes it."""
    return f"{value.normalize():f}"


def progress_text(goal: Goal) -> str:
    """What the progress bar means, in words. Needs `with_progress()`."""
    if goal.measure_kind == MeasureKind.NUMBER and goal.target_value is not None:
        now = goal.current_value if goal.current_value is not None else goal.baseline
        unit = f" {goal.measure_unit}" if goal.measure_unit else ""
        start = f" (from {_number(goal.baseline)})" if goal.baseline is not None else ""
        return f"{_number(now or Decimal(0))} of {_number(goal.target_value)}{unit}{start}"
    total = getattr(goal, "milestones_total", 0)
    if not total:
        return "No milestones yet"
    return f"{goal.milestones_done} of {total} milestone{'' if total == 1 else 's'} done"


def goal_url(goal: Goal, anchor: str = "") -> str:
    """The goal page (apps.plan), or a section of it."""
    url = reverse("plan:goal", args=[goal.public_id])
    return f"{url}#{anchor}" if anchor else url


# -- the list ---------------------------------------------------------------------------


@dataclass
class GoalCard:
    """One goal in the list, with its deadline and progress in words and, for a long-term
    goal, the listed goals that serve it.

    What the row prints is worked out here once, as plain text: the list renders every goal
    the planner has, and each lookup and filter in a row's template costs on every one.
    """

    goal: Goal
    due: Due | None
    progress_text: str
    stones: list["GoalCard"] = field(default_factory=list)
    url: str = ""
    status_label: str = ""
    # "Networking · Short-term (within a year)"
    tags: str = ""
    due_iso: str = ""
    due_title: str = ""
    # (public id, name) of each value the goal serves, for the list's value filter links.
    values: list[tuple[str, str]] = field(default_factory=list)
    # The long-term goal it serves, when that is not the row it is listed under.
    serves_url: str = ""
    serves_title: str = ""


def _card(goal: Goal, today: date, goal_link: str, served: list[tuple[str, str]]) -> GoalCard:
    target = goal.target_date
    return GoalCard(
        goal,
        deadline(goal, today),
        progress_text(goal),
        url=goal_link.replace(_STAND_IN, goal.pid),
        status_label=_STATUS_LABELS.get(goal.status, goal.status),
        tags=f"{_TYPE_LABELS.get(goal.goal_type)} · {_HORIZON_LABELS.get(goal.horizon)}",
        due_iso=target.isoformat() if target else "",
        due_title=long_date(target) if target else "",
        values=served,
    )


def _served(
    goals: list[Goal], values: list[CareerValue], owner
) -> dict[int, list[tuple[str, str]]]:
    """Goal id → (public id, name) of the values it serves, in the planner's order of values."""
    if not goals or not values:
        return {}
    # The links of all the owner's goals, not of the listed ones by id: one parameter instead
    # of one per goal, and a filtered list leaves out only a few more links.
    links = Goal.values.through.objects.filter(goal__owner=owner)
    pairs = set(links.values_list("goal_id", "careervalue_id"))
    served: dict[int, list[tuple[str, str]]] = {}
    for value in values:  # already in the planner's order
        for goal in goals:
            if (goal.pk, value.pk) in pairs:
                served.setdefault(goal.pk, []).append((value.pid, value.name))
    return served


# The labels of the choices, looked up directly: get_FOO_display() rebuilds its mapping on every
# call, three times a row.
_STATUS_LABELS = dict(Status.choices)
_TYPE_LABELS = dict(GoalType.choices)
_HORIZON_LABELS = dict(Horizon.choices)

# A goal page's URL with a stand-in for the id: reversed once per list, not once per row.
_STAND_IN = "00000000-0000-0000-0000-000000000000"


def goal_tree(goals: list[Goal], today: date, values: list[CareerValue], owner) -> list[GoalCard]:
    """Top-level goals as cards, each with the cards of its stepping stones among `goals`.
    Needs `owner`'s goals `with_progress()` and `parent` selected; `values` are the owner's,
    in their order, for the values each goal serves (one light query for all the goals)."""
    goal_link = reverse("plan:goal", args=[_STAND_IN])
    served = _served(goals, values, owner)
    cards = {goal.pk: _card(goal, today, goal_link, served.get(goal.pk, [])) for goal in goals}
    roots = []
    for card in cards.values():
        parent = cards.get(card.goal.parent_id) if card.goal.parent_id else None
        if parent is not None:
            parent.stones.append(card)
            continue
        roots.append(card)
        long_term = card.goal.parent
        if long_term is not None:  # its long-term goal is not in the list: name it here
            card.serves_url = goal_link.replace(_STAND_IN, long_term.pid)
            card.serves_title = long_term.title
    return roots


# -- the SMART panel ----------------------------------------------------------------------


def smart_context(draft: smart.Draft, today: date) -> dict[str, Any]:
    """What the SMART card and the horizon hint show for `draft`."""
    verdicts = smart.assess(draft, today=today)
    return {
        "verdicts": verdicts,
        "smart_all_met": smart.all_met(verdicts),
        "met_count": sum(v.state == smart.MET for v in verdicts),
        "suggested_horizon": Horizon(suggested_horizon(draft.target_date, today)).label,
        # Without a date there is nothing to suggest a horizon from.
        "has_target_date": draft.target_date is not None,
    }


# -- obstacles and resources --------------------------------------------------------------


class NextStatus(NamedTuple):
    status: str
    label: str


# One button per resource moves it on: to do → in progress → done → to do again.
NEXT_STATUS = {
    ResourceStatus.TODO: NextStatus(ResourceStatus.IN_PROGRESS, "Start"),
    ResourceStatus.IN_PROGRESS: NextStatus(ResourceStatus.DONE, "Mark done"),
    ResourceStatus.DONE: NextStatus(ResourceStatus.TODO, "Reopen"),
}


def obstacles_context(goal: Goal, form: ObstacleForm | None = None) -> dict[str, Any]:
    """The obstacles section of a goal (templates/goals/_obstacles.html). It shows `form`
    only when one came back with errors; an empty one is fetched when asked for."""
    return {
        "goal": goal,
        "obstacles": obstacles_of(goal),
        "obstacle_form": form,
    }


def resources_context(goal: Goal, form: ResourceForm | None = None) -> dict[str, Any]:
    """The resources section of a goal (templates/goals/_resources.html): each resource with
    the status its button moves it to, and `form` as for `obstacles_context`."""
    resources = resources_of(goal)
    return {
        "goal": goal,
        "resources": [(r, NEXT_STATUS[ResourceStatus(r.status)]) for r in resources],
        "resources_done": sum(r.status == ResourceStatus.DONE for r in resources),
        "resource_form": form,
    }


# -- the history of changes ---------------------------------------------------------------

FIELD_LABELS = {
    "title": "Title",
    "specific": "What exactly",
    "measure_kind": "Measured",
    "measure_unit": "Unit",
    "baseline": "Starting point",
    "target_value": "Target",
    "current_value": "Progress",
    "achievable": "What it takes",
    "relevant": "Why it matters",
    "target_date": "Target date",
    "horizon": "Horizon",
    "status": "Status",
    "urgent": "Urgent",
    "important": "Important",
    "parent_id": "Serves",
    "values": "Values it serves",
    "milestone_due": "Milestone date",
}
CHOICE_LABELS: dict[str, dict[Any, str]] = {
    "measure_kind": dict(MeasureKind.choices),
    "horizon": dict(Horizon.choices),
    "status": dict(Status.choices),
}


def _in_words(field: str, value: Any, titles: dict[int, str]) -> str:
    if value is None or value == "" or value == []:
        return "nothing"
    if field == "milestone_due" and isinstance(value, dict):
        due = value.get("due")
        when = exact_date(date.fromisoformat(due)) if due else "no date"
        return f"“{value.get('milestone', '')}” {when}"
    if isinstance(value, list):
        return ", ".join(f"“{name}”" for name in value)
    if field == "parent_id":
        return f"“{titles.get(value, 'a goal since deleted')}”"
    if field in CHOICE_LABELS:
        return str(CHOICE_LABELS[field].get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field == "target_date":
        return exact_date(date.fromisoformat(value))
    if field in ("baseline", "target_value", "current_value"):
        return str(value)
    text = str(value)
    return f"“{text[:77]}…”" if len(text) > 80 else f"“{text}”"


def history(user: User, revisions: list[GoalRevision]) -> list[dict[str, Any]]:
    """Each revision as who, when, why and what changed from what to what, in words."""
    stored = [(r, r.changes if isinstance(r.changes, dict) else {}) for r in revisions]
    parent_ids = {
        v
        for _, changes in stored
        if isinstance(changes.get("parent_id"), list)
        for v in changes["parent_id"]
        if isinstance(v, int)
    }
    titles: dict[int, str] = {}
    if parent_ids:
        visible = Goal.objects.visible_to(user).filter(pk__in=parent_ids)
        titles = dict(visible.values_list("pk", "title"))
    entries = []
    for revision, changes in stored:
        words = [_change(name, pair, titles) for name, pair in changes.items()]
        entries.append({"revision": revision, "changes": [w for w in words if w is not None]})
    return entries


def _change(name: str, pair: Any, titles: dict[int, str]) -> dict[str, str] | None:
    """One change in words, or None for one that cannot be read: a history may come from an
    imported file, and a change written by hand is left out rather than failing the page."""
    if not isinstance(pair, list) or len(pair) != 2:
        return None
    try:
        before, after = (_in_words(name, value, titles) for value in pair)
    except (TypeError, ValueError, AttributeError):
        return None
    return {"label": FIELD_LABELS.get(name, name), "before": before, "after": after}
