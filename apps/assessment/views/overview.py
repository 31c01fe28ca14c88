"""The assessment's overview, the start of the guided first run, and its last step: the
first goal, suggested from what the planner has written."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import links, progress, riasec, selectors, state
from apps.assessment.views.common import guide_context, part_url
from apps.core.htmx import render_page

# Suggestions shown per kind: enough to choose from, few enough to choose.
SUGGESTED = 3


def _suggestions(a: state.Assessment) -> dict:
    # Weaknesses with an improvement idea first: those are goals waiting to happen.
    weaknesses = sorted(a.weaknesses, key=lambda insight: not insight.improvement)[:SUGGESTED]
    return {
        "weaknesses": weaknesses,
        "gaps": a.gaps[:SUGGESTED],
        "blank_goal_url": links.blank_goal(),
    }


def _interests(a: state.Assessment) -> list[riasec.Area]:
    return riasec.ranked(a.interests.scores)[:3] if a.interests else []


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    a = state.load(request.user)
    since = selectors.since_last_snapshot(request.user, a)
    completeness = progress.completeness(a)
    context = {
        "a": a,
        "completeness": completeness,
        "next_url": part_url(completeness.next_part.url_name, guide=True)
        if completeness.next_part
        else "",
        "latest": since.latest,
        "changes": since.changes,
        "interest_areas": _interests(a),
        **_suggestions(a),
    }
    return render_page(request, "assessment/overview.html", context)


@login_required
@require_GET
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    steps = progress.guide_steps(state.load(request.user))
    first_open = next((step for step in steps if not step.done), steps[-1])
    context = {
        "steps": steps,
        "begin_url": part_url(first_open.url_name, guide=True),
        "started": any(step.done for step in steps),
        "minutes": sum(step.minutes for step in steps),
    }
    return render_page(request, "assessment/start.html", context)


@login_required
@require_GET
def first_goal(request: AuthenticatedHttpRequest) -> HttpResponse:
    a = state.load(request.user)
    context = {
        "a": a,
        "top_values": a.ranked,
        **_suggestions(a),
        **guide_context(request, "first_goal"),
    }
    return render_page(request, "assessment/first_goal.html", context)
