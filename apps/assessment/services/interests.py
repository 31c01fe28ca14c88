"""The work-interests profile."""

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.assessment import riasec
from apps.assessment.models import InterestResult

LEVELS = {level for level, _ in riasec.SCALE}


@transaction.atomic
def interest_profile_take(
    *, owner: User, answers: Mapping[str, int], taken_at: datetime | None = None
) -> InterestResult:
    """Score a completed profile and keep it next to the earlier ones. `taken_at` dates it in
    the past (the demo's history); otherwise it is now."""
    errors = {
        key: "Choose how much you would enjoy this."
        for key, _ in riasec.ITEMS
        if answers.get(key) not in LEVELS
    }
    if errors:
        raise ValidationError(errors)
    kept = {key: answers[key] for key, _ in riasec.ITEMS}
    scores = riasec.scores(kept)
    result = InterestResult.objects.create(
        owner=owner, answers=kept, scores=scores, code=riasec.code(scores)
    )
    if taken_at is not None:
        # created_at is set on insert whatever is passed; a dated take moves it afterwards.
        InterestResult.objects.filter(pk=result.pk).update(created_at=taken_at)
        result.created_at = taken_at
    return result
