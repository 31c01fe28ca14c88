from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.checkins import services
from apps.checkins.describe import in_words
from apps.checkins.forms import ScheduleForm
from apps.checkins.models import DeliveryKind
from apps.checkins.occurrences import occurrences_after
from apps.core.htmx import HtmxHttpRequest


def _upcoming(schedule, count: int = 3) -> list:
    if schedule.paused:
        return []
    found = occurrences_after(schedule.rule, timezone.now())
    return [next(found).at for _ in range(count)]


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: HtmxHttpRequest) -> HttpResponse:
    current = services.schedule_for(user=request.user)
    prefs = services.notifications_for(user=request.user)
    initial = {
        name: getattr(current, name)
        for name in ("frequency", "weekday", "day_of_month", "local_time", "timezone", "paused")
    }
    initial["milestone_reminders"] = prefs.milestone_reminders
    form = ScheduleForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        fields = dict(form.cleaned_data)
        services.notifications_save(
            user=request.user, milestone_reminders=fields.pop("milestone_reminders")
        )
        current = services.schedule_save(user=request.user, **fields)
        messages.success(request, f"Saved. {in_words(current)}.")
        if not request.htmx:
            return redirect("checkins:schedule")
        form = ScheduleForm(initial=form.cleaned_data)
    context = {"form": form, "schedule": current, "in_words": in_words(current)}
    context["upcoming"] = _upcoming(current)
    template = "checkins/schedule.html#schedule-panel" if request.htmx else "checkins/schedule.html"
    return render(request, template, context, status=422 if form.errors else 200)


# The link in the email must work in one click, without signing in, and for mail clients
# that POST the List-Unsubscribe-Post body (RFC 8058), which carries no CSRF token: the signed
# token is the credential. A GET (a link preview, a scanner) only asks; a POST switches off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def pause(request: HtmxHttpRequest, token: str) -> HttpResponse:
    found = services.read_pause_token(token)
    if found is None:
        raise Http404("This link is not valid.")
    user, kind = found
    done = request.method == "POST"
    if done:
        services.reminders_switch_off(user=user, kind=kind)
    context = {"token": token, "done": done, "milestones": kind == DeliveryKind.MILESTONE}
    return render(request, "checkins/pause.html", context)
