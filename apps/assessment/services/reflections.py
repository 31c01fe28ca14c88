"""Reflection prompts: answers to the built-in ones, the planner's own prompts, hiding."""

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.assessment.models import Reflection
from apps.assessment.services.common import checked_save, clean_text


def _stored(reflection: Reflection) -> Reflection:
    """The saved row: a built-in prompt's row is made on its first answer or hide. Two tabs
    doing that at once get the same row (get_or_create retries on the unique key)."""
    if reflection.pk is not None:
        return reflection
    row, _ = Reflection.objects.get_or_create(owner=reflection.owner, key=reflection.key)
    return row


@transaction.atomic
def reflection_answer(*, reflection: Reflection, answer: str) -> Reflection:
    answer = clean_text(answer, field="answer")
    row = _stored(reflection)
    row.answer = answer
    checked_save(row)
    return row


@transaction.atomic
def reflection_hide(*, reflection: Reflection, hidden: bool) -> Reflection:
    row = _stored(reflection)
    row.hidden = hidden
    row.save(update_fields=["hidden", "updated_at"])
    return row


@transaction.atomic
def reflection_create(*, owner: User, question: str) -> Reflection:
    question = clean_text(question, field="question")
    if not question:
        raise ValidationError({"question": "Write the question you want to think about."})
    reflection = Reflection(owner=owner, question=question)
    checked_save(reflection)
    return reflection


@transaction.atomic
def reflection_delete(*, reflection: Reflection) -> None:
    if reflection.key:
        raise ValidationError("A built-in prompt can be hidden, not deleted.")
    reflection.delete()
