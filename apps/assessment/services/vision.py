"""The vision statement. Every change is a new version; none is overwritten."""

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.assessment.models import VisionVersion
from apps.assessment.services.common import checked_save, clean_text


@transaction.atomic
def vision_save(*, owner: User, text: str) -> VisionVersion | None:
    """A new version, or None when the text is what the vision already says."""
    text = clean_text(text, field="text")
    if not text:
        raise ValidationError({"text": "Write a sentence or two about where you are going."})
    latest = VisionVersion.objects.editable_by(owner).first()
    if latest is not None and latest.text == text:
        return None
    version = VisionVersion(owner=owner, text=text)
    checked_save(version)
    return version


@transaction.atomic
def vision_restore(*, version: VisionVersion) -> VisionVersion | None:
    """Bring back an earlier version as the newest one; the history keeps both."""
    return vision_save(owner=version.owner, text=version.text)
