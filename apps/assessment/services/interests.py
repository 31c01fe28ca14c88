"""The work-interests profile."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.assessment import riasec
from apps.assessment.models import InterestResult

LEVELS = {level for level, _ in riasec.SCALE}


@transaction.atomic
def interest_profile_take(*, owner: User, answers: Mapping[str, int]) -> InterestResult:
    """Score a completed profile and keep it next to the earlier ones."""
    errors = {
        key: "Choose how much you would enjoy this."
        for key, _ in riasec.ITEMS
        if answers.get(key) not in LEVELS
    }
    if errors:
        raise ValidationError(errors)
    kept = {key: answers[key] for key, _ in riasec.ITEMS}
    scores = riasec.scores(kept)
    return InterestResult.objects.create(
        owner=owner, answers=kept, scores=scores, code=riasec.code(scores)
    )
