"""The skills inventory."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.accounts.models import User
from apps.assessment import catalog
from apps.assessment.models import Skill
from apps.assessment.services.common import clean_text


def _duplicate(name: str) -> ValidationError:
    return ValidationError({"name": f"“{name}” is already in your skills."})


def _save(skill: Skill) -> Skill:
    if not skill.name:
        raise ValidationError({"name": "Name the skill."})
    clash = Skill.objects.filter(owner=skill.owner, name__iexact=skill.name).exclude(pk=skill.pk)
    if clash.exists():
        raise _duplicate(skill.name)
    skill.full_clean(validate_constraints=False)
    try:
        # Two tabs adding the same skill at once: the unique constraint stops the second.
        with transaction.atomic():
            skill.save()
    except IntegrityError:
        raise _duplicate(skill.name) from None
    return skill


def _fill(skill: Skill, *, name: str, kind: str, area: str, evidence: str) -> None:
    skill.name = clean_text(name, field="name")
    skill.kind = kind
    skill.area = clean_text(area, field="area")
    skill.evidence = clean_text(evidence, field="evidence")


@transaction.atomic
def skill_create(
    *,
    owner: User,
    name: str,
    kind: str,
    area: str = "",
    rating: int | None = None,
    target: int | None = None,
    evidence: str = "",
) -> Skill:
    skill = Skill(owner=owner, rating=rating, target=target)
    _fill(skill, name=name, kind=kind, area=area, evidence=evidence)
    return _save(skill)


@transaction.atomic
def skill_update(
    *,
    skill: Skill,
    name: str,
    kind: str,
    area: str,
    rating: int | None,
    target: int | None,
    evidence: str,
) -> Skill:
    skill.rating, skill.target = rating, target
    _fill(skill, name=name, kind=kind, area=area, evidence=evidence)
    return _save(skill)


@transaction.atomic
def skill_add_starter(*, owner: User, name: str) -> Skill:
    """Add a skill from the starter list, unrated: the planner rates it next."""
    starter = catalog.starter_by_name().get(name.casefold())
    if starter is None:
        raise ValidationError({"name": "Choose a skill from the starter list."})
    return _save(Skill(owner=owner, name=starter.name, kind=starter.kind, area=starter.area))


@transaction.atomic
def skill_delete(*, skill: Skill) -> None:
    skill.delete()


@transaction.atomic
def skill_rate(*, skill: Skill, rating: int | None, target: int | None) -> Skill:
    """Only the two levels: what the skills page changes in place."""
    skill.rating, skill.target = rating, target
    skill.full_clean(validate_constraints=False)
    skill.save(update_fields=["rating", "target", "updated_at"])
    return skill
