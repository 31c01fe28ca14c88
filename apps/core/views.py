from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from apps.core import health


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": health.database_ok(), "redis": health.redis_ok()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{name: "ok" if up else "down" for name, up in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form that fails the CSRF check: say what happened in words, and that nothing was
    saved. `reason` is Django's technical cause; it stays in the log, not on the page."""
    return render(request, "403_csrf.html", status=403)
