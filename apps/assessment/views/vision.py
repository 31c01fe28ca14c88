"""The vision statement: guidance, examples, the text, and every earlier version."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import services
from apps.assessment.access import access_vision_version
from apps.assessment.forms import VisionForm
from apps.assessment.models import CareerValue, VisionVersion
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, posted, render_page

# Versions listed on the page; the vision's history rarely runs longer, and the oldest matter
# least.
VERSIONS_SHOWN = 50

EXAMPLES = (
    "I lead a small product team at a company whose mission I believe in. My days go to "
    "helping people do their best work, and I still build things with my own hands one day a "
    "week.",
    "I am a respected data specialist in public health. My analyses shape decisions that "
    "reach thousands of people, and I work four days a week so that I have time for my family.",
    "I run my own design studio with two colleagues. We choose clients whose work we admire, "
    "and I teach an evening course for people starting out.",
)


@login_required
@require_http_methods(["GET", "POST"])
def vision_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    versions = list(VisionVersion.objects.editable_by(request.user)[:VERSIONS_SHOWN])
    current = versions[0] if versions else None
    form = VisionForm(posted(request), initial={"text": current.text if current else ""})
    if form.is_bound and form.is_valid():
        try:
            saved = services.vision_save(owner=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            news = "Your vision is saved." if saved else "No change: your vision already says that."
            messages.success(request, news)
            return done(request, part_url("assessment:vision", guide=in_guide(request)))
    top_values = CareerValue.objects.editable_by(request.user).filter(rank__isnull=False)
    context = {
        "form": form,
        "current": current,
        "earlier": versions[1:],
        "examples": EXAMPLES,
        "top_values": list(top_values),
        **guide_context(request, "vision"),
    }
    return render_page(request, "assessment/vision.html", context, form=form)


@login_required
@require_POST
def vision_restore(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    version = access_vision_version(request.user, public_id, for_write=True)
    restored = services.vision_restore(version=version)
    when = f"{timezone.localtime(version.created_at):%-d %b %Y}"
    if restored:
        messages.success(request, f"The version of {when} is your vision again.")
    else:
        messages.info(request, "That version is already your vision.")
    return done(request, part_url("assessment:vision"))
