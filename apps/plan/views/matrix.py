"""The planner's overview of their goals: the priority matrix, the timeline and the calendar."""

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.models import User
from apps.core.htmx import HtmxHttpRequest
from apps.goals import calendar, services
from apps.goals.models import CalendarFeed, Goal, Quadrant, Status
from apps.milestones.models import Milestone

# -- the priority matrix ---------------------------------------------------------------

# (urgent, important) for each quadrant of the Eisenhower matrix.
QUADRANT_FLAGS = {
    Quadrant.DO_FIRST: (True, True),
    Quadrant.SCHEDULE: (False, True),
    Quadrant.DELEGATE: (True, False),
    Quadrant.DROP: (False, False),
}
# What each quadrant means, and what belongs there when it is empty.
QUADRANT_TEXT = {
    Quadrant.DO_FIRST: (
        "Urgent and important",
        "Goals that matter to you and cannot wait belong here: an application that closes soon,"
        " an exam this month.",
    ),
    Quadrant.SCHEDULE: (
        "Important, not urgent",
        "Goals that grow your career over time belong here: a course, a certificate, a network."
        " Give each one a date.",
    ),
    Quadrant.DELEGATE: (
        "Urgent, not important",
        "Pressing things that serve someone else's plan more than yours belong here. Limit them"
        " or hand them on.",
    ),
    Quadrant.DROP: (
        "Neither urgent nor important",
        "Goals you keep out of habit belong here. Empty is a good sign.",
    ),
}
MAX_ORDER = 500


def _matrix_context(user: User) -> dict:
    goals = Goal.objects.editable_by(user).filter(status=Status.ACTIVE).with_progress().in_order()
    by_quadrant: dict[str, list[Goal]] = {key: [] for key in Quadrant.values}
    for goal in goals:
        by_quadrant[goal.quadrant].append(goal)
    quadrants = [
        {
            "key": key,
            "label": Quadrant(key).label,
            "meaning": QUADRANT_TEXT[key][0],
            "empty": QUADRANT_TEXT[key][1],
            "goals": by_quadrant[key],
            "others": [(other, Quadrant(other).label) for other in Quadrant.values if other != key],
        }
        for key in Quadrant.values
    ]
    total = sum(len(q["goals"]) for q in quadrants)
    return {"quadrants": quadrants, "total": total, "today": timezone.localdate()}


@transaction.atomic
def _place(
    *, user: User, goal: Goal, quadrant: str, order: list[UUID] | None = None, shift: int = 0
) -> tuple[int, int]:
    """Put `goal` into `quadrant` and order that quadrant's goals.

    `order` (public ids) is the order wanted after a drag; without it the goal moves `shift`
    places, or to the end of a new quadrant. Every other goal keeps its slot in the owner's
    manual order, so lists that show all goals do not jump about. Returns the goal's place
    in its quadrant and the number of goals there.
    """
    # Lock the owner's goals first, so that two moves at once queue up instead of deadlocking.
    goals = list(Goal.objects.editable_by(user).select_for_update().in_order())
    moved_quadrant = goal.quadrant != quadrant
    if moved_quadrant:
        urgent, important = QUADRANT_FLAGS[Quadrant(quadrant)]
        goal = services.goal_set_priority(goal=goal, by=user, urgent=urgent, important=important)
        goals = [goal if g.pk == goal.pk else g for g in goals]
    members = [g for g in goals if g.status == Status.ACTIVE and g.quadrant == quadrant]
    ids = [g.public_id for g in members]
    if order is None:
        index = ids.index(goal.public_id)
        target = len(ids) - 1 if moved_quadrant else max(0, min(len(ids) - 1, index + shift))
        ids.insert(target, ids.pop(index))
        order = ids
    rank = {public_id: i for i, public_id in enumerate(order)}
    slots = [i for i, g in enumerate(goals) if g.status == Status.ACTIVE and g.quadrant == quadrant]
    members.sort(key=lambda g: rank.get(g.public_id, len(rank)))
    for slot, member in zip(slots, members, strict=True):
        goals[slot] = member
    services.goal_reorder(owner=user, ordered=goals)
    place = next(i for i, g in enumerate(members) if g.pk == goal.pk)
    return place + 1, len(members)


def _announce(request: HtmxHttpRequest, goal: Goal, quadrant: str, place: tuple[int, int]):
    label = Quadrant(quadrant).label
    messages.success(request, f"“{goal.title}” is now {place[0]} of {place[1]} in {label}.")


def _matrix_answer(request: HtmxHttpRequest, goal: Goal | None, error: str = "") -> HttpResponse:
    """After a move: the matrix partial for htmx, else back to the page at the goal's card."""
    if not request.htmx and not error and goal is not None:
        return redirect(f"{reverse('plan:matrix')}#goal-{goal.public_id}")
    template = "plan/matrix.html#matrix" if request.htmx else "plan/matrix.html"
    context = {**_matrix_context(request.user), "error": error}
    return render(request, template, context, status=422 if error else 200)


def _errors(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@login_required
@require_GET
def matrix(request: HtmxHttpRequest) -> HttpResponse:
    template = "plan/matrix.html#matrix" if request.htmx else "plan/matrix.html"
    return render(request, template, _matrix_context(request.user))


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")], required=False)
    quadrant = forms.ChoiceField(choices=Quadrant.choices, required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        if bool(data.get("direction")) == bool(data.get("quadrant")):
            raise ValidationError("Choose to move the goal up, down or to another quadrant.")
        return data


@login_required
@require_POST
def move(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """The buttons on a card: up, down, or to another quadrant. Works without JavaScript."""
    active = Goal.objects.editable_by(request.user).filter(status=Status.ACTIVE)
    goal = get_object_or_404(active, public_id=public_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _matrix_answer(request, goal, error=_errors(form))
    direction, quadrant = form.cleaned_data["direction"], form.cleaned_data["quadrant"]
    if direction:
        shift = -1 if direction == "up" else 1
        place = _place(user=request.user, goal=goal, quadrant=goal.quadrant, shift=shift)
        quadrant = goal.quadrant
    else:
        place = _place(user=request.user, goal=goal, quadrant=quadrant)
    _announce(request, goal, quadrant, place)
    return _matrix_answer(request, goal)


class UUIDListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[UUID]:
        if not value:
            return []
        if len(value) > MAX_ORDER:
            raise ValidationError("That is more goals than a matrix holds.", code="too_long")
        try:
            return [UUID(str(item)) for item in value]
        except ValueError:
            raise ValidationError("The new order could not be read.", code="invalid") from None


class ReorderForm(forms.Form):
    goal = forms.UUIDField()
    quadrant = forms.ChoiceField(choices=Quadrant.choices)
    order = UUIDListField(required=False)


@login_required
@require_POST
def reorder(request: HtmxHttpRequest) -> HttpResponse:
    """A drop: the goal, the quadrant it landed in, and that quadrant's order from top down."""
    form = ReorderForm(request.POST)
    goal = None
    if form.is_valid():
        active = Goal.objects.editable_by(request.user).filter(status=Status.ACTIVE)
        goal = active.filter(public_id=form.cleaned_data["goal"]).first()
        if goal is None:
            form.add_error(
                "goal", "That goal is no longer in your matrix; here it is as it is now."
            )
    if goal is None:
        return _matrix_answer(request, None, error=_errors(form))
    quadrant, order = form.cleaned_data["quadrant"], form.cleaned_data["order"]
    place = _place(user=request.user, goal=goal, quadrant=quadrant, order=order)
    _announce(request, goal, quadrant, place)
    return _matrix_answer(request, goal)


# -- the timeline ----------------------------------------------------------------------


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _pct(value: float) -> str:
    return f"{value:.2f}%"


@dataclass(frozen=True)
class Axis:
    """Whole months from `start` to `end` (exclusive), mapped onto 0–100% of the width."""

    start: date
    end: date

    @classmethod
    def around(cls, dates: list[date], today: date) -> "Axis":
        # At least a month back and three ahead; never more than a year into the past.
        first = max(min([_month_start(today, -1), *dates]), _month_start(today, -12))
        last = max([today + timedelta(days=90), *dates])
        return cls(_month_start(first), _month_start(last, 1))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    def x(self, day: date) -> float:
        span = (self.end - self.start).days
        return 100 * min(max((day - self.start).days, 0), span) / span

    def ticks(self) -> list[dict]:
        step = 1 if self.months <= 12 else 3 if self.months <= 36 else 12
        ticks, year = [], None
        for n in range(0, self.months, step):
            month = _month_start(self.start, n)
            # The year on the first tick and wherever it changes, so that long spans read.
            label = month.strftime("%b" if month.year == year else "%b %Y")
            year = month.year
            ticks.append({"x": _pct(self.x(month)), "label": label})
        return ticks

    @property
    def size(self) -> str:
        """How wide the roadmap must be to stay legible; narrower screens scroll sideways."""
        months = self.months
        return "s" if months <= 6 else "m" if months <= 12 else "l" if months <= 24 else "xl"


def _milestone_state(milestone: Milestone, today: date) -> str:
    if milestone.is_done:
        return "done"
    return "overdue" if milestone.is_overdue(today) else "open"


def _row(goal: Goal, target: date, axis: Axis, today: date) -> dict:
    """One goal on the roadmap: a bar from when it was set to its target date, filled as far
    as it has progressed, with its milestones as markers."""
    begin = min(timezone.localdate(goal.created_at), target)
    left, right = axis.x(begin), axis.x(target)
    width = right - left
    milestones = list(goal.milestones.all())
    overdue = goal.is_overdue(today)
    markers = [
        {"milestone": m, "x": _pct(axis.x(m.due_date)), "state": _milestone_state(m, today)}
        for m in milestones
        if m.due_date
    ]
    return {
        "goal": goal,
        "x": _pct(left),
        "width": _pct(width),
        "done_width": _pct(width * goal.progress / 100),
        "end_x": _pct(right),
        "overdue": overdue,
        # How late an overdue goal is: a warning stretch from its target date to today.
        "late_width": _pct(axis.x(today) - right) if overdue else "",
        "markers": markers,
        "milestones": [(m, _milestone_state(m, today)) for m in milestones],
        "overdue_count": sum(1 for m in milestones if m.is_overdue(today)),
        "done_count": sum(1 for m in milestones if m.is_done),
    }


def _timeline_context(user: User, today: date) -> dict:
    milestones = Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "position"))
    goals = list(
        Goal.objects.visible_to(user).open().with_progress().in_order().prefetch_related(milestones)
    )
    dated = [g for g in goals if g.target_date]
    dates = [g.target_date for g in dated if g.target_date]
    dates += [m.due_date for g in dated for m in g.milestones.all() if m.due_date]
    axis = Axis.around(dates, today)
    return {
        "axis": axis,
        "today_x": _pct(axis.x(today)),
        "rows": [_row(goal, goal.target_date, axis, today) for goal in dated if goal.target_date],
        "undated": [g for g in goals if not g.target_date],
        "today": today,
    }


@login_required
@require_GET
def timeline(request: HtmxHttpRequest) -> HttpResponse:
    context = _timeline_context(request.user, timezone.localdate())
    return render(request, "plan/timeline.html", context)


# -- the private calendar feed ---------------------------------------------------------


def _feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL + reverse("plan:feed", kwargs={"token": feed.token})


@login_required
@require_GET
def calendar_page(request: HtmxHttpRequest) -> HttpResponse:
    feed = services.calendar_feed_for(user=request.user)
    feed_url = _feed_url(feed)
    context = {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]}
    template = "plan/calendar.html#feed" if request.htmx else "plan/calendar.html"
    return render(request, template, context)


@login_required
@require_POST
def calendar_reset(request: HtmxHttpRequest) -> HttpResponse:
    services.calendar_feed_reset(user=request.user)
    messages.success(
        request,
        "Your calendar has a new address and the old one has stopped working."
        " Subscribe again with the new one.",
    )
    # htmx follows the redirect with its own header, so it gets the partial back.
    return redirect("plan:calendar")


@require_GET
def calendar_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """No sign-in: calendar apps cannot sign in, so the unguessable token is the credential."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("owner"), token=token)
    response = HttpResponse(
        calendar.feed_for(feed.owner), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="careerplan.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
