"""The one way a view loads a person's object.

Each app wraps `access_object` in a small `access_<thing>(user, public_id, *, for_write=False)`
over its own scoped queryset. Whoever may not read the object gets a 404, the same answer as
for an object that does not exist, so a stranger cannot even learn that it is there.
"""

import uuid
from typing import Any, Protocol, Self

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404


class Scoped(Protocol):
    def visible_to(self, user: Any) -> Self: ...
    def editable_by(self, user: Any) -> Self: ...
    def get(self, *args: Any, **kwargs: Any) -> Any: ...


def access_object(
    queryset: Scoped, user: Any, public_id: uuid.UUID | str, *, for_write: bool = False
) -> Any:
    """The object with `public_id` in `queryset` if `user` may read it (or, `for_write`,
    change it); else Http404. `queryset` may carry annotations and joins the page needs."""
    scoped = queryset.editable_by(user) if for_write else queryset.visible_to(user)
    try:
        return scoped.get(public_id=public_id)
    except (ObjectDoesNotExist, ValidationError, ValueError):
        # A malformed id from a query string is as absent as a missing one.
        raise Http404 from None
