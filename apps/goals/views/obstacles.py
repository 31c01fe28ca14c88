"""A goal's obstacles: what could get in the way, and the planner's strategy for each.

On the goal page the section adds and removes in place (HTMX); its own pages are where editing
happens, and where the add form lives without JavaScript.
"""

import copy
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import confirm_delete, done, posted, render_page
from apps.goals import services
from apps.goals.access import access_goal, access_obstacle
from apps.goals.forms import ConfirmDeleteForm, ObstacleForm
from apps.goals.models import Goal, Obstacle
from apps.goals.presentation import goal_url, obstacles_context


def _section(
    request: AuthenticatedHttpRequest, goal: Goal, form: ObstacleForm | None = None
) -> HttpResponse:
    """The obstacles section as it now is, for the HTMX swap on the goal page."""
    context = {**obstacles_context(goal, form), "can_edit": True}
    return render_page(request, "goals/_obstacles.html", context, form=form)


def _page(
    request: AuthenticatedHttpRequest, form: ObstacleForm, *, goal: Goal, obstacle: Obstacle | None
) -> HttpResponse:
    context = {"form": form, "goal": goal, "obstacle": obstacle}
    # The goal page fetches the add form into place; the page's other parts are not needed.
    return render_page(
        request, "goals/obstacle_form.html", context, partial="obstacle-form", form=form
    )


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_create(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = access_goal(request.user, public_id, for_write=True)
    form = ObstacleForm(posted(request))
    if not form.is_bound:
        # Asked for on purpose (the goal page's button, or its own page): ready to type.
        form.fields["kind"].widget.attrs["autofocus"] = True
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        services.obstacle_create(
            goal=goal, kind=data["kind"], description=data["description"], strategy=data["strategy"]
        )
        if request.htmx:
            return _section(request, goal)
        messages.success(request, "Obstacle noted — and you have a plan for it.")
        return redirect(goal_url(goal, "obstacles"))
    if request.htmx and form.is_bound:
        return _section(request, goal, form)
    return _page(request, form, goal=goal, obstacle=None)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    obstacle = access_obstacle(request.user, public_id, for_write=True)
    form = ObstacleForm(posted(request), instance=copy.copy(obstacle))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        services.obstacle_update(
            obstacle=obstacle,
            kind=data["kind"],
            description=data["description"],
            strategy=data["strategy"],
        )
        messages.success(request, "Obstacle updated.")
        return done(request, goal_url(obstacle.goal, f"obstacle-{obstacle.public_id}"))
    context = {"form": form, "goal": obstacle.goal, "obstacle": obstacle}
    return render_page(request, "goals/obstacle_form.html", context, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    obstacle = access_obstacle(request.user, public_id, for_write=True)
    form = ConfirmDeleteForm(posted(request))
    if form.is_bound and form.is_valid():
        services.obstacle_delete(obstacle=obstacle)
        if request.htmx:
            return _section(request, obstacle.goal)
        messages.success(request, "Obstacle removed.")
        return redirect(goal_url(obstacle.goal, "obstacles"))
    return confirm_delete(
        request,
        form,
        what="obstacle",
        title=str(obstacle),
        back=goal_url(obstacle.goal, "obstacles"),
        action=reverse("goals:obstacle-delete", args=[obstacle.public_id]),
    )
