"""The check-in pages: start or resume, review, summary, history."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.assessment.selectors import since_last_snapshot
from apps.checkins import charts
from apps.checkins.access import access_checkin, draft_of, schedule_of
from apps.checkins.forms import CheckInForm
from apps.checkins.models import CheckIn, CheckInGoal
from apps.checkins.services.checkins import (
    GoalUpdate,
    active_goals,
    checkin_complete,
    checkin_save,
    checkin_start,
    streak,
)
from apps.core.htmx import posted, render_page, wants_partial
from apps.core.sharing import panels, viewed
from apps.goals.models import Goal, Obstacle, Status
from apps.milestones.models import Milestone


def _review_goals(user: User) -> list[Goal]:
    return list(
        Goal.objects.owned_by(user)
        .filter(status=Status.ACTIVE)
        .with_progress()
        .in_order()
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("position", "created_at")),
            Prefetch("obstacles", queryset=Obstacle.objects.order_by("created_at")),
        )
    )


def _updates(form: CheckInForm) -> list[GoalUpdate]:
    data, updates = form.cleaned_data, []
    for goal in form.goals:
        key = goal.public_id.hex
        milestones = {m.public_id.hex: m for m in goal.milestones.all()}
        obstacles = {o.public_id.hex: o for o in goal.obstacles.all()}
        updates.append(
            GoalUpdate(
                goal=goal,
                current_value=data.get(f"value_{key}"),
                obstacle=obstacles.get(data.get(f"obstacle_{key}") or ""),
                note=data.get(f"note_{key}", ""),
                milestones_done=[milestones[h] for h in data.get(f"milestones_{key}", [])],
                milestones_listed=[
                    milestones[h]
                    for h, _ in getattr(form.fields.get(f"milestones_{key}"), "choices", [])
                ],
            )
        )
    return updates


def _initial(checkin: CheckIn, goals: list[Goal]) -> dict:
    """The form as the draft left it: its proposals over the goals as they stand."""
    initial = {
        name: getattr(checkin, name)
        for name in ("went_well", "challenges", "next_steps", "confidence", "note")
    }
    entries = {
        e.goal_id: e
        for e in checkin.goal_entries.select_related("obstacle").prefetch_related(
            "milestones_reached", "milestones_reopened"
        )
    }
    for goal in goals:
        key, entry = goal.public_id.hex, entries.get(goal.pk)
        initial[f"value_{key}"] = goal.current_value
        if entry is None:
            continue
        if entry.value is not None:
            initial[f"value_{key}"] = entry.value
        initial[f"note_{key}"] = entry.note
        initial[f"obstacle_{key}"] = entry.obstacle.public_id.hex if entry.obstacle else ""
        reached = {m.pk for m in entry.milestones_reached.all()}
        reopened = {m.pk for m in entry.milestones_reopened.all()}
        initial[f"milestones_{key}"] = [
            m.public_id.hex
            for m in goal.milestones.all()
            if m.pk in reached or (m.done_at is not None and m.pk not in reopened)
        ]
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The reminder email's button lands here. A GET only reads (it offers the draft to resume,
    or a button); the POST creates the planner's single draft or resumes it."""
    if request.method == "GET":
        context = {"draft": draft_of(request.user), "goals": len(active_goals(user=request.user))}
        return render(request, "checkins/start.html", context)
    draft = checkin_start(user=request.user)
    return redirect("checkins:review", public_id=draft.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    checkin = access_checkin(request.user, public_id, for_write=True)
    if not checkin.is_draft:
        return redirect("checkins:detail", public_id=checkin.public_id)
    goals = _review_goals(request.user)
    form = CheckInForm(
        posted(request), goals=goals, since=checkin.created_at, initial=_initial(checkin, goals)
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        checkin_save(
            checkin=checkin,
            went_well=data["went_well"],
            challenges=data["challenges"],
            next_steps=data["next_steps"],
            confidence=data["confidence"],
            note=data["note"],
            updates=_updates(form),
        )
        if "complete" in request.POST:
            checkin_complete(checkin=checkin)
            return redirect("checkins:detail", public_id=checkin.public_id)
        # The form saves itself while the planner types: answer with the "saved at" line.
        if wants_partial(request):
            saved = {"saved_at": timezone.now()}
            return render_page(request, "checkins/review.html", saved, partial="draft-status")
        messages.success(request, "Draft saved. Come back any time to finish it.")
        return redirect("checkins:review", public_id=checkin.public_id)
    sections = [(goal, form.goal_fields(goal)) for goal in goals]
    context = {"checkin": checkin, "form": form, "sections": sections}
    return render_page(request, "checkins/review.html", context, form=form)


@require_GET
@login_required
def detail(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    checkin = access_checkin(request.user, public_id, queryset=CheckIn.objects.completed())
    entries = (
        CheckInGoal.objects.visible_to(request.user)
        .filter(checkin=checkin)
        .select_related("goal", "obstacle")
    )
    is_owner = checkin.owner_id == request.user.pk
    # The end of a check-in is a good moment to keep the self-assessment as it now stands,
    # when it moved since the last snapshot.
    since = since_last_snapshot(request.user) if is_owner else None
    # A reader's visit is recorded by the app that shares it (the mentor's access log).
    viewed("checkin", viewer=request.user, obj=checkin)
    context = {
        "checkin": checkin,
        "entries": entries,
        "is_owner": is_owner,
        # A reader (a mentor the planner shares check-ins with) sees the summary, not the streak.
        "streak": streak(user=request.user, today=timezone.localdate()) if is_owner else 0,
        "panels": panels("checkin", viewer=request.user, obj=checkin),
        "snapshot_offer": since if since and since.worth_a_snapshot else None,
    }
    return render(request, "checkins/detail.html", context)


@require_GET
@login_required
def history(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    done = list(CheckIn.objects.owned_by(user).completed().order_by("-completed_at")[:100])
    entries = CheckInGoal.objects.owned_by(user).filter(checkin__in=done).select_related("goal")
    context = {
        "checkins": done,
        "draft": draft_of(user),
        "streak": streak(user=user, today=timezone.localdate()),
        "has_schedule": schedule_of(user) is not None,
        "confidence_chart": charts.confidence_chart(done),
        "progress_chart": charts.progress_chart(done, list(entries)),
    }
    return render(request, "checkins/history.html", context)
