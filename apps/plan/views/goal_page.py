"""The goal page: the goal with its milestones, obstacles, resources, history and SMART check;
and the two actions that answer with it, changing the goal's status and deleting it."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.assessment.models import Insight, Skill
from apps.core import scope
from apps.core.htmx import confirm_delete, done, posted, render_page
from apps.core.sharing import panels, viewed
from apps.goals import catalog, services, smart
from apps.goals.access import access_goal
from apps.goals.forms import ConfirmDeleteForm, ProgressForm, StatusForm, add_service_errors
from apps.goals.models import Goal, Horizon, MeasureKind, Status
from apps.goals.presentation import (
    deadline,
    goal_url,
    history,
    obstacles_context,
    progress_text,
    resources_context,
    smart_context,
)
from apps.goals.selectors import revisions_of, stepping_stones, values_served
from apps.milestones.models import Milestone
from apps.milestones.rows import SECTION_DEFAULTS, milestone_rows
from apps.milestones.selectors import milestones_with_steps
from apps.plan.progress_history import goal_progress_chart

STATUS_MESSAGES = {
    Status.ACTIVE: "“{}” is active. Onwards!",
    Status.ON_HOLD: "“{}” is on hold. Pick it up again whenever you are ready.",
    Status.ACHIEVED: "You did it! “{}” is achieved — it is in your wins journal now.",
    Status.ABANDONED: "You let “{}” go. That is a decision too; your reason is in its history.",
}


def _follow_up(goal: Goal) -> dict[str, str] | None:
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


def _goal(
    request: AuthenticatedHttpRequest,
    public_id: UUID,
    *,
    for_write: bool = False,
    counted: bool = True,
) -> Goal:
    """The goal as the page shows it: with the goal it serves and, unless `counted` is False
    (the page counts its milestones from the list it shows), its progress."""
    # The weakness or skill gap a goal grew from is read only for its owner, and only when
    # there is one (`_origin`): joining both into every visit's query cost more than the
    # query it saves on the few goals that have one.
    page = Goal.objects.select_related("parent")
    if counted:
        page = page.with_progress()
    return access_goal(request.user, public_id, for_write=for_write, queryset=page)


def _origin(goal: Goal) -> dict[str, Any]:
    """The career values `goal` serves, and the weakness or skill gap it started from."""
    source: Insight | Skill | None = None
    if goal.source_weakness_id:
        source = goal.source_weakness
    elif goal.source_skill_id:
        source = goal.source_skill
    return {"served_values": values_served(goal), "source": source}


def milestones_key(goal: Goal) -> tuple[str, int]:
    return ("plan.goal-milestones", goal.pk)


def _milestones(goal: Goal) -> list[Milestone]:
    """The goal's milestones with their steps, kept for the rest of the request: a part that
    another app adds to the page (the conversation's "about a milestone") reads them under
    `milestones_key` instead of asking again."""
    return scope.remember(milestones_key(goal), lambda: milestones_with_steps(goal))


def goal_page_context(
    viewer: User,
    goal: Goal,
    status_form: StatusForm | None = None,
    progress_form: ProgressForm | None = None,
) -> dict[str, Any]:
    """What the goal page shows `viewer`: everything to its owner, a read-only page to a
    reader (a mentor, or the planner previewing what their mentor sees)."""
    today = timezone.localdate()
    milestones = _milestones(goal)
    # The counts behind the progress bar, from the list the page shows anyway: counting them
    # in the goal's query grouped it by every column of the goal and the rows it joins.
    goal.milestones_total = len(milestones)
    goal.milestones_done = sum(1 for milestone in milestones if milestone.done_at)
    can_edit = goal.owner_id == viewer.pk
    # Its owner sees every stepping stone; a reader only those shared with them, which the
    # ORM's `visible_to` decides.
    children = (
        stepping_stones(goal)
        if can_edit
        else list(Goal.objects.visible_to(viewer).filter(parent=goal).with_progress().in_order())
    )
    # The history of adjustments (with their reasons) is the planner's own working record; a
    # reader sees the goal as it stands.
    revisions = revisions_of(goal) if can_edit else []
    # The values served and the weakness or skill gap it grew from are the planner's
    # self-assessment, which a reader of the goal does not see through the goal.
    origin = _origin(goal) if can_edit else {"served_values": [], "source": None}
    names = tuple(value.name for value in origin["served_values"])
    draft = smart.draft_for_goal(goal, milestone_count=len(milestones), value_names=names)
    return {
        "goal": goal,
        "due": deadline(goal, today),
        "progress_text": progress_text(goal),
        "today": today,
        "milestones": milestones,
        **SECTION_DEFAULTS,
        "milestone_rows": milestone_rows(milestones, today),
        "children": children,
        "history": history(viewer, revisions),
        "can_edit": can_edit,
        "status_form": status_form or StatusForm(),
        "progress_form": progress_form or ProgressForm.for_goal(goal),
        "follow_up": _follow_up(goal),
        **origin,
        "progress_chart": goal_progress_chart(goal, revisions=revisions, milestones=milestones),
        "progress_chart_caption": (
            "Progress of your number towards its target"
            if goal.measure_kind == MeasureKind.NUMBER
            else "Progress as you reached each milestone"
        ),
        **smart_context(draft, today),
        **obstacles_context(goal),
        **resources_context(goal),
    }


@login_required
@require_GET
def goal_page(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = _goal(request, public_id, counted=False)
    context = goal_page_context(request.user, goal)
    # Who else sees it ("Shared with …"), from the app that shares it; a reader's visit is
    # recorded there too.
    context["sharing_notes"] = viewed("goal", viewer=request.user, obj=goal)
    # Parts other apps add for this reader (the conversation with a mentor).
    context["panels"] = panels("goal", viewer=request.user, obj=goal)
    return render(request, "plan/goal.html", context)


@login_required
@require_POST
def goal_status(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = _goal(request, public_id, for_write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        status = form.cleaned_data["status"]
        try:
            services.goal_set_status(
                goal=goal, by=request.user, status=status, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            celebrate = "celebrate" if status == Status.ACHIEVED else ""
            messages.success(request, STATUS_MESSAGES[status].format(goal.title), celebrate)
            return done(request, goal_url(goal))
    return render_page(
        request, "plan/goal.html", goal_page_context(request.user, goal, form), form=form
    )


@login_required
@require_POST
def goal_progress(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """Update a number-tracked goal's number from its page. HTMX gets the progress part back,
    and an event for the history, which fetches itself."""
    goal = _goal(request, public_id, for_write=True)
    form = ProgressForm.for_goal(goal, request.POST)
    if form.is_valid():
        try:
            services.goal_record_progress(
                goal=goal,
                by=request.user,
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        context = goal_page_context(request.user, goal, progress_form=form)
        return render_page(request, "plan/goal.html", context, partial="progress", form=form)
    goal = _goal(request, public_id)
    messages.success(request, f"Progress updated: {progress_text(goal)}.")
    if not request.htmx:
        return redirect(goal_url(goal) + "#plan-heading")
    response = render(request, "plan/goal.html#progress", goal_page_context(request.user, goal))
    response["HX-Trigger"] = "goal-history"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = access_goal(
        request.user, public_id, for_write=True, queryset=Goal.objects.with_progress()
    )
    form = ConfirmDeleteForm(posted(request))
    if form.is_bound and form.is_valid():
        services.goal_delete(goal=goal)
        messages.success(request, f"“{goal.title}” is deleted.")
        return done(request, reverse("goals:list"))
    total = goal.milestones_total
    note = f"Its {total} milestone{'' if total == 1 else 's'}, " if total else "Its "
    note += "obstacles, resources and history go with it. Wins you recorded stay in your journal."
    return confirm_delete(
        request,
        form,
        what="goal",
        title=goal.title,
        note=note,
        back=goal_url(goal),
        action=reverse("plan:goal-delete", args=[goal.public_id]),
    )
