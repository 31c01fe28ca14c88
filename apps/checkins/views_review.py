"""The check-in pages: start or resume, review, summary, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from apps.checkins import charts, reviews
from apps.checkins.forms import CheckInForm
from apps.checkins.models import CheckIn, CheckInGoal, CheckinSchedule
from apps.core.htmx import HtmxHttpRequest
from apps.goals.models import Goal, Obstacle, Status
from apps.milestones.models import Milestone


def _review_goals(user) -> list[Goal]:
    return list(
        Goal.objects.visible_to(user)
        .filter(status=Status.ACTIVE)
        .with_progress()
        .in_order()
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("position", "created_at")),
            Prefetch("obstacles", queryset=Obstacle.objects.order_by("created_at")),
        )
    )


def _updates(form: CheckInForm) -> list[reviews.GoalUpdate]:
    data, updates = form.cleaned_data, []
    for goal in form.goals:
        key = goal.public_id.hex
        milestones = {m.public_id.hex: m for m in goal.milestones.all()}
        obstacles = {o.public_id.hex: o for o in goal.obstacles.all()}
        updates.append(
            reviews.GoalUpdate(
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
    initial = {
        name: getattr(checkin, name)
        for name in ("went_well", "challenges", "next_steps", "confidence", "note")
    }
    entries = {e.goal_id: e for e in checkin.goal_entries.select_related("obstacle")}
    for goal in goals:
        key, entry = goal.public_id.hex, entries.get(goal.pk)
        initial[f"value_{key}"] = goal.current_value
        if entry:
            initial[f"note_{key}"] = entry.note
            initial[f"obstacle_{key}"] = entry.obstacle.public_id.hex if entry.obstacle else ""
    return initial


# GET too, so that the button in the reminder email opens the check-in in one click; it only
# ever creates the planner's single draft or resumes it.
@require_http_methods(["GET", "POST"])
@login_required
def start(request: HtmxHttpRequest) -> HttpResponse:
    draft = reviews.checkin_start(user=request.user)
    return redirect("checkins:review", public_id=draft.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HtmxHttpRequest, public_id) -> HttpResponse:
    checkin = get_object_or_404(CheckIn.objects.editable_by(request.user), public_id=public_id)
    if not checkin.is_draft:
        return redirect("checkins:detail", public_id=checkin.public_id)
    goals = _review_goals(request.user)
    data = request.POST if request.method == "POST" else None
    form = CheckInForm(
        data, goals=goals, since=checkin.created_at, initial=_initial(checkin, goals)
    )
    if form.is_bound and form.is_valid():
        fields = {
            k: form.cleaned_data[k] for k in ("went_well", "challenges", "next_steps", "note")
        }
        reviews.checkin_save(
            checkin=checkin,
            confidence=form.cleaned_data["confidence"],
            updates=_updates(form),
            **fields,
        )
        if "complete" in request.POST:
            reviews.checkin_complete(checkin=checkin)
            return redirect("checkins:detail", public_id=checkin.public_id)
        if request.htmx:
            return render(
                request, "checkins/review.html#draft-status", {"saved_at": timezone.now()}
            )
        messages.success(request, "Draft saved. Come back any time to finish it.")
        return redirect("checkins:review", public_id=checkin.public_id)
    sections = [(goal, form.goal_fields(goal)) for goal in goals]
    context = {"checkin": checkin, "form": form, "sections": sections}
    return render(request, "checkins/review.html", context, status=422 if form.errors else 200)


@require_GET
@login_required
def detail(request: HtmxHttpRequest, public_id) -> HttpResponse:
    checkin = get_object_or_404(
        CheckIn.objects.visible_to(request.user).completed(), public_id=public_id
    )
    entries = CheckInGoal.objects.filter(checkin=checkin).select_related("goal", "obstacle")
    context = {
        "checkin": checkin,
        "entries": entries,
        "streak": reviews.streak(user=request.user, today=timezone.localdate()),
    }
    return render(request, "checkins/detail.html", context)


@require_GET
@login_required
def history(request: HtmxHttpRequest) -> HttpResponse:
    done = list(
        CheckIn.objects.visible_to(request.user).completed().order_by("-completed_at")[:100]
    )
    draft = CheckIn.objects.editable_by(request.user).filter(completed_at=None).first()
    entries = CheckInGoal.objects.filter(checkin__in=done).select_related("goal")
    context = {
        "checkins": done,
        "draft": draft,
        "streak": reviews.streak(user=request.user, today=timezone.localdate()),
        "has_schedule": CheckinSchedule.objects.filter(owner=request.user).exists(),
        "confidence_chart": charts.confidence_chart(done),
        "progress_chart": charts.progress_chart(done, list(entries)),
    }
    return render(request, "checkins/history.html", context)
