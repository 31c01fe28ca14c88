"""The product's own sections of the export (see `apps.portability.registry`)."""

from apps.portability.registry import SECTIONS, Section


def registered() -> list[Section]:
    # Importing the modules registers the product's own sections.
    from apps.portability.sections import (
        assessment,
        checkins,
        comments,
        directory,
        meetings,
        mentorships,
        plan,
        profile,
    )

    del assessment, checkins, comments, directory, meetings, mentorships, plan, profile
    return sorted(SECTIONS, key=lambda section: section.order)
