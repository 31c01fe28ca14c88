"""The request type of every signed-in view: `request.user` is a `User`, not maybe anonymous."""

from apps.accounts.models import User
from apps.core.htmx import HtmxHttpRequest


class AuthenticatedHttpRequest(HtmxHttpRequest):
    # Only behind @login_required: the decorator is what makes this annotation true.
    user: User  # type: ignore[assignment]
