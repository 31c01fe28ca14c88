"""Strengths and weaknesses: two short lists, each insight with where it came from, and every
weakness one click from a development goal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import services
from apps.assessment.access import access_insight
from apps.assessment.forms import ConfirmForm, InsightForm
from apps.assessment.models import Insight, InsightKind
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, posted, render_page

TEMPLATE = "assessment/insights.html"


def _add_form(kind: str, data=None) -> InsightForm:
    return InsightForm(data, initial={"kind": kind}, auto_id=f"{kind}-%s")


def _board(request: AuthenticatedHttpRequest, *, failed: InsightForm | None = None) -> HttpResponse:
    # The goals a weakness became: the planner's own, as only they can start one from it.
    insights = list(Insight.objects.editable_by(request.user).prefetch_related("goals"))
    forms = {kind: _add_form(kind) for kind in InsightKind.values}
    if failed is not None:
        forms[failed.data.get("kind", InsightKind.STRENGTH)] = failed
    context = {
        "strengths": [i for i in insights if i.kind == InsightKind.STRENGTH],
        "weaknesses": [i for i in insights if i.kind == InsightKind.WEAKNESS],
        "strength_form": forms[InsightKind.STRENGTH],
        "weakness_form": forms[InsightKind.WEAKNESS],
        **guide_context(request, "insights"),
    }
    return render_page(request, TEMPLATE, context, partial="board", form=failed)


def _back(request: AuthenticatedHttpRequest, news: str) -> HttpResponse:
    messages.success(request, news)
    if request.htmx:
        return _board(request)
    return done(request, part_url("assessment:insights", guide=in_guide(request)))


@login_required
@require_GET
def insights_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board(request)


@login_required
@require_POST
def insight_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    kind = request.POST.get("kind")
    form = _add_form(kind if kind in InsightKind.values else InsightKind.STRENGTH, request.POST)
    if form.is_valid():
        try:
            insight = services.insight_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            plural = "strengths" if insight.kind == InsightKind.STRENGTH else "weaknesses"
            return _back(request, f"Added to your {plural}.")
    return _board(request, failed=form)


@login_required
@require_http_methods(["GET", "POST"])
def insight_edit(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    insight = access_insight(request.user, public_id, for_write=True)
    initial = {
        "kind": insight.kind,
        "text": insight.text,
        "source": insight.source,
        "improvement": insight.improvement,
    }
    form = InsightForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "kind"}
        try:
            services.insight_update(insight=insight, **data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Saved.")
            return done(request, part_url("assessment:insights", anchor=f"insight-{insight.pid}"))
    context = {"form": form, "insight": insight}
    return render_page(request, "assessment/insight_edit.html", context, partial="edit", form=form)


@login_required
@require_http_methods(["GET", "POST"])
def insight_delete(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    insight = access_insight(request.user, public_id, for_write=True)
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.insight_delete(insight=insight)
        return _back(request, f"“{insight.text}” is deleted.")
    context = {
        "form": form,
        "what": insight.get_kind_display().lower(),
        "title": insight.text,
        "action": request.path,
        "back": part_url("assessment:insights", anchor=f"insight-{insight.pid}"),
    }
    status = 422 if form.errors else 200
    return render(request, "components/confirm_delete.html", context, status=status)
