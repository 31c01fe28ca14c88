"""Plain JSON values for model fields, and back again through each field's own parser."""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import models


def encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def dump(obj: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: encode(getattr(obj, name)) for name in names}


class Refused(Exception):
    """An import stops here: `where` says which entry of the file, `message` what is wrong."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


def load(model: type[models.Model], data: dict, names: tuple[str, ...], where: str) -> dict:
    """Keyword arguments for `model` from an entry of the file, each value parsed by its field
    (so a date is a date and a choice is one of the choices) or refused with its place."""
    values = {}
    for name in names:
        field: Any = model._meta.get_field(name)
        try:
            value = field.to_python(data.get(name))
            if value is None and not field.null:
                value = field.get_default()
            if isinstance(field, models.CharField | models.TextField) and value is None:
                value = ""
        except ValidationError as error:
            raise Refused(f"{where}.{name}", " ".join(error.messages)) from None
        values[name] = value
    return values


def check(obj: models.Model, where: str, *, exclude: tuple[str, ...] = ()) -> None:
    """The rules of one row (lengths, choices, ranges) before anything is written."""
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise Refused(f"{where}.{field}", " ".join(messages)) from None
