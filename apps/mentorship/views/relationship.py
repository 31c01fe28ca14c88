"""One mentorship: its agreement (either side), its sharing (the planner), ending it (either
side), and the mentee's shared plan for the mentor."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment.selectors import SharedAssessment
from apps.core.htmx import done, posted, render_page
from apps.goals.forms import add_service_errors
from apps.mentorship import services
from apps.mentorship.access import access_mentorship, mentorship_as_mentor
from apps.mentorship.extras import next_meetings
from apps.mentorship.forms import AgreementForm, ConfirmForm, SharingForm, sharing_initial
from apps.mentorship.models import AccessKind, Mentorship
from apps.mentorship.selectors import shared_plan


def _manage_context(request: AuthenticatedHttpRequest, mentorship: Mentorship, **forms) -> dict:
    is_planner = mentorship.planner_id == request.user.pk
    context = {
        "mentorship": mentorship,
        "is_planner": is_planner,
        "other": mentorship.mentor if is_planner else mentorship.planner,
        "next_meeting": next_meetings([mentorship.pk]).get(mentorship.pk),
        "agreement_form": AgreementForm(instance=mentorship),
        "sharing_form": SharingForm(initial=sharing_initial(mentorship), owner=request.user)
        if is_planner
        else None,
    }
    context.update(forms)
    return context


def _url(mentorship: Mentorship) -> str:
    return reverse("mentorship:manage", args=[mentorship.public_id])


@login_required
@require_GET
def manage(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, running=True)
    return render_page(request, "mentorship/manage.html", _manage_context(request, mentorship))


@login_required
@require_POST
def agreement(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, running=True)
    form = AgreementForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.mentorship_update_agreement(
                mentorship=mentorship,
                by=request.user,
                purpose=data["purpose"],
                rhythm=data["rhythm"],
                end_date=data["end_date"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The agreement is saved.")
            return done(request, _url(mentorship))
    context = _manage_context(request, mentorship, agreement_form=form)
    return render_page(request, "mentorship/manage.html", context, form=form)


@login_required
@require_POST
def sharing(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, for_write=True, running=True)
    form = SharingForm(request.POST, owner=request.user)
    if form.is_valid():
        data = form.cleaned_data
        services.mentorship_set_sharing(
            mentorship=mentorship,
            by=request.user,
            share_vision=data["share_vision"],
            share_checkins=data["share_checkins"],
            all_goals=data["all_goals"],
            goals=data["goals"],
            assessment_parts=data["assessment_parts"],
        )
        messages.success(request, f"{mentorship.mentor.get_full_name()} now sees what you chose.")
        return done(request, _url(mentorship))
    context = _manage_context(request, mentorship, sharing_form=form)
    return render_page(request, "mentorship/manage.html", context, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def end(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, running=True)
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.mentorship_end(mentorship=mentorship, by=request.user)
        messages.success(request, "The mentorship has ended. Nothing more is shared.")
        return done(request, reverse("mentorship:home"))
    is_planner = mentorship.planner_id == request.user.pk
    context = {
        "form": form,
        "mentorship": mentorship,
        "other": mentorship.mentor if is_planner else mentorship.planner,
        "is_planner": is_planner,
    }
    return render_page(request, "mentorship/end.html", context, form=form)


@login_required
@require_GET
def mentee(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """A mentee's shared plan, read-only, for their mentor."""
    mentorship = mentorship_as_mentor(request.user, public_id)
    context = shared_plan(mentorship)
    _log_assessment_reads(mentorship, context["assessment"])
    return render(request, "mentorship/shared_plan.html", context)


def _log_assessment_reads(mentorship: Mentorship, shared: SharedAssessment) -> None:
    # The shared plan page shows the vision and the shared parts of the self-assessment in
    # full, so opening it is reading them: the planner's access log says so, like a goal's.
    if shared.vision is not None:
        services.access_record(
            mentorship_id=mentorship.pk, kind=AccessKind.VISION, public_id=None, label="your vision"
        )
    parts = [
        name
        for name, present in (
            ("values", shared.values),
            ("strengths and weaknesses", shared.strengths or shared.weaknesses),
            ("interests", shared.answers or shared.interests),
            ("skills", shared.skills),
        )
        if present
    ]
    if parts:
        services.access_record(
            mentorship_id=mentorship.pk,
            kind=AccessKind.ASSESSMENT,
            public_id=None,
            label="your self-assessment: " + ", ".join(parts),
        )
