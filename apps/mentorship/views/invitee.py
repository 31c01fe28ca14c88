"""The invitee's side: the link from the email, and the answer.

The token in the URL is the credential; the page never says more than the link's holder may
know. Every unusable token gets a page that says why, and no relationship.
"""

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.accounts.models import User
from apps.core.htmx import HtmxHttpRequest, done
from apps.mentorship import services
from apps.mentorship.models import Invitation, token_hash
from apps.mentorship.services.invitations import check_invitee

# Guessed: nothing is there. Used, withdrawn or expired: gone. Wrong person: forbidden.
NOT_FOUND, GONE, FORBIDDEN = 404, 410, 403


def _problem(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "mentorship/invitation_problem.html", {"message": message}, status=status
    )


def _read(token: str) -> tuple[Invitation | None, str, int]:
    try:
        return services.invitation_for_token(token), "", 200
    except services.InvitationUnusable as problem:
        known = Invitation.objects.filter(token_hash=token_hash(token)).exists()
        return None, str(problem), GONE if known else NOT_FOUND


@require_http_methods(["GET", "POST"])
def invitation(request: HtmxHttpRequest, token: str) -> HttpResponse:
    found, message, status = _read(token)
    if found is None:
        return _problem(request, message, status)
    context = {
        "invitation": found,
        "goals": list(found.goals.filter(owner=found.planner_id)),
        "token": token,
    }
    if not request.user.is_authenticated:
        if request.method == "POST":
            return _problem(request, "Sign in with the invited address first.", FORBIDDEN)
        return render(request, "mentorship/invitation.html", {**context, "next": request.path})
    try:
        check_invitee(found, cast(User, request.user))
    except services.InvitationUnusable as problem:
        return _problem(request, str(problem), FORBIDDEN)
    if request.method == "POST":
        return _answer(request, token)
    return render(request, "mentorship/invitation.html", context)


def _answer(request: HtmxHttpRequest, token: str) -> HttpResponse:
    user = cast(User, request.user)
    try:
        if request.POST.get("answer") == "accept":
            mentorship = services.invitation_accept(raw_token=token, user=user)
            name = mentorship.planner.get_full_name()
            messages.success(request, f"You now mentor {name}. Their shared plan is below.")
            return done(request, reverse("mentorship:mentee", args=[mentorship.public_id]))
        if request.POST.get("answer") == "decline":
            services.invitation_decline(raw_token=token, user=user)
            messages.info(request, "You declined the invitation. Nothing is shared with you.")
            return done(request, reverse("dashboard:index"))
    except services.InvitationUnusable as problem:
        return _problem(request, str(problem), GONE)
    return _problem(request, "Choose Accept or Decline.", 422)
