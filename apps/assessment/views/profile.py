"""The work-interests profile: thirty quick ratings, scored over the six RIASEC areas, kept
with every earlier take."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.http import require_GET, require_http_methods

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import charts, riasec, services
from apps.assessment.forms import ProfileForm
from apps.assessment.models import InterestResult
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, posted, render_page

# Earlier takes listed under the result; the latest is drawn against the one before it.
HISTORY_SHOWN = 10


def _result_context(results: list[InterestResult]) -> dict:
    latest = results[0] if results else None
    if latest is None:
        return {"latest": None}
    previous = results[1] if len(results) > 1 else None
    rows = [
        {
            "area": area,
            "score": latest.scores.get(area.letter, 0),
            "before": previous.scores.get(area.letter) if previous else None,
        }
        for area in riasec.AREAS
    ]
    return {
        "latest": latest,
        "previous": previous,
        "top": riasec.ranked(latest.scores)[:3],
        "reading": riasec.reading(latest.scores),
        "rows": rows,
        "chart": charts.interest_bars(latest, previous),
        "history": results,
    }


@login_required
@require_GET
def profile_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    results = list(InterestResult.objects.editable_by(request.user)[:HISTORY_SHOWN])
    context = {
        **_result_context(results),
        "areas": riasec.AREAS,
        "item_count": len(riasec.ITEMS),
        **guide_context(request, "profile"),
    }
    return render_page(request, "assessment/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_take(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            result = services.interest_profile_take(owner=request.user, answers=form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Your work-interests code is {result.code}.")
            return done(request, part_url("assessment:profile", guide=in_guide(request)))
    context = {
        "form": form,
        "scale": riasec.SCALE,
        "missing": len(form.errors),
        **guide_context(request, "profile"),
    }
    return render_page(request, "assessment/profile_take.html", context, form=form)
