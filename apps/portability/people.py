"""How an export names the other people in a plan: by the name they chose, never by their email
address (docs/export-format.md promises that). Someone who set no name is "someone without a
name" rather than their address, which the product shows only where they agreed to it."""

from apps.accounts.models import User

NAMELESS = "Someone without a display name"


def name_of(person: User) -> str:
    return person.display_name or NAMELESS
