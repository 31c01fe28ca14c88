"""A mentorship's meetings: the list, the rhythm, one-off meetings, reminders, the stop link."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.timezones import canonical_timezones
from apps.core.htmx import HtmxHttpRequest, done, render_page
from apps.core.ratelimit import rate_limited
from apps.goals.forms import add_service_errors
from apps.meetings.access import meetings_mentorship
from apps.meetings.forms import OneOffForm, RemindersForm, SeriesForm
from apps.meetings.models import Meeting, MeetingMail, MeetingSeries
from apps.meetings.services import schedule
from apps.meetings.services.stop_links import meeting_reminders_save, read_stop_token
from apps.mentorship.models import Mentorship

PAST_SHOWN = 10


def _series_initial(series: MeetingSeries | None, zone: str) -> dict:
    if series is None:
        return {"frequency": "biweekly", "timezone": zone, "duration": 45}
    fields = ("frequency", "weekday", "day_of_month", "local_time", "duration", "timezone")
    return {name: getattr(series, name) for name in fields}


def _page(
    request: AuthenticatedHttpRequest,
    mentorship: Mentorship,
    *,
    series_form: Form | None = None,
    one_off_form: Form | None = None,
) -> HttpResponse:
    user = request.user
    series = MeetingSeries.objects.filter(mentorship=mentorship).first()
    meetings = Meeting.objects.visible_to(user).filter(mentorship=mentorship)
    now = timezone.now()
    prefs = MeetingMail.objects.owned_by(user).first()
    context = {
        "mentorship": mentorship,
        "other": mentorship.mentor if user.pk == mentorship.planner_id else mentorship.planner,
        "series": series,
        "coming": list(meetings.filter(starts_at__gt=now).order_by("starts_at")[:12]),
        "past": list(meetings.filter(starts_at__lte=now).order_by("-starts_at")[:PAST_SHOWN]),
        "series_form": series_form or SeriesForm(initial=_series_initial(series, user.timezone)),
        "one_off_form": one_off_form
        or OneOffForm(initial={"timezone": user.timezone, "duration": 45}),
        "reminders_form": RemindersForm(initial={"reminders": prefs is None or prefs.reminders}),
        "timezones": canonical_timezones(),
    }
    form = series_form if series_form is not None else one_off_form
    return render_page(request, "meetings/list.html", context, form=form)


@login_required
@require_GET
def meetings_list(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    return _page(request, meetings_mentorship(request.user, public_id))


def _back(mentorship: Mentorship) -> str:
    return reverse("meetings:list", kwargs={"public_id": mentorship.public_id})


@login_required
@require_POST
@rate_limited("meeting_schedule")
def series_save(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = meetings_mentorship(request.user, public_id)
    form = SeriesForm(request.POST)
    if form.is_valid():
        try:
            schedule.series_save(mentorship=mentorship, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Your meetings are set. You both get a reminder the day before."
            )
            return done(request, _back(mentorship))
    return _page(request, mentorship, series_form=form)


@login_required
@require_POST
def series_stop(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = meetings_mentorship(request.user, public_id)
    try:
        kept = schedule.series_stop(mentorship=mentorship, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        note = (
            f" {kept} coming meeting{'s' if kept != 1 else ''} with an agenda stay." if kept else ""
        )
        messages.success(request, "The regular meetings are stopped." + note)
    return done(request, _back(mentorship))


@login_required
@require_POST
@rate_limited("meeting_schedule")
def one_off(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = meetings_mentorship(request.user, public_id)
    form = OneOffForm(request.POST)
    if form.is_valid():
        try:
            meeting = schedule.meeting_add(
                mentorship=mentorship, by=request.user, **form.cleaned_data
            )
        except (ValidationError, ValueError, OverflowError) as error:
            if isinstance(error, ValidationError):
                add_service_errors(form, error)
            else:
                form.add_error("day", "Pick a date and time that exist in that time zone.")
        else:
            messages.success(request, "The meeting is set. You both get a reminder the day before.")
            return done(
                request, reverse("meetings:meeting", kwargs={"public_id": meeting.public_id})
            )
    return _page(request, mentorship, one_off_form=form)


@login_required
@require_POST
def reminders(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = meetings_mentorship(request.user, public_id)
    form = RemindersForm(request.POST)
    on = form.is_valid() and form.cleaned_data["reminders"]
    meeting_reminders_save(user=request.user, on=on)
    messages.success(
        request,
        "You get a reminder the day before each meeting." if on else "No more meeting reminders.",
    )
    return done(request, _back(mentorship))


# One click, no sign-in; RFC 8058 mail clients POST without a CSRF token, so the signed token
# is the credential. A GET only asks; a POST stops.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@rate_limited("meeting_stop")
def stop(request: HtmxHttpRequest, token: str) -> HttpResponse:
    link = read_stop_token(token=token)
    if link is None:
        raise Http404("This link is not valid.")
    if link.user is None:
        return render(request, "meetings/stop.html", {"expired": True}, status=410)
    stopped = request.method == "POST"
    if stopped:
        meeting_reminders_save(user=link.user, on=False)
    return render(request, "meetings/stop.html", {"token": token, "done": stopped})
