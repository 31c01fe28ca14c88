"""Goals: the list, creation from templates, the goal page, editing with its history, status,
the SMART check, obstacles and resources. Each view serves its page and its HTMX partial."""

import copy
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from apps.core.dates import span_in_words
from apps.core.htmx import HtmxHttpRequest
from apps.goals import catalog, services, smart
from apps.goals.forms import (
    ConfirmDeleteForm,
    GoalEditForm,
    GoalFilterForm,
    GoalForm,
    ObstacleForm,
    ResourceForm,
    ResourceStatusForm,
    SmartCheckForm,
    StatusForm,
)
from apps.goals.models import (
    OPEN_STATUSES,
    Goal,
    GoalRevision,
    Horizon,
    MeasureKind,
    Obstacle,
    Resource,
    ResourceStatus,
    Status,
    suggested_horizon,
)
from apps.milestones.selectors import milestones_with_steps

# -- small helpers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    text: str
    overdue: bool


def due(goal: Goal, today: date) -> Due | None:
    """ "due in 12 days", "due today", "3 days overdue": the deadline in words."""
    if goal.target_date is None:
        return None
    days = (goal.target_date - today).days
    if not goal.is_open:
        return Due(f"target date {dateformat.format(goal.target_date, 'j M Y')}", False)
    if days < 0:
        return Due(f"{span_in_words(-days)} overdue", True)
    if days == 0:
        return Due("due today", False)
    if days == 1:
        return Due("due tomorrow", False)
    return Due(f"due in {span_in_words(days)}", False)


def _number(value: Decimal) -> str:
    """12.50 as "12.5", 5.00 as "5": a stored number as a person writes it."""
    return f"{value.normalize():f}"


def progress_text(goal: Goal) -> str:
    """What the progress bar means, in words. Needs `with_progress()`."""
    if goal.measure_kind == MeasureKind.NUMBER and goal.target_value is not None:
        now = goal.current_value if goal.current_value is not None else goal.baseline
        unit = f" {goal.measure_unit}" if goal.measure_unit else ""
        start = f" (from {_number(goal.baseline)})" if goal.baseline is not None else ""
        return f"{_number(now or Decimal(0))} of {_number(goal.target_value)}{unit}{start}"
    total = getattr(goal, "milestones_total", 0)
    if not total:
        return "No milestones yet"
    return f"{goal.milestones_done} of {total} milestone{'' if total == 1 else 's'} done"


def _decorate(goal: Goal, today: date) -> Goal:
    goal.due = due(goal, today)
    goal.progress_text = progress_text(goal)
    return goal


def _add_errors(form: Form, error: ValidationError) -> None:
    """A service's ValidationError, next to the fields it names when the form has them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _done(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """After a successful write: a redirect, or for HTMX a client-side one."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _posted(request: HtmxHttpRequest):
    """The POST data to bind a form to, or None on GET. An empty POST still binds."""
    return request.POST if request.method == "POST" else None


def _editable_goal(request: HtmxHttpRequest, public_id: uuid.UUID) -> Goal:
    return get_object_or_404(Goal.objects.editable_by(request.user), public_id=public_id)


# -- the list ---------------------------------------------------------------------------


def _tree(goals: list[Goal]) -> list[Goal]:
    """Top-level goals, each with `stones`: the listed goals that serve it."""
    by_pk = {goal.pk: goal for goal in goals}
    roots = []
    for goal in goals:
        goal.stones = []
    for goal in goals:
        parent = by_pk.get(goal.parent_id)
        if parent is not None:
            parent.stones.append(goal)
        else:
            roots.append(goal)
    return roots


@login_required
@require_GET
def goal_list(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = GoalFilterForm(request.GET)
    filters = form.filters()
    query = filters.pop("q", "")
    goals = Goal.objects.visible_to(request.user).filter(**filters)
    if query:
        goals = goals.filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(specific__icontains=query)
        )
    rank = Case(
        When(status__in=OPEN_STATUSES, then=Value(0)),
        When(status=Status.ACHIEVED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    goals = goals.with_progress().select_related("parent").order_by(rank, "position", "created_at")
    rows = [_decorate(goal, today) for goal in goals]
    searching = bool(filters or query)
    context = {
        "form": form,
        "roots": _tree(rows),
        "count": len(rows),
        "open_count": sum(goal.is_open for goal in rows),
        "searching": searching,
        # Only asked when a search finds nothing, to tell "no match" from "no goals at all".
        "has_goals": bool(rows) or (searching and Goal.objects.visible_to(request.user).exists()),
        "today": today,
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, "goals/list.html#results" if partial else "goals/list.html", context)


# -- creating and editing ---------------------------------------------------------------


def _create_initial(request: HtmxHttpRequest, today: date) -> dict:
    """The form's starting values: a template's, and the long-term goal a link came from."""
    template = catalog.template_by_slug(request.GET.get("template"))
    initial = template.initial(today) if template else {}
    try:
        parent_id = uuid.UUID(request.GET.get("parent", ""))
    except ValueError:
        parent_id = None
    if parent_id:
        parents = Goal.objects.editable_by(request.user).filter(horizon=Horizon.LONG)
        initial["parent"] = parents.filter(public_id=parent_id).first()
    if request.GET.get("horizon") in Horizon.values:
        initial["horizon"] = request.GET["horizon"]
    return initial


def _smart_context(draft: smart.Draft, today: date) -> dict:
    verdicts = smart.assess(draft, today=today)
    return {
        "verdicts": verdicts,
        "smart_all_met": smart.all_met(verdicts),
        "met_count": sum(v.state == smart.MET for v in verdicts),
        "suggested_horizon": Horizon(suggested_horizon(draft.target_date, today)).label,
    }


def _draft_from_initial(initial: dict) -> smart.Draft:
    template = catalog.template_by_slug(initial.get("template"))
    names = set(smart.Draft.__dataclass_fields__) - {"has_parent", "milestone_count"}
    values = {k: v for k, v in initial.items() if k in names and v is not None}
    return smart.Draft(
        **values,
        has_parent=bool(initial.get("parent")),
        milestone_count=len(template.milestones) if template else 0,
    )


def _keep_query(request: HtmxHttpRequest) -> str:
    """The parent and horizon a "new goal" link came with, kept when a template is picked."""
    kept = {k: request.GET[k] for k in ("parent", "horizon") if request.GET.get(k)}
    return f"&{urlencode(kept)}" if kept else ""


def _form_page(request, form, *, goal=None, draft, today, template=None) -> HttpResponse:
    context = {
        "form": form,
        "goal": goal,
        "template": template,
        "templates": catalog.TEMPLATES,
        "keep_query": _keep_query(request),
        **_smart_context(draft, today),
    }
    name = "goals/form.html#goal-form" if request.htmx else "goals/form.html"
    return render(request, name, context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HtmxHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    if request.method == "POST":
        form = GoalForm(request.POST, owner=request.user, today=today)
        if form.is_valid():
            template = catalog.template_by_slug(form.cleaned_data["template"])
            plan = template.milestone_plan(today) if template else []
            try:
                goal = services.goal_create(
                    owner=request.user, milestones=plan, **form.goal_fields()
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, "Your goal is saved. Next: break it into milestones.")
                return _done(request, reverse("goals:detail", args=[goal.public_id]))
        draft = SmartCheckForm(request.POST, owner=request.user).draft()
    else:
        initial = _create_initial(request, today)
        form = GoalForm(initial=initial, owner=request.user, today=today)
        draft = _draft_from_initial(initial)
    template = catalog.template_by_slug(form["template"].value())
    return _form_page(request, form, draft=draft, today=today, template=template)


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    today = timezone.localdate()
    goal = get_object_or_404(
        Goal.objects.editable_by(request.user)
        .select_related("parent")
        .annotate(milestone_count=Count("milestones")),
        public_id=public_id,
    )
    # The form works on a copy, so that the page keeps showing the saved goal meanwhile.
    form = GoalEditForm(_posted(request), instance=copy.copy(goal), owner=request.user, today=today)
    if form.is_bound and form.is_valid():
        try:
            services.goal_update(
                goal=goal, by=request.user, reason=form.cleaned_data["reason"], **form.goal_fields()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Your changes are saved.")
            return _done(request, reverse("goals:detail", args=[goal.public_id]))
    if form.is_bound:
        draft = SmartCheckForm(request.POST, owner=request.user).draft(
            milestone_count=goal.milestone_count
        )
    else:
        draft = smart.draft_for_goal(goal, milestone_count=goal.milestone_count)
    return _form_page(request, form, goal=goal, draft=draft, today=today)


@login_required
@require_POST
def smart_check(request: HtmxHttpRequest) -> HttpResponse:
    """The SMART panel for the goal form as it stands, asked for while the planner types."""
    milestone_count = None
    if request.GET.get("goal"):
        try:
            goal_id = uuid.UUID(request.GET["goal"])
        except ValueError:
            raise Http404 from None
        goal = get_object_or_404(
            Goal.objects.editable_by(request.user).annotate(n=Count("milestones")),
            public_id=goal_id,
        )
        milestone_count = goal.n
    draft = SmartCheckForm(request.POST, owner=request.user).draft(milestone_count=milestone_count)
    context = _smart_context(draft, timezone.localdate())
    return render(request, "goals/form.html#smart", context)


# -- the goal page ----------------------------------------------------------------------

FIELD_LABELS = {
    "title": "Title",
    "specific": "What exactly",
    "measure_kind": "Measured",
    "measure_unit": "Unit",
    "baseline": "Starting point",
    "target_value": "Target",
    "achievable": "What it takes",
    "relevant": "Why it matters",
    "target_date": "Target date",
    "horizon": "Horizon",
    "status": "Status",
    "urgent": "Urgent",
    "important": "Important",
    "parent_id": "Serves",
}
CHOICE_LABELS = {
    "measure_kind": dict(MeasureKind.choices),
    "horizon": dict(Horizon.choices),
    "status": dict(Status.choices),
}


def _in_words(field: str, value, titles: dict) -> str:
    if value is None or value == "":
        return "nothing"
    if field == "parent_id":
        return f"“{titles.get(value, 'a goal since deleted')}”"
    if field in CHOICE_LABELS:
        return str(CHOICE_LABELS[field].get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field == "target_date":
        return dateformat.format(date.fromisoformat(value), "j M Y")
    if field in ("baseline", "target_value"):
        return str(value)
    text = str(value)
    return f"“{text[:77]}…”" if len(text) > 80 else f"“{text}”"


def _history(user, revisions: list[GoalRevision]) -> list[dict]:
    """Each revision as who, when, why and what changed from what to what, in words."""
    parent_ids = {
        v for r in revisions for v in r.changes.get("parent_id", []) if isinstance(v, int)
    }
    titles = {}
    if parent_ids:
        titles = dict(
            Goal.objects.visible_to(user).filter(pk__in=parent_ids).values_list("pk", "title")
        )
    entries = []
    for revision in revisions:
        changes = [
            {
                "label": FIELD_LABELS.get(field, field),
                "before": _in_words(field, before, titles),
                "after": _in_words(field, after, titles),
            }
            for field, (before, after) in revision.changes.items()
        ]
        entries.append({"revision": revision, "changes": changes})
    return entries


def _obstacles_context(goal: Goal, form: ObstacleForm | None = None) -> dict:
    return {
        "goal": goal,
        "obstacles": list(goal.obstacles.all()),
        "obstacle_form": form or ObstacleForm(),
    }


def _resources_context(goal: Goal, form: ResourceForm | None = None) -> dict:
    resources = list(goal.resources.all())
    for resource in resources:
        resource.next_status, resource.next_label = NEXT_STATUS[resource.status]
    return {
        "goal": goal,
        "resources": resources,
        "resources_done": sum(r.status == ResourceStatus.DONE for r in resources),
        "resource_form": form or ResourceForm(),
    }


def _follow_up(goal: Goal) -> dict | None:
    """What could come next once `goal` is achieved."""
    if goal.status != Status.ACHIEVED:
        return None
    if goal.parent is not None and goal.parent.is_open:
        query = f"?parent={goal.parent.public_id}&horizon={Horizon.SHORT}"
        text = f"Add the next stepping stone towards “{goal.parent.title}”"
        return {"text": text, "query": query}
    template = catalog.follow_up_for(goal.goal_type)
    if template is None:
        return None
    return {"text": f"Build on it: {template.title.lower()}", "query": f"?template={template.slug}"}


def _detail_context(request: HtmxHttpRequest, goal: Goal, **forms) -> dict:
    today = timezone.localdate()
    milestones = milestones_with_steps(goal)
    children = Goal.objects.visible_to(request.user).filter(parent=goal).with_progress()
    revisions = list(goal.revisions.select_related("author"))
    draft = smart.draft_for_goal(goal, milestone_count=len(milestones))
    return {
        "goal": _decorate(goal, today),
        "today": today,
        "milestones": milestones,
        "children": [_decorate(child, today) for child in children.in_order()],
        "history": _history(request.user, revisions),
        "can_edit": goal.owner_id == request.user.pk,
        "status_form": forms.get("status_form") or StatusForm(),
        "follow_up": _follow_up(goal),
        **_smart_context(draft, today),
        **_obstacles_context(goal, forms.get("obstacle_form")),
        **_resources_context(goal, forms.get("resource_form")),
    }


def _goal_for_page(request: HtmxHttpRequest, public_id: uuid.UUID) -> Goal:
    goals = Goal.objects.visible_to(request.user).with_progress().select_related("parent")
    return get_object_or_404(goals, public_id=public_id)


@login_required
@require_GET
def goal_detail(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    goal = _goal_for_page(request, public_id)
    return render(request, "goals/detail.html", _detail_context(request, goal))


STATUS_MESSAGES = {
    Status.ACTIVE: "“{}” is active. Onwards!",
    Status.ON_HOLD: "“{}” is on hold. Pick it up again whenever you are ready.",
    Status.ACHIEVED: "You did it! “{}” is achieved — it is in your wins journal now.",
    Status.ABANDONED: "You let “{}” go. That is a decision too; your reason is in its history.",
}


@login_required
@require_POST
def goal_status(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    goal = _editable_goal(request, public_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        try:
            services.goal_set_status(
                goal=goal, by=request.user, status=status, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            celebrate = "celebrate" if status == Status.ACHIEVED else ""
            messages.success(request, STATUS_MESSAGES[status].format(goal.title), celebrate)
            return _done(request, reverse("goals:detail", args=[goal.public_id]))
    if request.htmx:
        context = {"goal": goal, "status_form": form, "can_edit": True}
        return render(request, "goals/detail.html#status-form", context, status=422)
    context = _detail_context(request, _goal_for_page(request, public_id), status_form=form)
    return render(request, "goals/detail.html", context, status=422)


def _confirm_delete(request, form, *, what: str, note: str = "", **context) -> HttpResponse:
    """The confirmation page of a delete. `context`: title, back (URL), action (URL)."""
    context.update(form=form, what=what, note=note)
    name = "goals/confirm_delete.html#confirm" if request.htmx else "goals/confirm_delete.html"
    return render(request, name, context, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    goal = get_object_or_404(
        Goal.objects.editable_by(request.user).with_progress(), public_id=public_id
    )
    form = ConfirmDeleteForm(_posted(request))
    if form.is_bound and form.is_valid():
        services.goal_delete(goal=goal)
        messages.success(request, f"“{goal.title}” is deleted.")
        return _done(request, reverse("goals:list"))
    total = goal.milestones_total
    note = f"Its {total} milestone{'' if total == 1 else 's'}, " if total else "Its "
    note += "obstacles, resources and history go with it. Wins you recorded stay in your journal."
    return _confirm_delete(
        request,
        form,
        what="goal",
        title=goal.title,
        back=reverse("goals:detail", args=[goal.public_id]),
        action=reverse("goals:delete", args=[goal.public_id]),
        note=note,
    )


# -- obstacles --------------------------------------------------------------------------


def _goal_url(goal: Goal, anchor: str) -> str:
    return reverse("goals:detail", args=[goal.public_id]) + f"#{anchor}"


def _obstacle(request: HtmxHttpRequest, public_id: uuid.UUID) -> Obstacle:
    obstacles = Obstacle.objects.editable_by(request.user).select_related("goal")
    return get_object_or_404(obstacles, public_id=public_id)


def _obstacle_page(request, form, *, goal: Goal, obstacle: Obstacle | None = None):
    context = {"form": form, "goal": goal, "obstacle": obstacle}
    name = "goals/obstacle_form.html#obstacle-form" if request.htmx else "goals/obstacle_form.html"
    return render(request, name, context, status=422 if form.errors else 200)


def _obstacles_section(request, goal: Goal, form: ObstacleForm | None = None) -> HttpResponse:
    status = 422 if form is not None and form.errors else 200
    context = {**_obstacles_context(goal, form), "can_edit": True}
    return render(request, "goals/detail.html#obstacles", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_create(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    goal = _editable_goal(request, public_id)
    form = ObstacleForm(_posted(request))
    if form.is_bound and form.is_valid():
        services.obstacle_create(goal=goal, **form.obstacle_fields())
        if request.htmx:
            return _obstacles_section(request, goal)
        messages.success(request, "Obstacle noted — and you have a plan for it.")
        return redirect(_goal_url(goal, "obstacles"))
    if request.htmx and form.is_bound:
        return _obstacles_section(request, goal, form)
    return _obstacle_page(request, form, goal=goal)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_edit(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    obstacle = _obstacle(request, public_id)
    form = ObstacleForm(_posted(request), instance=copy.copy(obstacle))
    if form.is_bound and form.is_valid():
        services.obstacle_update(obstacle=obstacle, **form.obstacle_fields())
        messages.success(request, "Obstacle updated.")
        return _done(request, _goal_url(obstacle.goal, f"obstacle-{obstacle.public_id}"))
    return _obstacle_page(request, form, goal=obstacle.goal, obstacle=obstacle)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_delete(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    obstacle = _obstacle(request, public_id)
    form = ConfirmDeleteForm(_posted(request))
    if form.is_bound and form.is_valid():
        services.obstacle_delete(obstacle=obstacle)
        if request.htmx:
            return _obstacles_section(request, obstacle.goal)
        messages.success(request, "Obstacle removed.")
        return redirect(_goal_url(obstacle.goal, "obstacles"))
    return _confirm_delete(
        request,
        form,
        what="obstacle",
        title=str(obstacle),
        back=_goal_url(obstacle.goal, "obstacles"),
        action=reverse("goals:obstacle-delete", args=[obstacle.public_id]),
    )


# -- resources --------------------------------------------------------------------------

NEXT_STATUS = {
    ResourceStatus.TODO: (ResourceStatus.IN_PROGRESS, "Start"),
    ResourceStatus.IN_PROGRESS: (ResourceStatus.DONE, "Mark done"),
    ResourceStatus.DONE: (ResourceStatus.TODO, "Reopen"),
}


def _resource(request: HtmxHttpRequest, public_id: uuid.UUID) -> Resource:
    resources = Resource.objects.editable_by(request.user).select_related("goal")
    return get_object_or_404(resources, public_id=public_id)


def _resource_page(request, form, *, goal: Goal, resource: Resource | None = None):
    context = {"form": form, "goal": goal, "resource": resource}
    name = "goals/resource_form.html#resource-form" if request.htmx else "goals/resource_form.html"
    return render(request, name, context, status=422 if form.errors else 200)


def _resources_section(request, goal: Goal, form: Form | None = None) -> HttpResponse:
    status = 422 if form is not None and form.errors else 200
    resource_form = form if isinstance(form, ResourceForm) else None
    context = {**_resources_context(goal, resource_form), "can_edit": True}
    return render(request, "goals/detail.html#resources", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def resource_create(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    goal = _editable_goal(request, public_id)
    form = ResourceForm(_posted(request))
    if form.is_bound and form.is_valid():
        services.resource_create(goal=goal, **form.resource_fields())
        if request.htmx:
            return _resources_section(request, goal)
        messages.success(request, "Resource added.")
        return redirect(_goal_url(goal, "resources"))
    if request.htmx and form.is_bound:
        return _resources_section(request, goal, form)
    return _resource_page(request, form, goal=goal)


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    resource = _resource(request, public_id)
    form = ResourceForm(_posted(request), instance=copy.copy(resource))
    if form.is_bound and form.is_valid():
        services.resource_update(resource=resource, **form.resource_fields())
        messages.success(request, "Resource updated.")
        return _done(request, _goal_url(resource.goal, f"resource-{resource.public_id}"))
    return _resource_page(request, form, goal=resource.goal, resource=resource)


@login_required
@require_POST
def resource_status(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    resource = _resource(request, public_id)
    form = ResourceStatusForm(request.POST)
    if form.is_valid():
        services.resource_update(resource=resource, status=form.cleaned_data["status"])
        if request.htmx:
            return _resources_section(request, resource.goal)
        return redirect(_goal_url(resource.goal, f"resource-{resource.public_id}"))
    if request.htmx:
        return _resources_section(request, resource.goal, form)
    messages.error(request, "That status is not one of the choices; nothing changed.")
    goal = _goal_for_page(request, resource.goal.public_id)
    return render(request, "goals/detail.html", _detail_context(request, goal), status=422)


@login_required
@require_http_methods(["GET", "POST"])
def resource_delete(request: HtmxHttpRequest, public_id: uuid.UUID) -> HttpResponse:
    resource = _resource(request, public_id)
    form = ConfirmDeleteForm(_posted(request))
    if form.is_bound and form.is_valid():
        services.resource_delete(resource=resource)
        if request.htmx:
            return _resources_section(request, resource.goal)
        messages.success(request, "Resource removed.")
        return redirect(_goal_url(resource.goal, "resources"))
    return _confirm_delete(
        request,
        form,
        what="resource",
        title=resource.title,
        back=_goal_url(resource.goal, "resources"),
        action=reverse("goals:resource-delete", args=[resource.public_id]),
    )
