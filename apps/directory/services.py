"""Every write of the directory: the mentor profile, requests and their answers, and the
reminder of a request left unanswered.

Accepting a request starts the mentorship through `apps.mentorship.services.mentorship_start`,
so a mentorship found here is the same relationship as one from an invitation.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core import ratelimit
from apps.directory import emails, notices
from apps.directory.models import (
    REMIND_AFTER,
    MentorProfile,
    MentorRequest,
    RequestStatus,
)
from apps.directory.selectors import normalise_area, with_load
from apps.goals.models import Goal
from apps.mentorship.models import Mentorship
from apps.mentorship.services import mentorship_start

# Open requests a planner may send in a day: enough to ask a few people, not to spam a list.
OPEN_PER_DAY = 3
MAX_AREAS = 10
REMIND_BATCH = 200


def clean_areas(areas: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for raw in areas:
        area = normalise_area(raw)
        if not area:
            continue
        if len(area) > 40:
            raise ValidationError({"areas": "Keep each area under 40 characters."})
        if area not in seen:
            seen.append(area)
    if len(seen) > MAX_AREAS:
        raise ValidationError({"areas": f"Name at most {MAX_AREAS} areas."})
    return seen


def profile_save(
    *, user: User, headline: str, areas: Iterable[str], capacity: int, listed: bool
) -> MentorProfile:
    headline = " ".join(headline.split())
    if not headline:
        raise ValidationError({"headline": "Write one line about what you can help with."})
    profile, _ = MentorProfile.objects.update_or_create(
        user=user,
        defaults={
            "headline": headline,
            "areas": clean_areas(areas),
            "capacity": capacity,
            "listed": listed,
        },
    )
    return profile


def _refuse(message: str, field: str = "message") -> None:
    raise ValidationError({field: message})


def _check_requestable(*, planner: User, profile: MentorProfile) -> None:
    mentor = profile.user
    if mentor.pk == planner.pk:
        _refuse("This is you. Pick someone else to mentor you.")
    if not profile.listed or not mentor.is_active:
        _refuse("This person is not taking requests through the directory.")
    if Mentorship.objects.active().filter(planner=planner, mentor=mentor).exists():
        _refuse(f"{mentor.get_full_name()} already mentors you.")
    if MentorRequest.objects.owned_by(planner).open().filter(mentor=mentor).exists():
        _refuse(f"You have already asked {mentor.get_full_name()}; they have not answered yet.")
    loaded = with_load(MentorProfile.objects.filter(pk=profile.pk)).get()
    if loaded.at_capacity:
        _refuse(
            f"{mentor.get_full_name()} is at capacity and takes no new requests for now. "
            "Try someone else, or look again later."
        )
    since = timezone.now() - timedelta(days=1)
    recent = MentorRequest.objects.owned_by(planner).open().filter(created_at__gte=since)
    if recent.count() >= OPEN_PER_DAY:
        _refuse(f"You have sent {OPEN_PER_DAY} requests today. Give them a day to answer.")
    if ratelimit.wait_for("mentor_request", f"user:{planner.pk}") is not None:
        _refuse("You have sent many requests lately. Try again tomorrow.")


def request_send(
    *,
    planner: User,
    profile: MentorProfile,
    message: str,
    share_vision: bool = True,
    goals: Iterable[Goal] = (),
) -> MentorRequest:
    message = message.strip()
    if not message:
        _refuse("Say in a few words why you ask them and what you hope for.")
    _check_requestable(planner=planner, profile=profile)
    try:
        with transaction.atomic():
            request = MentorRequest.objects.create(
                planner=planner, mentor=profile.user, message=message, share_vision=share_vision
            )
            request.goals.set([g for g in goals if g.owner_id == planner.pk])
            notices.request_notify(request)
    except IntegrityError:
        # Two tabs sending at once: the constraint keeps one open request per pair.
        _refuse(f"You have already asked {profile.user.get_full_name()}.")
    return request


def _locked_open(request: MentorRequest, by: User) -> MentorRequest:
    locked = MentorRequest.objects.select_for_update().select_related("planner", "mentor")
    request = locked.get(pk=request.pk)
    if request.mentor_id != by.pk:
        raise ValidationError("Only the person asked can answer a request.")
    if not request.is_open:
        raise ValidationError("This request has already been answered.")
    return request


def _answered(request: MentorRequest, status: str, note: str) -> None:
    request.status = status
    request.note = note.strip()
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "note", "answered_at", "mentorship", "updated_at"])
    emails.send_answer(request=request)
    notices.answer_notify(request)


def request_accept(*, request: MentorRequest, by: User, note: str = "") -> Mentorship:
    """Starts the mentorship with the scope the planner chose when asking."""
    with transaction.atomic():
        request = _locked_open(request, by)
        if Mentorship.objects.active().filter(planner=request.planner, mentor=by).exists():
            raise ValidationError(f"You already mentor {request.planner.get_full_name()}.")
        mentorship = mentorship_start(
            planner=request.planner,
            mentor=by,
            share_vision=request.share_vision,
            goals=request.goals.all(),
        )
        request.mentorship = mentorship
        _answered(request, RequestStatus.ACCEPTED, note)
    return mentorship


def request_decline(*, request: MentorRequest, by: User, note: str = "") -> MentorRequest:
    with transaction.atomic():
        request = _locked_open(request, by)
        # Nothing of the plan stays offered to someone who said no.
        request.goals.clear()
        request.share_vision = False
        request.save(update_fields=["share_vision"])
        _answered(request, RequestStatus.DECLINED, note)
    return request


def request_withdraw(*, request: MentorRequest, by: User) -> MentorRequest:
    """The planner takes back a request the mentor has not answered: it leaves the mentor's
    list of requests waiting for them, and nothing of the plan stays offered."""
    with transaction.atomic():
        request = MentorRequest.objects.select_for_update().get(pk=request.pk)
        if request.planner_id != by.pk:
            raise ValidationError("Only the person who asked can withdraw a request.")
        if not request.is_open:
            raise ValidationError("They have already answered this request.")
        request.goals.clear()
        request.share_vision = False
        request.status = RequestStatus.WITHDRAWN
        request.answered_at = timezone.now()
        request.save(update_fields=["share_vision", "status", "answered_at", "updated_at"])
    return request


def requests_remind_due(*, now: datetime | None = None) -> int:
    """One reminder to the mentor, and word to the planner, for each request open for a week.

    The claim is the `reminded_at` stamp, set under a row lock (skipping rows another run holds)
    in the same transaction that queues the mail after commit: a second or concurrent run finds
    nothing left to claim."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            MentorRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("planner", "mentor")
            .filter(status=RequestStatus.OPEN, reminded_at=None, created_at__lte=now - REMIND_AFTER)
            .order_by("created_at")[:REMIND_BATCH]
        )
        for request in due:
            request.reminded_at = now
            request.save(update_fields=["reminded_at"])
            emails.send_reminder(request=request)
            notices.waiting_notify(request)
    return len(due)
