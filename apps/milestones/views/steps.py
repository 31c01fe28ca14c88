"""The action steps under a milestone: adding, editing, ticking, reordering, deleting."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import confirm_delete, posted, render_page, wants_partial
from apps.core.ratelimit import rate_limited
from apps.goals.models import Goal
from apps.milestones import services
from apps.milestones.access import access_milestone, access_step
from apps.milestones.forms import DeleteForm, DoneForm, MoveForm, NewStepForm, StepForm
from apps.milestones.models import ActionStep
from apps.milestones.rows import milestone_row, step_row
from apps.milestones.selectors import milestone_with_steps
from apps.milestones.views.answers import (
    EDIT_PAGE,
    PAGE,
    back,
    goal_page_url,
    page_context,
    refused,
    row_context,
    saved,
    steps_changed,
)


@login_required
@require_http_methods(["GET", "POST"])
def step_create(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """GET: the add-a-step form, asked for (the goal page shows a link until then), as the
    row's fragment for HTMX or, without JavaScript, on the milestones page with this form
    open. POST: add."""
    milestone = access_milestone(request.user, public_id, for_write=True)
    if request.method == "GET":
        if wants_partial(request):
            context = row_context(milestone, adding_step=milestone.pid)
            return render(request, f"{PAGE}#add-step", context)
        return render(
            request, PAGE, page_context(request, milestone.goal, adding_step=milestone.pid)
        )
    form = NewStepForm(request.POST, milestone_pid=milestone.pid, goal=milestone.goal)
    if not saved(
        form,
        lambda data: services.step_create(
            milestone=milestone, title=data["title"], due_date=data["due_date"]
        ),
    ):
        # The page for a plain post, the milestone's row for HTMX: both show the errors.
        context = page_context(request, milestone.goal, step_form=form)
        context["row"] = milestone_row(milestone_with_steps(milestone), timezone.localdate())
        return render_page(request, PAGE, context, partial="milestone-row", form=form)
    if not request.htmx:
        messages.success(request, "Step added.")
        return back(milestone.goal, f"milestone-{milestone.pid}")
    return render(request, f"{PAGE}#milestone-row", row_context(milestone, step_added=True))


def _step_row(request: AuthenticatedHttpRequest, step: ActionStep, goal: Goal) -> HttpResponse:
    today = timezone.localdate()
    context = {"step": step_row(step, today), "goal": goal, "today": today}
    return render(request, f"{PAGE}#step-row", context)


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    step = access_step(request.user, public_id, for_write=True)
    initial = {"title": step.title, "due_date": step.due_date}
    form = StepForm(
        posted(request), initial=initial, goal=step.milestone.goal, auto_id=f"edit-{step.pid}-%s"
    )
    if form.is_bound and saved(
        form,
        lambda data: services.step_update(
            step=step, title=data["title"], due_date=data["due_date"]
        ),
    ):
        if not request.htmx:
            return back(step.milestone.goal, f"step-{step.pid}")
        return _step_row(request, step, step.milestone.goal)
    context = {"form": form, "step": step, "milestone": step.milestone, "goal": step.milestone.goal}
    return render_page(request, EDIT_PAGE, context, partial="step-edit-row", form=form)


@login_required
@require_POST
def step_done(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    step = access_step(request.user, public_id, for_write=True)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return refused(request, step.milestone.goal)
    ticked = services.step_set_done(step=step, done=form.cleaned_data["done"])
    if not request.htmx:
        return back(step.milestone.goal, f"step-{step.pid}")
    return steps_changed(_step_row(request, ticked, step.milestone.goal), step.milestone)


@login_required
@require_POST
@rate_limited("reorder")
def step_move(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    step = access_step(request.user, public_id, for_write=True)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return refused(request, step.milestone.goal)
    services.step_move(step=step, offset=form.offset)
    if not request.htmx:
        return back(step.milestone.goal, f"step-{step.pid}")
    return render(request, f"{PAGE}#milestone-row", row_context(step.milestone))


@login_required
@require_http_methods(["GET", "POST"])
def step_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    step = access_step(request.user, public_id, for_write=True)
    milestone = step.milestone
    form = DeleteForm(posted(request))
    if not form.is_valid():
        return confirm_delete(
            request,
            form,
            what="step",
            title=step.title,
            note=f"A step towards “{milestone.title}”.",
            action=reverse("milestones:step-delete", kwargs={"public_id": step.public_id}),
            back=goal_page_url(milestone.goal, f"step-{step.pid}"),
        )
    services.step_delete(step=step)
    if not request.htmx:
        messages.success(request, f"“{step.title}” is deleted.")
        return back(milestone.goal, f"milestone-{milestone.pid}")
    return render(request, f"{PAGE}#milestone-row", row_context(milestone))
