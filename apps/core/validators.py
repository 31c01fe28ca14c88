"""Checks for text that people type once and others read everywhere (names in emails)."""

import unicodedata

from django.core.exceptions import ValidationError

# Bidirectional controls reorder what follows them, so a name could make an email read
# differently from what it says; other format characters (joiners in emoji) are fine.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})

SINGLE_LINE_MESSAGE = (
    "Use one line of ordinary text: line breaks, tabs and invisible control characters "
    "are not allowed."
)


def validate_single_line(value: str) -> None:
    """Refuses line breaks, tabs, control characters (NUL included) and bidi overrides."""
    for char in value:
        if char in _BIDI_CONTROLS or unicodedata.category(char) in _LINE_BREAKING:
            raise ValidationError(SINGLE_LINE_MESSAGE, code="control_character")
