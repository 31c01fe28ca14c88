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

    `readers(user)` is the one condition that says who may read a row: today the owner. A
    second audience (a mentor with an active share) is one more condition there, in the app
    that owns the model, and every `visible_to` in that app follows. `editable_by` is the
    owner, always.
    """

    owner_path = "owner"

    def readers(self, user) -> models.Q:
        return models.Q(**{self.owner_path: user})

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(self.readers(user))

    def editable_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(**{self.owner_path: user})
