"""Milestones and their action steps, edited in place on the goal page.

Every action is a plain form post that redirects back to the goal page; with HTMX the same
view answers with the piece of the page that changed (a row, a milestone, or the section).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.htmx import HtmxHttpRequest
from apps.goals.models import Goal
from apps.milestones import services
from apps.milestones.forms import DeleteForm, DoneForm, MilestoneForm, MoveForm, StepForm
from apps.milestones.models import ActionStep, Milestone
from apps.milestones.selectors import milestone_with_steps, milestones_with_steps

SECTION = "milestones/_section.html"


def goal_page_url(goal: Goal) -> str:
    """The goal page, or this app's own page for the goal while the goal page is missing."""
    try:
        return reverse("plan:goal", kwargs={"public_id": goal.public_id})
    except NoReverseMatch:
        return reverse("milestones:list", kwargs={"public_id": goal.public_id})


def _back(goal: Goal, anchor: str = "milestones") -> HttpResponse:
    return redirect(f"{goal_page_url(goal)}#{anchor}")


def _goal(request: HtmxHttpRequest, public_id) -> Goal:
    goals = Goal.objects.editable_by(request.user).with_progress()
    return get_object_or_404(goals, public_id=public_id)


def _milestone(request: HtmxHttpRequest, public_id) -> Milestone:
    milestones = Milestone.objects.editable_by(request.user).select_related("goal")
    return get_object_or_404(milestones, public_id=public_id)


def _step(request: HtmxHttpRequest, public_id) -> ActionStep:
    steps = ActionStep.objects.editable_by(request.user).select_related("milestone__goal")
    return get_object_or_404(steps, public_id=public_id)


def _save(form: Form, action) -> bool:
    """Run `action` with the form's data; a service's objections become field errors."""
    if not form.is_valid():
        return False
    try:
        action(**form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _section_context(goal: Goal, *, fresh: bool, **extra) -> dict:
    if not fresh:  # a write came first: count the milestones again
        goal = Goal.objects.with_progress().get(pk=goal.pk)
    today = timezone.localdate()
    return {"goal": goal, "milestones": milestones_with_steps(goal), "today": today, **extra}


def _section(
    request: HtmxHttpRequest, goal: Goal, *, status: int = 200, fresh: bool = False, **extra
) -> HttpResponse:
    """The whole section for HTMX; the full page without JavaScript (after a form error).

    `fresh` says `goal` was just loaded with its progress and nothing has changed since."""
    context = _section_context(goal, fresh=fresh, **extra)
    template = SECTION if request.htmx else "milestones/list.html"
    return render(request, template, context, status=status)


def _milestone_row(
    request: HtmxHttpRequest, milestone: Milestone, *, status: int = 200, **extra
) -> HttpResponse:
    context = {"milestone": milestone_with_steps(milestone), "today": timezone.localdate()}
    return render(request, f"{SECTION}#milestone-row", {**context, **extra}, status=status)


def _oob_progress(request: HtmxHttpRequest, goal: Goal, news: str, celebrate: bool) -> str:
    """The goal's progress bar and the section's live message, swapped out of band."""
    goal = Goal.objects.with_progress().get(pk=goal.pk)
    context = {"goal": goal, "oob": True, "news": news, "celebrate": celebrate}
    return render_to_string(f"{SECTION}#goal-progress", context, request) + render_to_string(
        f"{SECTION}#news", context, request
    )


def _refused(request: HtmxHttpRequest, goal: Goal, partial) -> HttpResponse:
    """A post our own pages never send (a missing field): nothing changes. HTMX gets back the
    unchanged piece it targeted (`partial()`, a 422); a plain post gets the page."""
    if request.htmx:
        return partial()
    return _section(request, goal, status=422)


# -- milestones -------------------------------------------------------------------------


@login_required
@require_http_methods(["GET"])
def milestone_list(request: HtmxHttpRequest, public_id) -> HttpResponse:
    goal = _goal(request, public_id)
    return _section(request, goal, fresh=True)


@login_required
@require_POST
def milestone_create(request: HtmxHttpRequest, public_id) -> HttpResponse:
    goal = _goal(request, public_id)
    form = MilestoneForm(request.POST)
    if not _save(form, lambda **data: services.milestone_create(goal=goal, **data)):
        return _section(request, goal, status=422, milestone_form=form)
    if not request.htmx:
        messages.success(request, "Milestone added. Break it into steps when you are ready.")
        return _back(goal)
    return _section(request, goal, news="Milestone added.")


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HtmxHttpRequest, public_id) -> HttpResponse:
    milestone = _milestone(request, public_id)
    initial = {f: getattr(milestone, f) for f in ("title", "description", "due_date")}
    data = request.POST if request.method == "POST" else None
    form = MilestoneForm(data, initial=initial, auto_id=f"edit-{milestone.public_id}-%s")
    if request.method == "POST" and _save(
        form, lambda **data: services.milestone_update(milestone=milestone, **data)
    ):
        if not request.htmx:
            return _back(milestone.goal, f"milestone-{milestone.public_id}")
        return _milestone_row(request, milestone)
    status = 422 if form.errors else 200
    back_url = f"{goal_page_url(milestone.goal)}#milestone-{milestone.public_id}"
    context = {"form": form, "milestone": milestone, "goal": milestone.goal, "back_url": back_url}
    template = f"{SECTION}#milestone-edit-row" if request.htmx else "milestones/edit.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def milestone_done(request: HtmxHttpRequest, public_id) -> HttpResponse:
    milestone = _milestone(request, public_id)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return _refused(
            request, milestone.goal, lambda: _milestone_row(request, milestone, status=422)
        )
    celebrate = False
    if form.cleaned_data["done"]:
        celebrate = services.milestone_complete(milestone=milestone, by=request.user) is not None
        news = "Milestone reached — added to your wins." if celebrate else ""
    elif milestone.done_at is not None:
        services.milestone_reopen(milestone=milestone, by=request.user)
        news = "Milestone reopened — its win is off your journal."
    else:
        news = ""
    if not request.htmx:
        if news:
            messages.success(request, news)
        return _back(milestone.goal, f"milestone-{milestone.public_id}")
    row = _milestone_row(request, milestone, celebrate=celebrate)
    row.content += _oob_progress(request, milestone.goal, news, celebrate).encode()
    return row


@login_required
@require_POST
def milestone_move(request: HtmxHttpRequest, public_id) -> HttpResponse:
    milestone = _milestone(request, public_id)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _section(request, milestone.goal, status=422)  # HTMX targets the section too
    services.milestone_move(milestone=milestone, offset=form.offset)
    if not request.htmx:
        return _back(milestone.goal, f"milestone-{milestone.public_id}")
    return _section(request, milestone.goal)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request: HtmxHttpRequest, public_id) -> HttpResponse:
    milestone = _milestone(request, public_id)
    goal = milestone.goal
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.milestone_delete(milestone=milestone)
        if not request.htmx:
            messages.success(request, f"“{milestone.title}” is deleted.")
            return _back(goal)
        return _section(request, goal, news=f"“{milestone.title}” is deleted.")
    if form.is_bound and request.htmx:
        return _section(request, goal, status=422)
    context = {
        "form": form,
        "object": milestone,
        "goal": goal,
        "kind": "milestone",
        "steps": milestone.steps.count(),
        "back_url": f"{goal_page_url(goal)}#milestone-{milestone.public_id}",
    }
    status = 422 if form.errors else 200
    return render(request, "milestones/confirm_delete.html", context, status=status)


# -- action steps -----------------------------------------------------------------------


def _step_row(request: HtmxHttpRequest, step: ActionStep, *, status: int = 200) -> HttpResponse:
    context = {"step": step, "milestone": step.milestone, "today": timezone.localdate()}
    return render(request, f"{SECTION}#step-row", context, status=status)


@login_required
@require_POST
def step_create(request: HtmxHttpRequest, public_id) -> HttpResponse:
    milestone = _milestone(request, public_id)
    form = StepForm(request.POST)
    if not _save(form, lambda **data: services.step_create(milestone=milestone, **data)):
        extra = {"step_form": form, "step_form_for": milestone.pk}
        if request.htmx:
            return _milestone_row(request, milestone, status=422, **extra)
        return _section(request, milestone.goal, status=422, **extra)
    if not request.htmx:
        messages.success(request, "Step added.")
        return _back(milestone.goal, f"milestone-{milestone.public_id}")
    return _milestone_row(request, milestone, step_added=True)


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request: HtmxHttpRequest, public_id) -> HttpResponse:
    step = _step(request, public_id)
    initial = {"title": step.title, "due_date": step.due_date}
    data = request.POST if request.method == "POST" else None
    form = StepForm(data, initial=initial, auto_id=f"edit-{step.public_id}-%s")
    if request.method == "POST" and _save(
        form, lambda **data: services.step_update(step=step, **data)
    ):
        if not request.htmx:
            return _back(step.milestone.goal, f"step-{step.public_id}")
        step.refresh_from_db()
        return _step_row(request, step)
    status = 422 if form.errors else 200
    context = {
        "form": form,
        "step": step,
        "milestone": step.milestone,
        "goal": step.milestone.goal,
        "back_url": f"{goal_page_url(step.milestone.goal)}#step-{step.public_id}",
    }
    template = f"{SECTION}#step-edit-row" if request.htmx else "milestones/edit.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def step_done(request: HtmxHttpRequest, public_id) -> HttpResponse:
    step = _step(request, public_id)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return _refused(request, step.milestone.goal, lambda: _step_row(request, step, status=422))
    step = services.step_set_done(step=step, done=form.cleaned_data["done"])
    if not request.htmx:
        return _back(step.milestone.goal, f"step-{step.public_id}")
    row = _step_row(request, step)
    milestone = milestone_with_steps(step.milestone)
    count = render_to_string(f"{SECTION}#steps-count", {"milestone": milestone, "oob": True})
    row.content += count.encode()
    return row


@login_required
@require_POST
def step_move(request: HtmxHttpRequest, public_id) -> HttpResponse:
    step = _step(request, public_id)
    form = MoveForm(request.POST)
    milestone = step.milestone
    if not form.is_valid():
        return _refused(
            request, milestone.goal, lambda: _milestone_row(request, milestone, status=422)
        )
    services.step_move(step=step, offset=form.offset)
    if not request.htmx:
        return _back(milestone.goal, f"step-{step.public_id}")
    return _milestone_row(request, milestone)


@login_required
@require_http_methods(["GET", "POST"])
def step_delete(request: HtmxHttpRequest, public_id) -> HttpResponse:
    step = _step(request, public_id)
    milestone = step.milestone
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.step_delete(step=step)
        if not request.htmx:
            messages.success(request, f"“{step.title}” is deleted.")
            return _back(milestone.goal, f"milestone-{milestone.public_id}")
        return _milestone_row(request, milestone)
    if form.is_bound and request.htmx:
        return _milestone_row(request, milestone, status=422)
    context = {
        "form": form,
        "object": step,
        "goal": milestone.goal,
        "kind": "step",
        "back_url": f"{goal_page_url(milestone.goal)}#step-{step.public_id}",
    }
    status = 422 if form.errors else 200
    return render(request, "milestones/confirm_delete.html", context, status=status)
