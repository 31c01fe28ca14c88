"""Request-wide safety rules that hold for every view, so no single page can forget them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

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
