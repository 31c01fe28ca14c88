"""Who may use the staff console: staff, with a second factor (the MFA middleware sends a
staff account without one to set it up first). Everyone else, signed in or not, gets the
same 404 as for a page that does not exist: the console does not announce itself."""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpResponse


def staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
