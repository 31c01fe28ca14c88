"""How views load a planner's assessment rows: one function per kind, over the scoped
querysets of `models.AssessmentQuerySet`. Whoever may not see a row gets a 404."""

from uuid import UUID

from django.http import Http404

from apps.accounts.models import User
from apps.assessment import catalog
from apps.assessment.models import (
    CareerValue,
    Insight,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from apps.core.access import access_object


def access_insight(user: User, public_id: UUID | str, *, for_write: bool = False) -> Insight:
    return access_object(Insight.objects.all(), user, public_id, for_write=for_write)


def access_value(user: User, public_id: UUID | str, *, for_write: bool = False) -> CareerValue:
    return access_object(CareerValue.objects.all(), user, public_id, for_write=for_write)


def access_skill(user: User, public_id: UUID | str, *, for_write: bool = False) -> Skill:
    return access_object(Skill.objects.all(), user, public_id, for_write=for_write)


def access_snapshot(user: User, public_id: UUID | str, *, for_write: bool = False) -> Snapshot:
    return access_object(Snapshot.objects.all(), user, public_id, for_write=for_write)


def access_vision_version(
    user: User, public_id: UUID | str, *, for_write: bool = False
) -> VisionVersion:
    return access_object(VisionVersion.objects.all(), user, public_id, for_write=for_write)


def access_reflection(user: User, public_id: UUID | str, *, for_write: bool = False) -> Reflection:
    """A prompt the planner wrote themselves, with its answer."""
    prompts = Reflection.objects.filter(key="")
    return access_object(prompts, user, public_id, for_write=for_write)


def access_prompt(user: User, key: str, *, for_write: bool = False) -> Reflection:
    """The signed-in planner's reflection for a prompt named by `key`: a built-in prompt's key
    (always their own row; unsaved until the first answer) or the public id of a prompt they
    wrote."""
    if key in catalog.prompt_by_key():
        if not user.is_authenticated:
            raise Http404
        found = Reflection.objects.editable_by(user).filter(key=key).first()
        return found or Reflection(owner=user, key=key)
    return access_reflection(user, key, for_write=for_write)
