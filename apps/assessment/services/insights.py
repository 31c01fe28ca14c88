"""Strengths and weaknesses."""

from django.db import transaction

from apps.accounts.models import User
from apps.assessment.models import Insight, InsightKind
from apps.assessment.services.common import checked_save, clean_text


def _fill(insight: Insight, *, text: str, source: str, improvement: str) -> None:
    insight.text = clean_text(text, field="text")
    insight.source = source
    # Only a weakness has an improvement idea: a strength is kept as it is.
    is_weakness = insight.kind == InsightKind.WEAKNESS
    insight.improvement = clean_text(improvement, field="improvement") if is_weakness else ""


@transaction.atomic
def insight_create(
    *, owner: User, kind: str, text: str, source: str, improvement: str = ""
) -> Insight:
    insight = Insight(owner=owner, kind=kind)
    _fill(insight, text=text, source=source, improvement=improvement)
    checked_save(insight)
    return insight


@transaction.atomic
def insight_update(*, insight: Insight, text: str, source: str, improvement: str = "") -> Insight:
    _fill(insight, text=text, source=source, improvement=improvement)
    checked_save(insight)
    return insight


@transaction.atomic
def insight_delete(*, insight: Insight) -> None:
    insight.delete()
