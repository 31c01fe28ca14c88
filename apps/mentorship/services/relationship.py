"""The running relationship: its agreement, what the planner shares, ending it, and the log
of what the mentor opened."""

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core import scope
from apps.goals.models import Goal
from apps.mentorship import audit_events, emails
from apps.mentorship.models import ASSESSMENT_PARTS, AccessLog, Invitation, Mentorship

PART_NAMES = {name for name, _ in ASSESSMENT_PARTS}


def mentorship_start(
    *,
    planner: User,
    mentor: User,
    share_vision: bool,
    goals: Iterable[Goal],
    invitation: Invitation | None = None,
    purpose: str = "",
    rhythm: str = "",
) -> Mentorship:
    """A new mentorship sharing the vision (if chosen) and the planner's goals in `goals`,
    nothing more: the default scope of every new mentorship."""
    if planner.pk == mentor.pk:
        raise ValidationError("Nobody can mentor themselves.")
    with transaction.atomic():
        # One that passed its end date but was not yet marked ended makes way.
        Mentorship.objects.past().filter(planner=planner, mentor=mentor, ended_at=None).update(
            ended_at=timezone.now()
        )
        mentorship = Mentorship.objects.create(
            planner=planner,
            mentor=mentor,
            invitation=invitation,
            share_vision=share_vision,
            purpose=purpose,
            rhythm=rhythm,
        )
        mentorship.goals.set([g for g in goals if g.owner_id == planner.pk])
        # What this request knew of either person's mentorships is out of date now.
        scope.forget()
        audit_events.started(mentorship)
    return mentorship


def _party(mentorship: Mentorship, user: User) -> None:
    if user.pk not in (mentorship.planner_id, mentorship.mentor_id) or not mentorship.is_active:
        raise ValidationError("Only the two people in a running mentorship can change it.")


def mentorship_update_agreement(
    *, mentorship: Mentorship, by: User, purpose: str, rhythm: str, end_date: date | None
) -> Mentorship:
    _party(mentorship, by)
    if end_date is not None and end_date < timezone.localdate():
        raise ValidationError({"end_date": "Pick today or a later day."})
    mentorship.purpose = purpose
    mentorship.rhythm = rhythm
    mentorship.end_date = end_date
    mentorship.save(update_fields=["purpose", "rhythm", "end_date", "updated_at"])
    scope.forget()
    return mentorship


def mentorship_set_sharing(
    *,
    mentorship: Mentorship,
    by: User,
    share_vision: bool,
    share_checkins: bool,
    all_goals: bool,
    goals: Iterable[Goal],
    assessment_parts: Iterable[str],
) -> Mentorship:
    """The planner alone decides what the mentor sees."""
    if by.pk != mentorship.planner_id or not mentorship.is_active:
        raise ValidationError("Only the planner of a running mentorship chooses what it shares.")
    parts = sorted(set(assessment_parts))
    if not set(parts) <= PART_NAMES:
        raise ValidationError({"assessment_parts": "Pick parts from the list."})
    with transaction.atomic():
        mentorship.share_vision = share_vision
        mentorship.share_checkins = share_checkins
        mentorship.all_goals = all_goals
        mentorship.assessment_parts = parts
        mentorship.save()
        mentorship.goals.set([g for g in goals if g.owner_id == mentorship.planner_id])
        scope.forget()
        audit_events.sharing_changed(mentorship, by=by)
    return mentorship


def mentorship_end(*, mentorship: Mentorship, by: User) -> Mentorship:
    """Either side ends it; from the commit on, every read of the mentor's is a 404."""
    if by.pk not in (mentorship.planner_id, mentorship.mentor_id):
        raise ValidationError("Only the two people in a mentorship can end it.")
    with transaction.atomic():
        ended = Mentorship.objects.filter(pk=mentorship.pk, ended_at=None).update(
            ended_at=timezone.now(), ended_by=by
        )
        mentorship.refresh_from_db()
        # Before the goodbye email is built: it must not see what the mentor no longer may.
        scope.forget()
        if ended:
            emails.send_ended(mentorship=mentorship, by=by)
            audit_events.ended(mentorship, by=by)
    return mentorship


def mentorships_end_due(*, today: date | None = None) -> int:
    """Mark as ended those whose agreed end date has passed (access stopped already, at the
    date). A conditional update: running it twice, or on two beats, ends each one once."""
    today = today or timezone.localdate()
    with transaction.atomic():
        due = list(
            Mentorship.objects.select_for_update(skip_locked=True)
            .filter(ended_at=None, end_date__lt=today)
            .select_related("planner", "mentor")
        )
        for mentorship in due:
            mentorship.ended_at = timezone.now()
            mentorship.save(update_fields=["ended_at", "updated_at"])
            scope.forget()
            emails.send_ended(mentorship=mentorship, by=None)
            audit_events.ended(mentorship, by=None)
    return len(due)


def access_record(
    *, mentorship_id: int, kind: str, public_id: UUID | None, label: str
) -> AccessLog:
    return AccessLog.objects.create(
        mentorship_id=mentorship_id, kind=kind, item_public_id=public_id, label=label[:200]
    )
