"""Request-wide safety rules that hold for every view, so no single page can forget them."""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

from apps.core.scope import request_scope

Handler = Callable[[HttpRequest], HttpResponse]


class NoStoreForSignedInMiddleware:
    """Nothing shown to a signed-in person may stay in a shared or browser cache.

    Signed-in pages carry personal data and secrets (the calendar feed address); a shared
    computer's back button or a proxy must not replay them after sign-out.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


# Control characters have no place in an address, and NUL in particular cannot be stored by
# PostgreSQL: left alone, it turns a lookup into a database error (a 500).
_URL_CONTROL = frozenset(chr(c) for c in [*range(0x20), 0x7F])
_NUL = "\x00"


def _has(chars: frozenset[str], text: str) -> bool:
    return not chars.isdisjoint(text)


class RejectControlCharactersMiddleware:
    """Answers 400 to NUL anywhere in the input and to any control character in the URL.

    Multi-line form fields may hold tabs and line breaks; which single-line fields refuse the
    rest is the forms' business (Django's CharField already refuses NUL there too).
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has(_URL_CONTROL, request.path) or self._bad_params(request):
            return HttpResponseBadRequest(
                render_to_string("400.html", request=None), content_type="text/html"
            )
        return self.get_response(request)

    @staticmethod
    def _bad_params(request: HttpRequest) -> bool:
        for key, values in request.GET.lists():
            if _has(_URL_CONTROL, key) or any(_has(_URL_CONTROL, v) for v in values):
                return True
        if request.method != "POST":
            return False
        return any(
            _NUL in key or any(_NUL in v for v in values) for key, values in request.POST.lists()
        )


def client_address(remote_addr: str, forwarded_for: str, trusted_proxies: int) -> str:
    """The address of whoever connected to the outermost of `trusted_proxies` proxies.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is the
    right-most entry those proxies did not write. Anything further left was sent by the client
    and proves nothing; without trusted proxies the header is ignored altogether.
    """
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    if trusted_proxies <= 0 or not hops:
        return remote_addr
    candidate = hops[-min(trusted_proxies, len(hops))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


class ClientAddressMiddleware:
    """Puts the real client's address in REMOTE_ADDR, so rate limits and logs count people,
    not the proxy every request comes through (`TRUSTED_PROXY_COUNT`)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        trusted: int = settings.TRUSTED_PROXY_COUNT
        if trusted:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                trusted,
            )
        return self.get_response(request)


class ReportingEndpointsMiddleware:
    """Names the endpoint that the Content-Security-Policy's `report-to csp` sends to."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Reporting-Endpoints", f'csp="{settings.SITE_URL}/csp-report"')
        return response


class RequestScopeMiddleware:
    """Opens `apps.core.scope`'s memory for the request, so that an answer asked for many times
    while a page renders (which mentorships the viewer is in) is looked up once."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_scope():
            return self.get_response(request)
