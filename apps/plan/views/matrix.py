"""The priority matrix: the planner's active goals in the four quadrants of urgent and
important, moved by dragging a card or with its buttons (which work without JavaScript)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.core.htmx import render_page
from apps.core.ratelimit import rate_limited
from apps.goals.access import access_goal
from apps.goals.models import Goal, Quadrant, Status
from apps.goals.services import goal_place
from apps.plan.forms import MoveForm, ReorderForm, form_errors

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


def _context(user: User) -> dict:
    goals = Goal.objects.editable_by(user).filter(status=Status.ACTIVE).with_progress().in_order()
    by_quadrant: dict[str, list[Goal]] = {key: [] for key in Quadrant.values}
    for goal in goals:
        by_quadrant[goal.quadrant].append(goal)
    quadrants = []
    for quadrant in Quadrant:
        meaning, empty = QUADRANT_TEXT[quadrant]
        others = [(other, Quadrant(other).label) for other in Quadrant.values if other != quadrant]
        quadrants.append(
            {
                "key": quadrant.value,
                "label": quadrant.label,
                "meaning": meaning,
                "empty": empty,
                "goals": by_quadrant[quadrant.value],
                "others": others,
            }
        )
    total = sum(len(q["goals"]) for q in quadrants)
    return {
        "quadrants": quadrants,
        "total": total,
        "today": timezone.localdate(),
        "reorder_form": ReorderForm(auto_id="reorder-%s"),
    }


def _answer(request: AuthenticatedHttpRequest, goal: Goal | None, error: str = "") -> HttpResponse:
    """After a move: the matrix partial for htmx, else back to the page at the goal's card."""
    if not request.htmx and not error and goal is not None:
        return redirect(f"{reverse('plan:matrix')}#goal-{goal.public_id}")
    context = {**_context(request.user), "error": error}
    return render_page(
        request, "plan/matrix.html", context, partial="matrix", status=422 if error else 200
    )


def _announce(request: AuthenticatedHttpRequest, goal: Goal, quadrant: str, place: tuple) -> None:
    label = Quadrant(quadrant).label
    messages.success(request, f"“{goal.title}” is now {place[0]} of {place[1]} in {label}.")


@login_required
@require_GET
def matrix(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render_page(request, "plan/matrix.html", _context(request.user), partial="matrix")


def _active(user: User, public_id: UUID | str) -> Goal:
    """One of the planner's active goals: only those are in the matrix."""
    active = Goal.objects.filter(status=Status.ACTIVE)
    return access_goal(user, public_id, for_write=True, queryset=active)


@login_required
@require_POST
@rate_limited("reorder")
def move(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """The buttons on a card: up, down, or to another quadrant."""
    goal = _active(request.user, public_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _answer(request, goal, error=form_errors(form))
    direction, quadrant = form.cleaned_data["direction"], form.cleaned_data["quadrant"]
    if direction:
        quadrant = goal.quadrant
        shift = -1 if direction == "up" else 1
        place = goal_place(goal=goal, by=request.user, quadrant=quadrant, shift=shift)
    else:
        place = goal_place(goal=goal, by=request.user, quadrant=quadrant)
    _announce(request, goal, quadrant, place)
    return _answer(request, goal)


@login_required
@require_POST
@rate_limited("reorder")
def reorder(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A drop: the goal, the quadrant it landed in, and that quadrant's order from top down."""
    form = ReorderForm(request.POST)
    goal = None
    if form.is_valid():
        try:
            goal = _active(request.user, form.cleaned_data["goal"])
        except Http404:
            form.add_error(
                "goal", "That goal is no longer in your matrix; here it is as it is now."
            )
    if goal is None:
        return _answer(request, None, error=form_errors(form))
    quadrant, order = form.cleaned_data["quadrant"], form.cleaned_data["order"]
    place = goal_place(goal=goal, by=request.user, quadrant=quadrant, order=order)
    _announce(request, goal, quadrant, place)
    return _answer(request, goal)
