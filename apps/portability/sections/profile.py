"""The person: name and time zone come back with an import; the address and the date joined
are for the record (the importing account keeps its own)."""

from typing import Any

from apps.accounts.models import User
from apps.accounts.services import profile_update
from apps.portability.encoding import Refused, encode
from apps.portability.registry import IdMap, Section, register


def dump(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "timezone": user.timezone,
        "date_joined": encode(user.date_joined),
    }


def load(user: User, data: dict[str, Any], ids: IdMap) -> None:
    from django.core.exceptions import ValidationError

    try:
        profile_update(user=user, display_name=data["display_name"], timezone=data["timezone"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise Refused(f"profile.{field}", " ".join(messages)) from None


register(Section(key="profile", order=0, dump=dump, load=load))
