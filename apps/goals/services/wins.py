"""Writes to the wins journal."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.goals.models import Goal, Win


@transaction.atomic
def win_create(
    *,
    owner: User,
    title: str,
    happened_on: date,
    note: str = "",
    goal: Goal | None = None,
) -> Win:
    if goal is not None and goal.owner_id != owner.pk:
        raise ValidationError({"goal": "Choose one of your own goals."})
    win = Win(owner=owner, title=title, happened_on=happened_on, note=note, goal=goal)
    win.full_clean()
    win.save()
    return win


@transaction.atomic
def win_delete(*, win: Win) -> None:
    win.delete()
