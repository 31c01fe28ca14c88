"""Adding, editing, ticking, reordering and deleting the milestones of a goal."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import confirm_delete, posted, render_page
from apps.core.ratelimit import rate_limited
from apps.goals.access import access_goal
from apps.goals.models import Goal
from apps.milestones import services
from apps.milestones.access import access_milestone
from apps.milestones.forms import DeleteForm, DoneForm, MilestoneForm, MoveForm
from apps.milestones.models import Milestone
from apps.milestones.views.answers import (
    EDIT_PAGE,
    PAGE,
    back,
    goal_page_url,
    list_context,
    page_context,
    progress_changed,
    refused,
    row_context,
    saved,
)


@login_required
@require_GET
def milestone_list(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """The page, its section for HTMX, or the header's progress for HX-Target goal-progress."""
    progress = Goal.objects.with_progress()
    goal = access_goal(request.user, public_id, for_write=True, queryset=progress)
    if request.htmx.target == "goal-progress":
        return render_page(request, PAGE, {"goal": goal}, partial="goal-progress")
    return render_page(request, PAGE, list_context(goal), partial="section")


@login_required
@require_http_methods(["GET", "POST"])
def milestone_create(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """GET: the add form, asked for (the goal page shows a button until then), as the
    section's fragment for HTMX or, without JavaScript, on the milestones page. POST: add."""
    goal = access_goal(request.user, public_id, for_write=True)
    if request.method == "GET":
        context = page_context(request, goal, adding=True)
        return render_page(request, PAGE, context, partial="new-milestone")
    form = MilestoneForm.new(request.POST, goal=goal)
    if not saved(
        form,
        lambda data: services.milestone_create(
            goal=goal,
            title=data["title"],
            description=data["description"],
            due_date=data["due_date"],
        ),
    ):
        context = page_context(request, goal, milestone_form=form)
        return render_page(request, PAGE, context, partial="items", form=form)
    messages.success(request, "Milestone added. Break it into steps when you are ready.")
    if not request.htmx:
        return back(goal)
    # The form stays open with its title focused: the keyboard is where the next one goes.
    response = render(request, f"{PAGE}#items-answer", list_context(goal, adding=True))
    return progress_changed(response, goal)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    milestone = access_milestone(request.user, public_id, for_write=True)
    initial = {f: getattr(milestone, f) for f in ("title", "description", "due_date")}
    form = MilestoneForm(
        posted(request), initial=initial, goal=milestone.goal, auto_id=f"edit-{milestone.pid}-%s"
    )
    if form.is_bound and saved(
        form,
        lambda data: services.milestone_update(
            milestone=milestone,
            title=data["title"],
            description=data["description"],
            due_date=data["due_date"],
        ),
    ):
        if not request.htmx:
            return back(milestone.goal, f"milestone-{milestone.pid}")
        return render(request, f"{PAGE}#milestone-row", row_context(milestone))
    context = {"form": form, "milestone": milestone, "goal": milestone.goal}
    return render_page(request, EDIT_PAGE, context, partial="milestone-edit-row", form=form)


def _reached_news() -> str:
    return format_html(
        '<span class="celebration-mark" aria-hidden="true">🎉</span> '
        'Milestone reached — added to your wins. <a href="{}">See your wins</a>',
        reverse("wins:list"),
    )


def _set_done(request: AuthenticatedHttpRequest, milestone: Milestone, done: bool) -> bool:
    """Tick or untick, with the news as a flash message. False when it already was so."""
    if done:
        if services.milestone_complete(milestone=milestone, by=request.user) is None:
            return False
        messages.success(request, _reached_news(), extra_tags="celebration")
    elif milestone.done_at is not None:
        services.milestone_reopen(milestone=milestone, by=request.user)
        messages.success(request, "Milestone reopened — its win is off your journal.")
    else:
        return False
    return True


@login_required
@require_POST
def milestone_done(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """The state asked for (done or not), so a double click cannot undo itself."""
    milestone = access_milestone(request.user, public_id, for_write=True)
    form = DoneForm(request.POST)
    if not form.is_valid():
        return refused(request, milestone.goal)
    done = form.cleaned_data["done"]
    changed = _set_done(request, milestone, done)
    if not request.htmx:
        return back(milestone.goal, f"milestone-{milestone.pid}")
    context = row_context(milestone, celebrate=changed and done)
    response = render(request, f"{PAGE}#milestone-answer", context)
    return progress_changed(response, milestone.goal) if changed else response


@login_required
@require_POST
@rate_limited("reorder")
def milestone_move(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    milestone = access_milestone(request.user, public_id, for_write=True)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return refused(request, milestone.goal)
    services.milestone_move(milestone=milestone, offset=form.offset)
    if not request.htmx:
        return back(milestone.goal, f"milestone-{milestone.pid}")
    return render(request, f"{PAGE}#items", list_context(milestone.goal))


def _delete_note(milestone: Milestone) -> str:
    steps: int = getattr(milestone, "steps_total", 0)
    note = ""
    if steps:
        note = f"Its {steps} step{'s go' if steps > 1 else ' goes'} with it. "
    if milestone.done_at:
        note += "The win you recorded when you reached it stays in your journal."
    return note.strip()


@login_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    counted = Milestone.objects.select_related("goal").annotate(steps_total=Count("steps"))
    milestone = access_milestone(request.user, public_id, for_write=True, queryset=counted)
    goal = milestone.goal
    form = DeleteForm(posted(request))
    if not form.is_valid():
        return confirm_delete(
            request,
            form,
            what="milestone",
            title=milestone.title,
            note=_delete_note(milestone),
            action=reverse("milestones:delete", kwargs={"public_id": milestone.public_id}),
            back=goal_page_url(goal, f"milestone-{milestone.pid}"),
        )
    services.milestone_delete(milestone=milestone)
    messages.success(request, f"“{milestone.title}” is deleted.")
    if not request.htmx:
        return back(goal)
    response = render(request, f"{PAGE}#items-answer", list_context(goal))
    return progress_changed(response, goal)
