"""A new goal: from a template (whose milestones come along) or from a blank page, optionally
as a stepping stone towards a long-term goal."""

from contextlib import suppress
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import done, render_page
from apps.goals import catalog, smart
from apps.goals.access import access_goal
from apps.goals.forms import GoalForm, SmartCheckForm, add_service_errors
from apps.goals.models import Goal, Horizon
from apps.goals.presentation import goal_url, smart_context
from apps.plan.services import goal_create_from_template


def _initial(request: AuthenticatedHttpRequest, today: date) -> dict[str, Any]:
    """The form's starting values: a template's, and the long-term goal a link came from."""
    template = catalog.template_by_slug(request.GET.get("template"))
    initial = template.initial(today) if template else {}
    if request.GET.get("parent"):
        long_term = Goal.objects.filter(horizon=Horizon.LONG)
        # A link to someone else's goal, or a mangled one, prefills nothing.
        with suppress(Http404):
            initial["parent"] = access_goal(
                request.user, request.GET["parent"], for_write=True, queryset=long_term
            )
    if request.GET.get("horizon") in Horizon.values:
        initial["horizon"] = request.GET["horizon"]
    # "Make this a goal" from a weakness or a skill gap of the self-assessment; a new goal is a
    # professional-development one by default, which is what those are.
    if request.GET.get("title"):
        initial["title"] = request.GET["title"][:200]
    for source in ("from_weakness", "from_skill"):
        if request.GET.get(source):
            initial[source] = request.GET[source][:64]
    return initial


def _draft(initial: dict[str, Any]) -> smart.Draft:
    """The SMART check's view of the starting values, before anything is typed."""
    template = catalog.template_by_slug(initial.get("template"))
    names = set(smart.Draft.__dataclass_fields__) - {"has_parent", "milestone_count"}
    values = {k: v for k, v in initial.items() if k in names and v is not None}
    return smart.Draft(
        **values,
        has_parent=bool(initial.get("parent")),
        milestone_count=len(template.milestones) if template else 0,
    )


def _kept_query(request: AuthenticatedHttpRequest) -> str:
    """The parent and horizon a "new goal" link came with, kept when a template is picked."""
    kept = {k: request.GET[k] for k in ("parent", "horizon") if request.GET.get(k)}
    return f"&{urlencode(kept)}" if kept else ""


def _saved_news(template: catalog.GoalTemplate | None) -> str:
    if template and template.milestones:
        count = len(template.milestones)
        return (
            f"Your goal is saved with {count} suggested milestones."
            " Next: make them yours, or break the first one into steps."
        )
    return "Your goal is saved. Next: break it into milestones."


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.method == "POST":
        form = GoalForm(request.POST, owner=request.user, today=today)
        if form.is_valid():
            template = catalog.template_by_slug(form.cleaned_data["template"])
            try:
                fields = form.new_goal_fields()
                goal = goal_create_from_template(
                    owner=request.user, fields=fields, template=template, today=today
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _saved_news(template))
                return done(request, goal_url(goal))
        draft = SmartCheckForm(request.POST, owner=request.user).draft()
    else:
        initial = _initial(request, today)
        form = GoalForm(initial=initial, owner=request.user, today=today)
        draft = _draft(initial)
    context = {
        "form": form,
        "template": catalog.template_by_slug(form["template"].value()),
        "templates": catalog.TEMPLATES,
        "keep_query": _kept_query(request),
        # Once: not again above a form sent back with errors, nor for a stepping stone, whose
        # shape comes from the goal it serves.
        "show_gallery": request.method == "GET" and not request.GET.get("parent"),
        **smart_context(draft, today),
    }
    return render_page(request, "plan/goal_create.html", context, form=form)
