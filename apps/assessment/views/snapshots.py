"""Snapshots: keep the whole assessment as it stands today, and compare any two moments."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import charts, services, state
from apps.assessment.access import access_snapshot
from apps.assessment.compare import compare
from apps.assessment.forms import ConfirmForm, SnapshotForm
from apps.assessment.models import Snapshot
from apps.assessment.views.common import part_url
from apps.core.htmx import done, posted, render_page

NOW = "now"


def _label(snapshot: Snapshot, *, time: bool = True) -> str:
    moment = timezone.localtime(snapshot.taken_at)
    return dateformat.format(moment, "j M Y, H:i" if time else "j M Y")


@login_required
@require_GET
def snapshot_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    snapshots = list(Snapshot.objects.editable_by(request.user).defer("data"))
    context = {"snapshots": snapshots, "form": SnapshotForm(), "now": NOW}
    return render_page(request, "assessment/snapshots.html", context)


@login_required
@require_POST
def snapshot_take(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SnapshotForm(request.POST)
    if form.is_valid():
        try:
            snapshot = services.snapshot_take(owner=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Snapshot saved: your assessment as of {_label(snapshot)}.")
            return done(request, part_url("assessment:snapshots"))
    snapshots = list(Snapshot.objects.editable_by(request.user).defer("data"))
    context = {"snapshots": snapshots, "form": form, "now": NOW}
    return render_page(request, "assessment/snapshots.html", context, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def snapshot_delete(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    snapshot = access_snapshot(request.user, public_id, for_write=True)
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.snapshot_delete(snapshot=snapshot)
        messages.success(request, f"The snapshot of {_label(snapshot)} is deleted.")
        return done(request, part_url("assessment:snapshots"))
    context = {
        "form": form,
        "what": "snapshot",
        "title": f"Your assessment on {_label(snapshot)}",
        "note": "Your assessment as it is now stays as it is.",
        "action": request.path,
        "back": part_url("assessment:snapshots"),
    }
    return render(
        request, "components/confirm_delete.html", context, status=422 if form.errors else 200
    )


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a snapshot, or the assessment as it is now."""

    choice: str
    label: str
    data: dict


def _pick(wanted: str | None, choices: list[str], default: str) -> str:
    return wanted if wanted in choices else default


def _sides(request: AuthenticatedHttpRequest, snapshots: list[Snapshot]) -> tuple[str, str]:
    """Which two to compare: the two newest snapshots by default, or the newest and now."""
    ids = [snapshot.pid for snapshot in snapshots]
    if not ids:
        return "", ""
    default_then, default_now = (ids[1], ids[0]) if len(ids) > 1 else (ids[0], NOW)
    then = _pick(request.GET.get("then"), ids, default_then)
    now = _pick(request.GET.get("now"), [*ids, NOW], default_now)
    return then, now


def _load(request: AuthenticatedHttpRequest, then: str, now: str, by_id: dict) -> list[Side]:
    wanted = [choice for choice in (then, now) if choice != NOW]
    data = dict(
        Snapshot.objects.editable_by(request.user)
        .filter(public_id__in=wanted)
        .values_list("public_id", "data")
    )
    # The day names a side; the time too only where both sides fall on the same day.
    days = {_label(by_id[c], time=False) for c in wanted}
    sides = []
    for choice in (then, now):
        if choice == NOW:
            sides.append(Side(NOW, "Now", state.as_data(state.load(request.user))))
        else:
            snapshot = by_id[choice]
            label = _label(snapshot, time=len(days) < len(wanted))
            sides.append(Side(choice, label, data[snapshot.public_id]))
    return sides


@login_required
@require_GET
def snapshot_compare(request: AuthenticatedHttpRequest) -> HttpResponse:
    snapshots = list(Snapshot.objects.editable_by(request.user).defer("data"))
    then, now = _sides(request, snapshots)
    context: dict = {"snapshots": snapshots, "then": then, "now": now, "NOW": NOW}
    if then:
        by_id = {snapshot.pid: snapshot for snapshot in snapshots}
        first, second = _load(request, then, now, by_id)
        result = compare(first.data, second.data)
        context |= {
            "first": first,
            "second": second,
            "result": result,
            "radar": charts.skills_radar(
                charts.radar_rows(result.skills), first.label, second.label
            ),
            "radar_count": len(charts.radar_rows(result.skills)),
            "interest_chart": charts.interest_comparison(
                result.interests, first.label, second.label
            )
            if result.interests
            else None,
        }
    return render_page(request, "assessment/compare.html", context)
