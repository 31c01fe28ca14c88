"""The planner's side: my mentors, inviting, withdrawing, and what a mentor sees."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import done, posted, render_page
from apps.goals.access import access_goal
from apps.goals.forms import add_service_errors
from apps.goals.models import Goal
from apps.mentorship import services
from apps.mentorship.access import access_invitation, access_mentorship
from apps.mentorship.extras import next_meetings
from apps.mentorship.forms import InviteForm
from apps.mentorship.mentees import mentee_rows
from apps.mentorship.models import AccessLog, Invitation, Mentorship
from apps.mentorship.selectors import shared_plan
from apps.plan.views.goal_page import goal_page_context

HOME = "mentorship:home"


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    mine = Mentorship.objects.owned_by(user).select_related("mentor")
    active = list(mine.active())
    soon = next_meetings(m.pk for m in active)
    for mentorship in active:
        mentorship.next_meeting = soon.get(mentorship.pk)
    context = {
        "active": active,
        "past": list(mine.past()),
        "invitations": list(Invitation.objects.owned_by(user).open()),
        # Someone who mentors finds their mentees first, with what needs them.
        "rows": mentee_rows(user),
    }
    return render(request, "mentorship/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InviteForm(posted(request), owner=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.invitation_send(
                planner=request.user,
                email=data["email"],
                message=data["message"],
                goals=data["goals"],
                share_vision=data["share_vision"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # The same words whether or not the address has an account.
            messages.success(request, f"Your invitation is on its way to {data['email']}.")
            return done(request, reverse(HOME))
    return render_page(request, "mentorship/invite.html", {"form": form}, form=form)


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    invitation = access_invitation(request.user, public_id, for_write=True)
    try:
        services.invitation_withdraw(invitation=invitation, by=request.user)
    except ValidationError:
        messages.info(request, "That invitation was already answered or withdrawn.")
    else:
        messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    return done(request, reverse(HOME))


@login_required
@require_GET
def preview(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """The planner's plan through their mentor's eyes (the mentor's reader conditions)."""
    mentorship = access_mentorship(request.user, public_id, for_write=True, running=True)
    context = {**shared_plan(mentorship), "preview": True}
    return render(request, "mentorship/shared_plan.html", context)


@login_required
@require_GET
def preview_goal(request: AuthenticatedHttpRequest, public_id: UUID, goal_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, for_write=True, running=True)
    # The planner's own goals only, seen with the mentor's reader conditions (never another
    # mentee's goals of the same mentor).
    page = Goal.objects.owned_by(request.user).with_progress().select_related("parent")
    goal = access_goal(mentorship.mentor, goal_id, queryset=page)
    context = goal_page_context(mentorship.mentor, goal)
    note = f"This is how {mentorship.mentor.get_full_name()} sees this goal: read-only."
    context.update(sharing_notes=[note], preview_of=mentorship)
    return render(request, "plan/goal.html", context)


@login_required
@require_GET
def access_log(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    mentorship = access_mentorship(request.user, public_id, for_write=True)
    entries = AccessLog.objects.owned_by(request.user).filter(mentorship=mentorship)[:200]
    context = {"mentorship": mentorship, "entries": list(entries)}
    return render(request, "mentorship/access_log.html", context)


@login_required
@require_GET
def mentees(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "mentorship/mentees.html", {"rows": mentee_rows(request.user)})
