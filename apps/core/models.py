"""Base model mixins shared by every app. Nothing domain-specific lives here."""

import uuid

from django.db import models
from django.utils.functional import cached_property


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
        return str(self.public_id)


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person through `owner_path`.

    Three questions, three methods:
    - `visible_to(user)`: may this person open the row? `readers(user)` is the one condition
      that decides it, today the owner. A second audience (a mentor with an active share) is
      one more condition there, in the app that owns the model, and every `visible_to` and
      access function of that app follows.
    - `editable_by(user)`: may this person change it? The owner, always.
    - `owned_by(user)`: the person's own rows, for pages about "your" plan (lists, the
      dashboard, reminders). These must not widen when someone becomes a mentor.
    """

    owner_path = "owner"

    def readers(self, user) -> models.Q:
        return models.Q(**{self.owner_path: user})

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
