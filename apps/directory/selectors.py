"""Reads for the directory pages, each a fixed number of queries whatever the number of
mentors or requests."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce

from apps.accounts.models import User
from apps.directory.models import MentorProfile, MentorProfileQuerySet, MentorRequest
from apps.mentorship.models import Mentorship

PER_PAGE = 20


def normalise_area(text: str) -> str:
    return " ".join(text.split()).lower()


def with_load(profiles: MentorProfileQuerySet) -> MentorProfileQuerySet:
    """Each profile with `mentee_count`: the mentorships its person runs as mentor today."""
    running = (
        Mentorship.objects.active()
        .filter(mentor=OuterRef("user"))
        .order_by()
        .values("mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return profiles.annotate(
        mentee_count=Coalesce(Subquery(running, output_field=IntegerField()), 0)
    ).annotate(at_capacity=ExpressionWrapper(Q(mentee_count__gte=F("capacity")), BooleanField()))


@dataclass
class Directory:
    page: Page
    areas: list[str]
    area: str
    query: str
    requested: set[int]
    mentoring_me: set[int]


def directory(viewer: User, *, area: str = "", query: str = "", page: str | int = 1) -> Directory:
    listed = MentorProfile.objects.listed().exclude(user=viewer)
    area, query = normalise_area(area), " ".join(query.split())
    found = listed
    if area:
        found = found.filter(areas__contains=[area])
    if query:
        found = found.filter(headline__icontains=query)
    found = with_load(found.select_related("user")).order_by("at_capacity", "-updated_at", "pk")
    return Directory(
        page=Paginator(found, PER_PAGE).get_page(page),
        areas=all_areas(listed),
        area=area,
        query=query,
        requested=set(
            MentorRequest.objects.owned_by(viewer).open().values_list("mentor_id", flat=True)
        ),
        mentoring_me=set(
            Mentorship.objects.owned_by(viewer).active().values_list("mentor_id", flat=True)
        ),
    )


def all_areas(profiles: MentorProfileQuerySet, limit: int = 100) -> list[str]:
    """The areas named by listed mentors, for the filter: one query."""
    unnested = profiles.annotate(area=Func(F("areas"), function="unnest")).values_list(
        "area", flat=True
    )
    return list(unnested.order_by("area").distinct()[:limit])


def between(planner: User, mentor: User) -> dict:
    """What already links the two, so the card offers no request it would refuse."""
    asked = MentorRequest.objects.owned_by(planner).open().filter(mentor=mentor).first()
    mentors = Mentorship.objects.owned_by(planner).active().filter(mentor=mentor).exists()
    return {"open_request": asked, "mentors_me": mentors}


def requests_page(user: User) -> dict:
    received = MentorRequest.objects.received_by(user).select_related("planner")
    sent = MentorRequest.objects.owned_by(user).select_related("mentor")
    return {
        "received_open": list(received.open()),
        "received_answered": list(received.exclude(status="open")[:20]),
        "sent": list(sent[:50]),
    }
