"""One meeting's page: when, the agenda built for it, and the notes; adding to both."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import done, render_page
from apps.goals.forms import add_service_errors
from apps.meetings.access import access_meeting
from apps.meetings.agenda import build_agenda, notes_for
from apps.meetings.forms import AgendaItemForm, NoteForm
from apps.meetings.hooks import other_party
from apps.meetings.models import Meeting
from apps.meetings.services import notes

TEMPLATE = "meetings/meeting.html"


def _context(request: AuthenticatedHttpRequest, meeting: Meeting, **forms: Form) -> dict:
    user = request.user
    mentorship = meeting.mentorship
    return {
        "meeting": meeting,
        "mentorship": mentorship,
        "other": other_party(meeting, user),
        "is_planner": user.pk == mentorship.planner_id,
        "is_past": meeting.starts_at <= timezone.now(),
        "set_elsewhere": meeting.timezone != user.timezone,
        "agenda": build_agenda(meeting, user),
        "notes": notes_for(meeting, user),
        "item_form": forms.get("item_form") or AgendaItemForm(auto_id="id_item_%s"),
        "note_form": forms.get("note_form") or NoteForm(auto_id="id_note_%s"),
    }


@login_required
@require_GET
def meeting_page(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    meeting = access_meeting(request.user, public_id)
    return render_page(request, TEMPLATE, _context(request, meeting))


def _here(meeting: Meeting, anchor: str) -> str:
    return reverse("meetings:meeting", kwargs={"public_id": meeting.public_id}) + anchor


@login_required
@require_POST
def agenda_add(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    meeting = access_meeting(request.user, public_id)
    form = AgendaItemForm(request.POST, auto_id="id_item_%s")
    if form.is_valid():
        try:
            notes.agenda_item_add(meeting=meeting, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                return done(request, _here(meeting, "#agenda"))
            form = AgendaItemForm(auto_id="id_item_%s")
    context = _context(request, meeting, item_form=form)
    return render_page(request, TEMPLATE, context, partial="agenda-items", form=form)


@login_required
@require_POST
def note_add(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    meeting = access_meeting(request.user, public_id)
    form = NoteForm(request.POST, auto_id="id_note_%s")
    if form.is_valid():
        data = form.cleaned_data
        try:
            notes.note_add(
                meeting=meeting,
                by=request.user,
                body=data["body"],
                shared=data["visibility"] == "shared",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                return done(request, _here(meeting, "#notes"))
            form = NoteForm(auto_id="id_note_%s")
    context = _context(request, meeting, note_form=form)
    return render_page(request, TEMPLATE, context, partial="notes", form=form)
