"""The notification list, opening one, "mark all read", the email choice and the stop link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import HtmxHttpRequest, done, render_page
from apps.core.ratelimit import rate_limited
from apps.notifications import registry, services
from apps.notifications.access import access_notification
from apps.notifications.forms import EmailPreferenceForm
from apps.notifications.models import EmailChoice, Notification
from apps.notifications.services import email_choice_of
from apps.notifications.stop_links import read_stop_token, stop_links_revoke

PER_PAGE = 25


def _page(
    request: AuthenticatedHttpRequest, form: EmailPreferenceForm | None = None
) -> HttpResponse:
    rows = Notification.objects.owned_by(request.user).select_related("actor")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    shown = registry.describe_all(request.user, page.object_list)
    visible = {n.pk for n, _ in shown}
    # What the person may no longer see (an ended mentorship) leaves the unread count too.
    gone = [n.pk for n in page.object_list if n.pk not in visible and n.read_at is None]
    services.notifications_hide(user=request.user, ids=gone)
    if form is None:
        form = EmailPreferenceForm(initial={"email": email_choice_of(request.user)})
    context = {
        "page": page,
        "items": shown,
        "any_unread": any(n.read_at is None for n, _ in shown),
        "form": form,
        "unread_now": sum(1 for n, _ in shown if n.read_at is None),
    }
    return render_page(request, "notifications/list.html", context, partial="list", form=form)


@login_required
@require_GET
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request)


# A GET (a link preview, a prefetcher) only follows; the list's button POSTs, which also marks
# it read. Either way the target's own access rules answer: a 404 for what is no longer shared.
@login_required
@require_http_methods(["GET", "POST"])
def notification_open(request: AuthenticatedHttpRequest, public_id: str) -> HttpResponse:
    notification = access_notification(request.user, public_id)
    shown = registry.describe_all(request.user, [notification])
    if request.method == "POST":
        services.notification_open(notification=notification)
    if not shown:
        raise Http404("You can no longer see what this notification was about.")
    return redirect(shown[0][1].url)


@login_required
@require_POST
def read_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.notifications_read_all(user=request.user)
    if request.htmx:
        return _page(request)
    messages.success(request, "All caught up: every notification is marked read.")
    return redirect("notifications:list")


_SAVED = {
    EmailChoice.EACH: "You will get an email for each notification.",
    EmailChoice.DIGEST: "You will get one email a day, at 8:00 your time, when there is news.",
    EmailChoice.NONE: "No more notification emails: you will find them here.",
}


@login_required
@require_POST
def email_preference(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EmailPreferenceForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    prefs = services.preference_save(user=request.user, email=form.cleaned_data["email"])
    messages.success(request, _SAVED[EmailChoice(prefs.email)])
    return done(request, reverse("notifications:list") + "#email-settings")


@login_required
@require_POST
def stop_links_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Stops every stop link in notification emails sent so far (say, after forwarding one)."""
    stop_links_revoke(user=request.user)
    messages.success(request, "Every earlier stop link has stopped working.")
    return done(request, reverse("notifications:list") + "#email-settings")


# Like the reminder pause link: one click, no sign-in, and RFC 8058 mail clients POST without a
# CSRF token, so the signed token is the credential. A GET only asks; a POST stops.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@rate_limited("notification_stop")
def stop(request: HtmxHttpRequest, token: str) -> HttpResponse:
    link = read_stop_token(token=token)
    if link is None:
        raise Http404("This link is not valid.")
    if link.user is None:
        return render(request, "notifications/stop.html", {"expired": True}, status=410)
    stopped = request.method == "POST"
    if stopped:
        services.preference_save(user=link.user, email=EmailChoice.NONE)
    return render(request, "notifications/stop.html", {"token": token, "done": stopped})
