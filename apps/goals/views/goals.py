"""The goal list, editing a goal with its history, and the SMART check while typing."""

import copy
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import done, posted, render_page
from apps.core.ratelimit import rate_limited
from apps.goals import services, smart
from apps.goals.access import access_goal
from apps.goals.forms import GoalEditForm, GoalFilterForm, SmartCheckForm, add_service_errors
from apps.goals.models import OPEN_STATUSES, Goal, Status
from apps.goals.presentation import goal_tree, smart_context

# Open goals first, then achieved ones, then the rest; the planner's order within each. Sorted
# in Python: the list reads all of the planner's matching goals anyway, and the same order as
# a Case in ORDER BY cost more to build than sorting the rows.
STATUS_RANK = {**dict.fromkeys(OPEN_STATUSES, 0), Status.ACHIEVED: 1}


# What a row shows and `Goal.progress` reads, and of the long-term goal only its link and
# title: the goals' long texts (description, the SMART answers) stay in the database.
LIST_FIELDS = (
    "public_id",
    "title",
    "status",
    "goal_type",
    "horizon",
    "target_date",
    "measure_kind",
    "measure_unit",
    "baseline",
    "target_value",
    "current_value",
    "parent__public_id",
    "parent__title",
)


@login_required
@require_GET
def goal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = GoalFilterForm(request.GET, owner=request.user)
    filters = form.filters()
    query = filters.pop("q", "")
    goals = Goal.objects.owned_by(request.user).filter(**filters)
    if form.unknown_value:
        goals = goals.none()
    if query:
        goals = goals.filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(specific__icontains=query)
        )
    goals = goals.with_progress().select_related("parent").only(*LIST_FIELDS)
    rows = sorted(
        goals.order_by("position", "created_at"), key=lambda goal: STATUS_RANK.get(goal.status, 2)
    )
    searching = bool(filters or query or form.unknown_value)
    context = {
        "form": form,
        "roots": goal_tree(rows, today, list(form.career_values.values()), request.user),
        "count": len(rows),
        "open_count": sum(goal.is_open for goal in rows),
        "searching": searching,
        "unknown_value": form.unknown_value,
        "career_values": form.career_values,
        # Only asked when a search finds nothing, to tell "no match" from "no goals at all".
        "has_goals": bool(rows) or (searching and Goal.objects.owned_by(request.user).exists()),
        "today": today,
        "list_url": reverse("goals:list"),
    }
    return render_page(request, "goals/list.html", context, partial="results")


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    today = timezone.localdate()
    goal = access_goal(
        request.user,
        public_id,
        for_write=True,
        queryset=Goal.objects.select_related("parent").with_progress().prefetch_related("values"),
    )
    # The form works on a copy, so that the page keeps showing the saved goal meanwhile.
    form = GoalEditForm(posted(request), instance=copy.copy(goal), owner=request.user, today=today)
    if form.is_bound and form.is_valid():
        try:
            services.goal_update(
                goal=goal, by=request.user, reason=form.cleaned_data["reason"], **form.goal_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your changes are saved.")
            return done(request, reverse("plan:goal", args=[goal.public_id]))
    if form.is_bound:
        checked = SmartCheckForm(request.POST, owner=request.user)
        draft = checked.draft(milestone_count=goal.milestones_total)
    else:
        names = tuple(value.name for value in goal.values.all())
        draft = smart.draft_for_goal(goal, milestone_count=goal.milestones_total, value_names=names)
    context = {"form": form, "goal": goal, **smart_context(draft, today)}
    return render_page(request, "goals/form.html", context, form=form)


@login_required
@require_POST
@rate_limited("smart_check")
def smart_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The SMART panel for the goal form as it stands, asked for while the planner types."""
    milestone_count = None
    if request.GET.get("goal"):
        counted = Goal.objects.with_progress()
        goal = access_goal(request.user, request.GET["goal"], for_write=True, queryset=counted)
        milestone_count = goal.milestones_total
    draft = SmartCheckForm(request.POST, owner=request.user).draft(milestone_count=milestone_count)
    return render(request, "goals/form.html#smart", smart_context(draft, timezone.localdate()))
