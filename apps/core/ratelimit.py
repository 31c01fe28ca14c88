"""One rate limiter for the product's own endpoints, configured in settings.RATE_LIMITS.

allauth limits its own views (sign-in, sign-up, resets); this covers the rest: endpoints that
are cheap to call and expensive or annoying to answer, such as the calendar feed, the pause
link, the live SMART check and reordering. Each action has a rate like "60/m" (count per
second, minute, hour or day) counted in fixed windows in the default cache (PostgreSQL, like
allauth's), per signed-in person or else per client address. Past it the answer is 429 with a
page and a Retry-After header saying when the window ends.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        amount, unit = text.split("/")
        return cls(int(amount), UNITS[unit])


def _who(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def _increment(key: str, rate: Rate) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, rate.seconds)
        return 1


def wait_for(action: str, who: str) -> int | None:
    """Counts one use of `action` by `who`; the seconds to wait when over the limit, else None.
    For services that refuse with a message at the field rather than a 429 page."""
    rate = Rate.parse(settings.RATE_LIMITS[action])
    now = time.time()
    window = int(now // rate.seconds)
    key = f"rl:{action}:{who}:{window}"
    count = 1 if cache.add(key, 1, rate.seconds) else _increment(key, rate)
    if count <= rate.amount:
        return None
    return max(1, int((window + 1) * rate.seconds - now))


def retry_after(request: HttpRequest, action: str) -> int | None:
    """Counts one request for `action`; the seconds to wait when over the limit, else None."""
    return wait_for(action, _who(request))


def too_many_requests(request: HttpRequest, seconds: int) -> HttpResponse:
    response = render(request, "429.html", {"retry_after": seconds}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def rate_limited(
    action: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """A view decorator: answer 429 once `action`'s rate is used up."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            wait = retry_after(request, action)
            if wait is not None:
                return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return limited

    return decorator
