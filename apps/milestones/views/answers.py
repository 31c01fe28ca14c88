"""What the milestone and step views answer with.

A plain form post is redirected back to the goal page, at the row it changed, with its news as
a flash message. An HTMX post gets the fragment of milestones/list.html that it swaps and, for
what changed outside that fragment, an HX-Trigger event that the parts showing it listen for:
`goal-progress` (the goal's milestone counts changed) and `steps-changed` (a milestone's step
count changed).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django_htmx.http import trigger_client_event

from apps.accounts.http import AuthenticatedHttpRequest
from apps.goals.access import access_goal
from apps.goals.models import Goal
from apps.milestones.models import Milestone
from apps.milestones.rows import milestone_row, milestone_rows
from apps.milestones.selectors import milestone_with_steps, milestones_with_steps

PAGE = "milestones/list.html"
EDIT_PAGE = "milestones/edit.html"


def goal_page_url(goal: Goal, anchor: str) -> str:
    return f"{reverse('plan:goal', kwargs={'public_id': goal.public_id})}#{anchor}"


def back(goal: Goal, anchor: str = "milestones") -> HttpResponse:
    """After a plain form post: the goal page, scrolled to what changed."""
    return redirect(goal_page_url(goal, anchor))


def saved(form: Form, write: Callable[[dict[str, Any]], object]) -> bool:
    """Run `write` with the form's data; a service's objections become form errors."""
    if not form.is_valid():
        return False
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def page_context(
    request: AuthenticatedHttpRequest, goal: Goal, **extra: object
) -> dict[str, object]:
    """The whole page of `goal`'s milestones, its progress counted afresh."""
    goal = access_goal(
        request.user, goal.public_id, for_write=True, queryset=Goal.objects.with_progress()
    )
    return list_context(goal, **extra)


def list_context(goal: Goal, **extra: object) -> dict[str, object]:
    today = timezone.localdate()
    rows = milestone_rows(milestones_with_steps(goal), today)
    return {"goal": goal, "milestone_rows": rows, "today": today, **extra}


def row_context(milestone: Milestone, **extra: object) -> dict[str, object]:
    """What the row partial of `milestone` needs (`row`, as the section's loop names it)."""
    milestone = milestone_with_steps(milestone)
    today = timezone.localdate()
    return {"row": milestone_row(milestone, today), "goal": milestone.goal, "today": today, **extra}


def refused(request: AuthenticatedHttpRequest, goal: Goal) -> HttpResponse:
    """A post that our pages never send (a tick without a state, a move without a way):
    nothing changes, and the page says so with a 422."""
    return render(request, PAGE, page_context(request, goal), status=422)


def progress_changed(response: HttpResponse, goal: Goal) -> HttpResponse:
    trigger_client_event(response, "goal-progress", {"goal": goal.pid})
    return response


def steps_changed(response: HttpResponse, milestone: Milestone) -> HttpResponse:
    trigger_client_event(response, "steps-changed", {"milestone": milestone.pid})
    return response
