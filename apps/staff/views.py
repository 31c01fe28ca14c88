"""The staff console: counts and states across the service, and the few actions staff take on
an account or a delivery. Every page is staff-only (404 to anyone else) and behind two-factor
authentication (apps.accounts.middleware)."""

from uuid import UUID

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.core.htmx import done, render_page
from apps.staff import selectors, services
from apps.staff.access import staff_only
from apps.staff.forms import ConfirmDeleteForm, RetryForm, UserSearchForm

USERS_PAGE = 50


def _person(public_id: UUID) -> User:
    # Staff may open any account, so this is the one unscoped user lookup, behind staff_only.
    user = User.objects.filter(public_id=public_id).first()
    if user is None:
        raise Http404
    return user


@staff_only
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render_page(request, "staff/index.html", {"overview": selectors.overview()})


@staff_only
@require_GET
def users(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UserSearchForm(request.GET or None)
    query, show = "", "all"
    if form.is_bound and form.is_valid():
        query, show = form.cleaned_data["q"].strip(), form.cleaned_data["show"] or "all"
    found = selectors.users(query=query, show=show)
    page = Paginator(found, USERS_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": query, "show": show}
    return render_page(request, "staff/users.html", context, partial="results")


def _user_page(
    request: AuthenticatedHttpRequest, person: User, delete_form: ConfirmDeleteForm
) -> HttpResponse:
    context = {
        "person": person,
        "counts": selectors.plan_counts(person),
        "verified": EmailAddress.objects.filter(user=person, verified=True).exists(),
        "two_factor": Authenticator.objects.filter(user=person).exists(),
        "delete_form": delete_form,
    }
    return render_page(request, "staff/user.html", context, form=delete_form)


@staff_only
@require_GET
def user(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    person = _person(public_id)
    return _user_page(request, person, ConfirmDeleteForm(email=person.email))


@staff_only
@require_POST
def user_deactivate(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    person = _person(public_id)
    try:
        changed = services.user_deactivate(user=person, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"{person.email} is deactivated and signed out everywhere."
            if changed
            else f"{person.email} was already deactivated.",
        )
    return redirect("staff:user", public_id=person.public_id)


@staff_only
@require_POST
def user_resend_verification(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    person = _person(public_id)
    try:
        address = services.verification_resend(user=person, by=request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"A new verification email is on its way to {address}.")
    return redirect("staff:user", public_id=person.public_id)


@staff_only
@require_POST
def user_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    person = _person(public_id)
    form = ConfirmDeleteForm(request.POST, email=person.email)
    if not form.is_valid():
        return _user_page(request, person, form)
    try:
        services.user_delete(user=person, by=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return _user_page(request, person, form)
    messages.success(request, f"The account {person.email} and everything in it are deleted.")
    return redirect("staff:users")


@staff_only
@require_GET
def failed(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {"failed": selectors.failed_mail(), "shown": selectors.FAILED_SHOWN}
    return render_page(request, "staff/failed.html", context)


@staff_only
@require_POST
def retry(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RetryForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Pick a failed email from the list to retry.")
        return done(request, reverse("staff:failed"))
    try:
        address = services.failed_mail_retry(
            outbox=form.cleaned_data["outbox"],
            row_id=form.cleaned_data["row"],
            by=request.user,
            request=request,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"The email to {address} will be sent with the next sweep, within a minute."
        )
    # For htmx a client-side redirect: the list reloads with the row gone and the message shown.
    return done(request, reverse("staff:failed"))


@staff_only
@require_GET
def status(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render_page(request, "staff/status.html", {"status": selectors.status()})
