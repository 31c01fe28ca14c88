"""The export document: built from the registered sections, read back with every check that
comes before anything is written (size, JSON, nesting, the schema, the version, the ids)."""

import json
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from django.utils import timezone
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from apps.accounts.models import User
from apps.portability.encoding import encode
from apps.portability.sections import registered

FORMAT = "careerplan-export"
VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "schema" / "export-v1.schema.json"
# Larger than any real plan's export by far; a bigger file is refused before it is read.
MAX_BYTES = 5 * 1024 * 1024
# A plan nests five deep (goal → milestone → step); the free-form parts (a snapshot) a few
# more. Far deeper is a file built to exhaust the parser.
MAX_DEPTH = 32


class Unreadable(Exception):
    """The file cannot be imported; the message says why, in words for the person."""


def build(user: User) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": encode(timezone.now()),
    }
    for section in registered():
        document[section.key] = section.dump(user)
    return document


def to_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))


def _depth_ok(raw: bytes) -> bool:
    """Nesting measured on the bytes, before the parser recurses into them."""
    depth, in_string, escaped = 0, False, False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def _no_constants(name: str) -> None:
    raise Unreadable(f"The file holds {name}, which is not a number this site can keep.")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def parse(raw: bytes) -> dict[str, Any]:
    """The document in `raw`, or Unreadable with the reason."""
    if len(raw) > MAX_BYTES:
        raise Unreadable(too_big_message())
    if not _depth_ok(raw):
        raise Unreadable("The file nests deeper than any export does, so it was not read.")
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise Unreadable("The file is not text in UTF-8, so it is not an export.") from None
    except (ValueError, RecursionError):
        raise Unreadable("The file is not valid JSON, so it is not an export.") from None
    _check_shape(document)
    return document


def _check_shape(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Unreadable("This is not a careerplan export (its “format” is missing or wrong).")
    if document.get("version") != VERSION:
        raise Unreadable(
            f"This export is format version {str(document.get('version'))[:20]}; "
            f"this site reads version {VERSION}."
        )
    if _has_nul(document):
        raise Unreadable("The file holds a NUL character, which no text in a plan may contain.")
    # The first few errors only: a file of a million wrong entries would otherwise keep the
    # validator busy for minutes describing each of them.
    error = best_match(islice(validator().iter_errors(document), 10))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise Unreadable(
            f"The file does not follow the export format at {where}: {_describe(error)}"
        )
    _check_ids(document)


def _describe(error: Any) -> str:
    # Without the offending value: it may be megabytes long, and it is the person's own file.
    if error.validator == "maxLength":
        return f"the text is longer than {error.validator_value} characters."
    if error.validator == "maxItems":
        return f"there are more than {error.validator_value} entries."
    if error.validator in ("required", "additionalProperties"):
        return error.message[:200]
    return f"the value is not allowed there ({error.validator})."


def _ids(value: Any, found: list[str]) -> list[str]:
    if isinstance(value, dict):
        if isinstance(value.get("id"), str) and "created_at" in value:
            found.append(value["id"])
        for key, inner in value.items():
            if key not in ("data", "changes", "answers", "scores"):
                _ids(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _ids(inner, found)
    return found


def _check_ids(document: dict[str, Any]) -> None:
    seen: set[str] = set()
    for entry_id in _ids(document, []):
        if entry_id in seen:
            raise Unreadable(
                f"The id {entry_id} appears twice in the file; each entry needs its own."
            )
        seen.add(entry_id)


def too_big_message() -> str:
    return f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; an export is far smaller."
