"""Your data: download it (JSON, CSV), bring an export back, and print the plan."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import done, render_page
from apps.core.ratelimit import rate_limited
from apps.portability import audit_events, printing, services, spreadsheet
from apps.portability.access import access_export
from apps.portability.document import Unreadable
from apps.portability.forms import ImportForm
from apps.portability.models import LINK_LIFETIME, DataExport, ExportStatus

logger = logging.getLogger(__name__)


def _page(request: AuthenticatedHttpRequest, form: ImportForm) -> HttpResponse:
    exports = DataExport.objects.owned_by(request.user).live().defer("content")[:5]
    context = {
        "exports": exports,
        "form": form,
        "link_hours": int(LINK_LIFETIME.total_seconds() // 3600),
        "can_import": services.account_is_empty(request.user),
    }
    return render_page(request, "portability/data.html", context, form=form)


@login_required
@require_GET
def data_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request, ImportForm())


@login_required
@require_POST
@rate_limited("data_export")
def export_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    export = services.export_request(user=request.user)
    if export.is_downloadable():
        messages.success(request, "Your download is ready.")
    else:
        messages.success(request, "Your download is being prepared; it appears here when ready.")
    return done(request, reverse("portability:data"))


@login_required
@require_GET
def export_download(request: AuthenticatedHttpRequest, public_id: str) -> HttpResponse:
    export = access_export(request.user, public_id)
    if export.status == ExportStatus.PREPARING:
        messages.info(request, "That download is still being prepared. Look again in a moment.")
        return redirect("portability:data")
    if not export.is_downloadable():
        messages.error(request, "That download link has expired. Prepare a new one below.")
        return redirect("portability:data")
    response = HttpResponse(services.export_content(export), content_type="application/json")
    audit_events.downloaded(user=request.user, request=request, what="All your data as JSON")
    stamp = timezone.localtime(export.created_at).strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="careerplan-{stamp}.json"'
    return response


def _csv(content: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def goals_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    content = spreadsheet.goals_csv(request.user)
    audit_events.downloaded(user=request.user, request=request, what="Your goals as CSV")
    return _csv(content, "careerplan-goals.csv")


@login_required
@require_GET
def milestones_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    content = spreadsheet.milestones_csv(request.user)
    audit_events.downloaded(user=request.user, request=request, what="Your milestones as CSV")
    return _csv(content, "careerplan-milestones.csv")


@login_required
@require_http_methods(["POST"])
@rate_limited("data_import")
def import_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            raw = form.cleaned_data["file"].read()
            services.import_plan(user=request.user, raw=raw, request=request)
        except Unreadable as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, "Your plan is imported. Welcome back.")
            return done(request, reverse("dashboard:index"))
    return _page(request, form)


@login_required
@require_GET
def plan_print(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render_page(
        request, "portability/print.html", {"plan": printing.printed_plan(request.user)}
    )


@login_required
@require_GET
@rate_limited("plan_pdf")
def plan_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = printing.printed_plan(request.user)
    try:
        pdf = printing.plan_pdf(plan)
    except printing.PdfUnavailable:
        logger.error("PDF download unavailable: WeasyPrint's system libraries are missing.")
        context = {"plan": plan, "pdf_unavailable": True}
        return render_page(request, "portability/print.html", context, status=503)
    audit_events.pdf_downloaded(user=request.user, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="careerplan-plan.pdf"'
    return response
