"""The plan on paper: the vision, the goals with their milestones and the latest check-in, as
a page for the browser's print dialog and as a PDF made by WeasyPrint."""

from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.template.loader import render_to_string

from apps.accounts.models import User
from apps.assessment.models import VisionVersion
from apps.checkins.models import CheckIn, CheckInGoal
from apps.goals.models import Goal, Status
from apps.milestones.models import Milestone


@dataclass(frozen=True)
class PrintedPlan:
    owner: User
    vision: VisionVersion | None
    goals: list[Goal]
    checkin: CheckIn | None


def printed_plan(user: User) -> PrintedPlan:
    milestones = Milestone.objects.order_by("position", "created_at")
    goals = (
        Goal.objects.owned_by(user)
        .exclude(status=Status.ABANDONED)
        .order_by("position", "created_at")
        .prefetch_related(Prefetch("milestones", milestones))
    )
    lines = CheckInGoal.objects.select_related("goal").order_by("goal__position", "id")
    checkin = (
        CheckIn.objects.owned_by(user)
        .completed()
        .order_by("-completed_at")
        .prefetch_related(Prefetch("goal_entries", lines))
        .first()
    )
    vision = VisionVersion.objects.owned_by(user).order_by("-created_at", "-id").first()
    return PrintedPlan(owner=user, vision=vision, goals=list(goals), checkin=checkin)


def _no_fetching(url: str, *args: object, **kwargs: object) -> dict:
    # The document needs nothing from outside; a link in a plan must never make us fetch it.
    raise ValueError(f"Not fetched: {url[:80]}")


class PdfUnavailable(Exception):
    """The server lacks WeasyPrint's system libraries (Pango): see docs/operations.md."""


def plan_pdf(plan: PrintedPlan) -> bytes:
    try:
        from weasyprint import CSS, HTML
    except OSError as error:  # WeasyPrint loads Pango when it is imported
        raise PdfUnavailable(str(error)) from None

    html = render_to_string("portability/plan_pdf.html", {"plan": plan})
    stylesheet = CSS(filename=finders.find("css/print.css"), url_fetcher=_no_fetching)
    document = HTML(string=html, url_fetcher=_no_fetching)
    return document.write_pdf(stylesheets=[stylesheet]) or b""
