"""The reminder settings page and the one-click pause link from the emails."""

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.checkins.describe import in_words
from apps.checkins.forms import ScheduleForm, timezone_options
from apps.checkins.models import CheckinSchedule, DeliveryKind, NotificationSettings
from apps.checkins.occurrences import occurrences_after
from apps.checkins.services.pause_links import (
    pause_links_revoke,
    read_pause_token,
    reminders_switch_off,
)
from apps.checkins.services.schedules import notifications_for, reminders_save, schedule_for
from apps.core.htmx import HtmxHttpRequest, done, posted, render_page
from apps.core.ratelimit import rate_limited

SCHEDULE_FIELDS = ("frequency", "weekday", "day_of_month", "local_time", "timezone", "paused")


def _upcoming(schedule: CheckinSchedule, count: int = 3) -> list[datetime]:
    if schedule.paused:
        return []
    found = occurrences_after(schedule.rule, timezone.now())
    return [next(found).at for _ in range(count)]


def _initial(schedule: CheckinSchedule, prefs: NotificationSettings) -> dict:
    initial: dict = {name: getattr(schedule, name) for name in SCHEDULE_FIELDS}
    initial["milestone_reminders"] = prefs.milestone_reminders
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def schedule(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    current = schedule_for(user=user)
    initial = _initial(current, notifications_for(user=user))
    form = ScheduleForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        current = reminders_save(
            user=user,
            frequency=data["frequency"],
            timezone=data["timezone"],
            weekday=data["weekday"],
            day_of_month=data["day_of_month"],
            local_time=data["local_time"],
            paused=data["paused"],
            milestone_reminders=data["milestone_reminders"],
        )
        messages.success(request, f"Saved. {in_words(current)}.")
        if not request.htmx:
            return redirect("checkins:schedule")
        form = ScheduleForm(initial=data)
    context = {
        "form": form,
        "schedule": current,
        "in_words": in_words(current),
        "upcoming": _upcoming(current),
        "timezone_options": timezone_options(),
    }
    return render_page(
        request, "checkins/schedule.html", context, partial="schedule-panel", form=form
    )


# The link in the email must work in one click, without signing in, and for mail clients
# that POST the List-Unsubscribe-Post body (RFC 8058), which carries no CSRF token: the signed
# token is the credential. A GET (a link preview, a scanner) only asks; a POST switches off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@rate_limited("pause_link")
def pause(request: HtmxHttpRequest, token: str) -> HttpResponse:
    link = read_pause_token(token=token)
    if link is None:
        raise Http404("This link is not valid.")
    milestones = link.kind == DeliveryKind.MILESTONE
    if link.user is None:
        expired = {"expired": True, "milestones": milestones}
        return render(request, "checkins/pause.html", expired, status=410)
    switched_off = request.method == "POST"
    if switched_off:
        reminders_switch_off(user=link.user, kind=link.kind)
    context = {"token": token, "done": switched_off, "milestones": milestones}
    return render(request, "checkins/pause.html", context)


@login_required
@require_POST
def pause_links_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Stops every pause link in emails sent so far (say, after forwarding one)."""
    pause_links_revoke(user=request.user)
    messages.success(request, "Every earlier pause link has stopped working.")
    return done(request, reverse("checkins:schedule"))
