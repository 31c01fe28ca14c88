"""What every assessment service does with the planner's words before it saves them."""

from django.core.exceptions import ValidationError
from django.db import models


def clean_text(value: str, *, field: str) -> str:
    """`value` without surrounding spaces. A NUL byte, which PostgreSQL cannot store, is
    refused at the field instead of failing the save."""
    if "\x00" in value:
        raise ValidationError({field: "Remove the invisible control character from this text."})
    return value.strip()


def checked_save(instance: models.Model) -> None:
    """Save after the model's own checks (lengths, choices, levels, constraints), so a service
    called with bad input answers with field errors rather than a database error."""
    instance.full_clean()
    instance.save()
