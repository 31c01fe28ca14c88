"""The private calendar feed: the page with its address, resetting it, and the feed itself."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import render_page
from apps.goals import services
from apps.goals.access import access_calendar_feed, calendar_feed_of
from apps.goals.models import CalendarFeed
from apps.plan import calendar


def _feed_url(feed: CalendarFeed) -> str:
    return settings.SITE_URL + reverse("plan:feed", kwargs={"token": feed.token})


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """GET shows the address if the planner has one; the first POST creates it."""
    if request.method == "POST":
        services.calendar_feed_for(user=request.user)
        messages.success(request, "Your calendar address is ready. Subscribe with it below.")
        return redirect("plan:calendar")
    feed = calendar_feed_of(request.user)
    context: dict[str, str] = {}
    if feed is not None:
        feed_url = _feed_url(feed)
        context = {"feed_url": feed_url, "webcal_url": "webcal://" + feed_url.split("://", 1)[1]}
    return render_page(request, "plan/calendar.html", context, partial="feed")


@login_required
@require_POST
def calendar_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.calendar_feed_reset(user=request.user)
    messages.success(
        request,
        "Your calendar has a new address and the old one has stopped working."
        " Subscribe again with the new one.",
    )
    # htmx follows the redirect with its own header, so it gets the partial back.
    return redirect("plan:calendar")


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: calendar apps cannot sign in, so the unguessable token is the credential."""
    feed = access_calendar_feed(token)
    response = HttpResponse(
        calendar.feed_for(feed.owner), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="careerplan.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
