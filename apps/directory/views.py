"""The directory, a mentor's card with the request form, one's own mentor profile, and the
requests page (received and sent)."""

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
from apps.directory import selectors, services
from apps.directory.access import (
    access_listed_mentor,
    access_received_request,
    access_sent_request,
)
from apps.directory.forms import AnswerForm, ProfileForm, RequestForm, profile_initial
from apps.directory.models import MentorProfile
from apps.goals.forms import add_service_errors


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    found = selectors.directory(
        request.user,
        area=request.GET.get("area", ""),
        query=request.GET.get("q", ""),
        page=request.GET.get("page", 1),
    )
    own = MentorProfile.objects.owned_by(request.user).first()
    context = {"directory": found, "own_profile": own}
    return render_page(request, "directory/index.html", context, partial="results")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    own = MentorProfile.objects.owned_by(request.user).first()
    form = ProfileForm(posted(request), initial=profile_initial(own))
    if form.is_bound and form.is_valid():
        try:
            saved = services.profile_save(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            shown = "is listed in the directory" if saved.listed else "is saved and hidden"
            messages.success(request, f"Your mentor profile {shown}.")
            return done(request, reverse("directory:index"))
    return render_page(
        request, "directory/profile.html", {"form": form, "own_profile": own}, form=form
    )


def _card(profile: MentorProfile) -> MentorProfile:
    """The profile with its load (`mentee_count`, `at_capacity`) for the card."""
    return selectors.with_load(
        MentorProfile.objects.filter(pk=profile.pk).select_related("user")
    ).get()


@login_required
@require_http_methods(["GET", "POST"])
def mentor(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    card = _card(access_listed_mentor(request.user, public_id))
    form = RequestForm(posted(request), owner=request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_send(
                planner=request.user,
                profile=card,
                message=data["message"],
                share_vision=data["share_vision"],
                goals=data["goals"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            name = card.user.get_full_name()
            messages.success(request, f"Your request is on its way to {name}.")
            return done(request, reverse("directory:requests"))
    context = {
        "card": card,
        "form": form,
        "is_me": card.user_id == request.user.pk,
        **selectors.between(request.user, card.user),
    }
    return render_page(request, "directory/mentor.html", context, form=form)


@login_required
@require_GET
def requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "directory/requests.html", selectors.requests_page(request.user))


@login_required
@require_GET
def request_detail(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    found = access_received_request(request.user, public_id)
    context = {"mentor_request": found, "form": AnswerForm(), "offered": _offered(found)}
    return render(request, "directory/request.html", context)


def _offered(found) -> list:
    # Only while it is open: a declined request keeps nothing of the planner's plan on show.
    return list(found.goals.order_by("title")) if found.is_open else []


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    found = access_received_request(request.user, public_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["answer"] == "accept":
                mentorship = services.request_accept(request=found, by=request.user, **_note(data))
            else:
                services.request_decline(request=found, by=request.user, **_note(data))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            who = found.planner.get_full_name()
            if data["answer"] == "accept":
                messages.success(request, f"You now mentor {who}.")
                return done(request, reverse("mentorship:mentee", args=[mentorship.public_id]))
            messages.success(request, f"You declined {who}'s request; they have been told.")
            return done(request, reverse("directory:requests"))
    context = {"mentor_request": found, "form": form, "offered": _offered(found)}
    return render_page(request, "directory/request.html", context, form=form)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    found = access_sent_request(request.user, public_id)
    try:
        services.request_withdraw(request=found, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        who = found.mentor.get_full_name()
        messages.success(request, f"You withdrew your request to {who}.")
    return done(request, reverse("directory:requests"))


def _note(data: dict) -> dict:
    return {"note": data.get("note", "")}
