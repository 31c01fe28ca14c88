"""Base model mixins shared by every app. Nothing domain-specific lives here."""

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from django.db import models
from django.utils.functional import cached_property
from django.utils.safestring import SafeString


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class PublicIdModel(models.Model):
    """A model addressed in URLs by an unguessable UUID instead of its sequential key."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True

    @cached_property
    def pid(self) -> str:
        """The public id as text, formatted once: long pages use it many times per row."""
        return SafeString(str(self.public_id))


# Given the person asking, the rows (beyond their own) they may read; None when there are none.
ReaderCondition = Callable[[Any], models.Q | None]


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person through `owner_path`.

    Three questions, three methods:
    - `visible_to(user)`: may this person open the row? `readers(user)` is the one condition
      that decides it: the owner, or any condition registered for this queryset class with
      `register_reader` (a mentor with an active share). An app above registers its
      condition, so the app owning the model never imports it, and every `visible_to` and
      access function follows.
    - `editable_by(user)`: may this person change it? The owner, always.
    - `owned_by(user)`: the person's own rows, for pages about "your" plan (lists, the
      dashboard, reminders). These must not widen when someone becomes a mentor.
    """

    owner_path = "owner"
    # Per class (see `register_reader`): a subclass does not inherit its parent's readers.
    extra_readers: ClassVar[list[ReaderCondition]] = []

    def readers(self, user) -> models.Q:
        condition = models.Q(**{self.owner_path: user})
        for extra in type(self).__dict__.get("extra_readers", ()):
            more = extra(user)
            if more is not None:
                condition |= more
        return condition

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(self.readers(user))

    def owned_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(**{self.owner_path: user})

    def editable_by(self, user):
        return self.owned_by(user)


def register_reader(queryset_class: type[OwnedQuerySet], condition: ReaderCondition) -> None:
    """Let a second audience read `queryset_class`'s rows: `condition(user)` must select them
    by ids or a subquery (`pk__in=…`, `owner__in=…`, `Exists`), never a join, so no row is
    repeated; it returns None when `user` reads nothing more. Called from an
    AppConfig.ready(); registering the same function twice is a no-op."""
    current = list(queryset_class.__dict__.get("extra_readers", ()))
    if condition not in current:
        queryset_class.extra_readers = [*current, condition]
