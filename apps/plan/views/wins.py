"""The wins journal: every milestone reached and goal achieved lands here, and the planner adds
their own."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import confirm_delete, posted, render_page
from apps.goals import services
from apps.goals.access import access_win
from apps.goals.forms import ConfirmDeleteForm
from apps.goals.models import Win
from apps.plan.forms import WinForm

PER_PAGE = 50


def _journal(
    request: AuthenticatedHttpRequest, form: WinForm, *, status: int | None = None, news: str = ""
) -> HttpResponse:
    """The page, or with HTMX its journal part: the add form and the wins, newest first."""
    # The milestone, when a win came from one, marks the entry; loaded in the same query.
    wins = Win.objects.owned_by(request.user).select_related("goal", "milestone")
    page = Paginator(wins.order_by("-happened_on", "-created_at"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "news": news}
    return render_page(
        request, "wins/list.html", context, partial="journal", form=form, status=status
    )


def _blank_form(request: AuthenticatedHttpRequest) -> WinForm:
    today = timezone.localdate()
    return WinForm(initial={"happened_on": today}, today=today, owner=request.user)


@login_required
@require_GET
def win_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _journal(request, _blank_form(request))


@login_required
@require_POST
def win_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = WinForm(request.POST, today=timezone.localdate(), owner=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.win_create(
                owner=request.user,
                title=data["title"],
                happened_on=data["happened_on"],
                note=data["note"],
                goal=data["goal"],
            )
        except ValidationError as error:
            form.add_error(None, error)
    if form.errors:
        return _journal(request, form)
    if not request.htmx:
        messages.success(request, "Added to your journal. Well done!")
        return redirect("wins:list")
    return _journal(request, _blank_form(request), news="Added to your journal. Well done!")


@login_required
@require_http_methods(["GET", "POST"])
def win_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    win = access_win(
        request.user, public_id, for_write=True, queryset=Win.objects.select_related("milestone")
    )
    form = ConfirmDeleteForm(posted(request))
    if form.is_bound and form.is_valid():
        services.win_delete(win=win)
        news = f"“{win.title}” is off your journal."
        if not request.htmx:
            messages.success(request, news)
            return redirect("wins:list")
        return _journal(request, _blank_form(request), news=news)
    if form.is_bound and request.htmx:
        # The journal's delete button sends the confirmation; without it nothing goes.
        return _journal(request, _blank_form(request), status=422)
    from_milestone = getattr(win, "milestone", None) is not None
    return confirm_delete(
        request,
        form,
        what="win",
        title=win.title,
        note="The milestone stays reached; only this entry goes." if from_milestone else "",
        back=reverse("wins:list") + f"#win-{win.public_id}",
        action=reverse("wins:delete", args=[win.public_id]),
    )
