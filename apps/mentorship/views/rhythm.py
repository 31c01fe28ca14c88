"""A mentorship's rhythm: a mentor's nudge from the Mentees page, and deadline renegotiation
on a shared goal (the planner proposes and decides, a mentor comments)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import posted, render_page
from apps.goals.access import access_goal
from apps.goals.forms import add_service_errors
from apps.mentorship.access import access_deadline_request, mentorship_as_mentor
from apps.mentorship.models import DeadlineRequest
from apps.mentorship.rhythm_forms import (
    DeadlineCommentForm,
    DeadlineDecideForm,
    DeadlineProposeForm,
    NudgeForm,
)
from apps.mentorship.services import deadlines, nudges
from apps.milestones.models import Milestone


def _goal_anchor(request: DeadlineRequest) -> str:
    return reverse("plan:goal", args=[request.goal.public_id]) + "#deadline-requests"


@login_required
@require_POST
def nudge(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """Only the running mentorship's mentor; an ended one is a 404 like any stranger's."""
    mentorship = mentorship_as_mentor(request.user, public_id)
    form = NudgeForm(request.POST)
    name = mentorship.planner.get_full_name()
    if form.is_valid():
        try:
            nudges.nudge_send(
                by=request.user, mentorship=mentorship, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Your nudge is on its way to {name}.")
            return redirect(reverse("mentorship:mentees") + f"#mentee-{mentorship.pid}")
    context = {"form": form, "mentorship": mentorship, "name": name}
    # Refused (too soon, too long): the page says why and when, with a 429 for "too soon".
    status = 429 if nudges.next_nudge_at(mentorship) else 422
    return render_page(request, "mentorship/nudge.html", context, form=form, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def deadline_propose(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = access_goal(request.user, public_id, for_write=True)
    milestones = list(Milestone.objects.filter(goal=goal, done_at=None).order_by("position"))
    form = DeadlineProposeForm(posted(request), goal=goal, milestones=milestones)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            deadlines.deadline_request_propose(
                by=request.user,
                goal=goal,
                milestone=form.milestone(),
                proposed_date=data["proposed_date"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your request is with your mentor.")
            return redirect(reverse("plan:goal", args=[goal.public_id]) + "#deadline-requests")
    context = {"form": form, "goal": goal}
    return render_page(request, "mentorship/deadline_propose.html", context, form=form)


def _invalid(request: AuthenticatedHttpRequest, found: DeadlineRequest, form) -> HttpResponse:
    context = {"form": form, "goal": found.goal, "deadline": found}
    return render_page(request, "mentorship/deadline_answer.html", context, form=form)


@login_required
@require_POST
def deadline_comment(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    found = access_deadline_request(request.user, public_id)
    if found.planner_id == request.user.pk:
        # The planner's words are the request's reason; comments are their mentors'.
        raise Http404
    form = DeadlineCommentForm(request.POST)
    if form.is_valid():
        try:
            deadlines.deadline_request_comment(
                by=request.user, request=found, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{found.planner.get_full_name()} will see your comment.")
            return redirect(_goal_anchor(found))
    return _invalid(request, found, form)


@login_required
@require_POST
def deadline_decide(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    # Only the planner decides: for everyone else, a mentor included, the request is not there.
    found = access_deadline_request(request.user, public_id, for_write=True)
    form = DeadlineDecideForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            deadlines.deadline_request_decide(by=request.user, request=found, accept=accept)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            text = "The new date is set." if accept else "The date stays as it was."
            messages.success(request, text)
            return redirect(_goal_anchor(found))
    return _invalid(request, found, form)
