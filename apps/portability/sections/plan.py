"""The plan: goals, each with its obstacles, resources, history of changes and milestones (with
their steps); then the wins journal, whose entries name the goal and the milestone they came
from."""

from typing import Any

from django.db.models import Prefetch

from apps.accounts.models import User
from apps.goals.models import Goal, GoalRevision, Horizon, Obstacle, Resource, Win
from apps.milestones.models import ActionStep, Milestone
from apps.portability.encoding import Refused
from apps.portability.registry import IdMap, Section, register
from apps.portability.sections.rows import ORDER, build, entry, ordered, save_all

GOAL = (
    "title", "description", "goal_type", "horizon", "status", "specific", "measure_kind",
    "measure_unit", "baseline", "target_value", "current_value", "achievable", "relevant",
    "target_date", "urgent", "important", "position", "achieved_at", "abandon_reason",
)  # fmt: skip
OBSTACLE = ("kind", "description", "strategy")
RESOURCE = ("kind", "title", "url", "status")
REVISION = ("changes", "reason")
MILESTONE = ("title", "description", "due_date", "done_at", "position")
STEP = ("title", "due_date", "done_at", "position")
WIN = ("title", "happened_on", "note")


def _pid(row: Any) -> str | None:
    return str(row.public_id) if row is not None else None


def _goals(user: User) -> list[Goal]:
    def by_date(model: type[Any]) -> Any:
        return model.objects.order_by(*ORDER)

    milestones = by_date(Milestone).prefetch_related(Prefetch("steps", by_date(ActionStep)))
    return list(
        ordered(Goal.objects.owned_by(user))
        .select_related("parent")
        .prefetch_related(
            Prefetch("obstacles", by_date(Obstacle)),
            Prefetch("resources", by_date(Resource)),
            Prefetch("revisions", by_date(GoalRevision)),
            Prefetch("milestones", milestones),
        )
    )


def dump_goals(user: User) -> list[dict[str, Any]]:
    return [
        entry(
            goal,
            GOAL,
            parent=_pid(goal.parent),
            obstacles=[entry(o, OBSTACLE) for o in goal.obstacles.all()],
            resources=[entry(r, RESOURCE) for r in goal.resources.all()],
            revisions=[entry(r, REVISION) for r in goal.revisions.all()],
            milestones=[
                entry(m, MILESTONE, steps=[entry(s, STEP) for s in m.steps.all()])
                for m in goal.milestones.all()
            ],
        )
        for goal in _goals(user)
    ]


def _children(ids: IdMap, kind: str, model: type[Any], names: tuple[str, ...], pairs: list) -> list:
    """Creates each (parent row, entry, place) in `pairs` as a `kind` row under its parent."""
    rows = [build(model, item, names, where, **parent) for parent, item, where in pairs]
    created = save_all(model, rows)
    for (_, item, _), row in zip(pairs, created, strict=True):
        ids.add(kind, item["id"], row)
    return created


def load_goals(user: User, data: list[dict[str, Any]], ids: IdMap) -> None:
    where = [f"goals[{n}]" for n in range(len(data))]
    goals = _children(
        ids, "goal", Goal, GOAL, [({"owner": user}, g, w) for g, w in zip(data, where, strict=True)]
    )
    for goal, item, place in zip(goals, data, where, strict=True):
        goal.parent = ids.get("goal", item.get("parent"), f"{place}.parent")
    for goal, place in zip(goals, where, strict=True):
        _check_parent(goal, f"{place}.parent")
    Goal.objects.bulk_update(goals, ["parent"])

    def under(kind: str, key: str, model: type[Any], names: tuple[str, ...], **fixed: Any) -> list:
        pairs = [
            ({"goal": goal, **fixed}, child, f"{place}.{key}[{n}]")
            for goal, item, place in zip(goals, data, where, strict=True)
            for n, child in enumerate(item.get(key, []))
        ]
        return _children(ids, kind, model, names, pairs)

    under("obstacle", "obstacles", Obstacle, OBSTACLE)
    under("resource", "resources", Resource, RESOURCE)
    # The history is the planner's own (an export names no other author).
    under("revision", "revisions", GoalRevision, REVISION, author=user)
    milestones = under("milestone", "milestones", Milestone, MILESTONE)
    # `milestones` were created in the order of this walk over the file.
    entries = [
        (f"goals[{g}].milestones[{m}]", item)
        for g, goal in enumerate(data)
        for m, item in enumerate(goal.get("milestones", []))
    ]
    steps = [
        ({"milestone": milestone}, step, f"{place}.steps[{n}]")
        for milestone, (place, item) in zip(milestones, entries, strict=True)
        for n, step in enumerate(item.get("steps", []))
    ]
    _children(ids, "step", ActionStep, STEP, steps)


def _check_parent(goal: Goal, where: str) -> None:
    """The goal page's rules: a stepping stone serves a long-term goal, and never, through
    any chain of parents, itself."""
    parent = goal.parent
    if parent is None:
        return
    if parent.horizon != Horizon.LONG:
        raise Refused(where, "names a goal that is not long-term; only those have stepping stones.")
    seen = {id(goal)}
    while parent is not None:
        if id(parent) in seen:
            raise Refused(where, "makes the goal serve itself.")
        seen.add(id(parent))
        parent = parent.parent


def dump_wins(user: User) -> list[dict[str, Any]]:
    wins = ordered(Win.objects.owned_by(user)).select_related("goal", "milestone")
    return [
        entry(win, WIN, goal=_pid(win.goal), milestone=_pid(getattr(win, "milestone", None)))
        for win in wins
    ]


def load_wins(user: User, data: list[dict[str, Any]], ids: IdMap) -> None:
    pairs = []
    for n, item in enumerate(data):
        place = f"wins[{n}]"
        goal = ids.get("goal", item.get("goal"), f"{place}.goal")
        pairs.append(({"owner": user, "goal": goal}, item, place))
    wins = _children(ids, "win", Win, WIN, pairs)
    reached = []
    for win, (_, item, place) in zip(wins, pairs, strict=True):
        milestone = ids.get("milestone", item.get("milestone"), f"{place}.milestone")
        if milestone is not None:
            if milestone.win_id is not None:
                raise Refused(f"{place}.milestone", "names a milestone another win names too.")
            milestone.win = win
            reached.append(milestone)
    Milestone.objects.bulk_update(reached, ["win"])


register(Section(key="goals", order=20, dump=dump_goals, load=load_goals))
register(Section(key="wins", order=30, dump=dump_wins, load=load_wins))
