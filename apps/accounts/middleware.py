import zoneinfo

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone


class UserTimezoneMiddleware:
    """Shows dates and times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


# Where staff need a second factor, and what the set-up page tells them.
MFA_AREAS = {
    "admin": "Set up two-factor authentication to use the administration.",
    "staff": "Set up two-factor authentication to use the staff console.",
}


class AdminRequiresMFAMiddleware:
    """Staff reach the Django admin and the staff console only with a second factor set up.

    allauth already asks for the code at sign-in once an authenticator exists, so what is left
    is a staff account that never set one up: it is sent to set one up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace not in MFA_AREAS:
            return None
        user = request.user
        if not user.is_authenticated or not user.is_staff or is_mfa_enabled(user):
            return None
        messages.info(request, MFA_AREAS[match.namespace])
        return redirect("mfa_activate_totp")
