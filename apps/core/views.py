import json
import logging

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from apps.core import health
from apps.core.ratelimit import rate_limited

logger = logging.getLogger(__name__)


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


# Browsers send a report for each blocked script or style. They are logged, so a broken page
# or an injection attempt shows up in production; the endpoint is anonymous, so what it reads
# is capped and how often it answers is limited.
REPORT_MAX_BYTES = 16 * 1024
_REPORT_FIELDS = (
    "document-uri",
    "documentURL",
    "violated-directive",
    "effectiveDirective",
    "blocked-uri",
    "blockedURL",
    "source-file",
    "sourceFile",
    "line-number",
    "lineNumber",
)


def _reports(body: bytes) -> list[dict]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    if isinstance(data, dict):  # report-uri: {"csp-report": {...}}
        data = [data.get("csp-report", data)]
    if not isinstance(data, list):
        return []
    # report-to: [{"type": "csp-violation", "body": {...}}, ...]
    return [r.get("body", r) for r in data[:10] if isinstance(r, dict)]


@csrf_exempt
@require_POST
@rate_limited("csp_report")
def csp_report(request: HttpRequest) -> HttpResponse:
    if int(request.META.get("CONTENT_LENGTH") or 0) > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    for report in _reports(request.read(REPORT_MAX_BYTES)):
        if isinstance(report, dict):
            found = {k: str(report[k])[:300] for k in _REPORT_FIELDS if k in report}
            logger.warning("CSP violation: %s", json.dumps(found, sort_keys=True))
    return HttpResponse(status=204)
