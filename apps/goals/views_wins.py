"""The wins journal: every milestone reached lands here, and the planner adds their own."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.htmx import HtmxHttpRequest
from apps.goals import services
from apps.goals.models import Win
from apps.milestones.forms import EARLIEST, DeleteForm

PER_PAGE = 50


class WinForm(forms.Form):
    title = forms.CharField(
        label="What went well",
        max_length=200,
        error_messages={"required": "Say in a few words what went well."},
        widget=forms.TextInput(attrs={"placeholder": "e.g. Led my first team meeting"}),
    )
    happened_on = forms.DateField(
        label="When",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2030-06-30."},
    )
    note = forms.CharField(
        label="A note for future you (optional)",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_happened_on(self) -> date:
        value = self.cleaned_data["happened_on"]
        if value > self.today:
            raise forms.ValidationError("A win has already happened: choose today or earlier.")
        if value < EARLIEST:
            raise forms.ValidationError("Choose a date after 1900.")
        return value


def _journal(
    request: HtmxHttpRequest, form: WinForm, *, status: int = 200, news: str = ""
) -> HttpResponse:
    """The page, or with HTMX its journal part: the add form and the wins, newest first."""
    wins = Win.objects.visible_to(request.user).select_related("goal", "milestone")
    page = Paginator(wins.order_by("-happened_on", "-created_at"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    template = "wins/list.html#journal" if request.htmx else "wins/list.html"
    context = {"form": form, "page": page, "news": news}
    return render(request, template, context, status=status)


def _blank_form() -> WinForm:
    today = timezone.localdate()
    return WinForm(initial={"happened_on": today}, today=today)


@login_required
@require_http_methods(["GET"])
def win_list(request: HtmxHttpRequest) -> HttpResponse:
    return _journal(request, _blank_form())


@login_required
@require_POST
def win_create(request: HtmxHttpRequest) -> HttpResponse:
    form = WinForm(request.POST, today=timezone.localdate())
    if form.is_valid():
        try:
            services.win_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if form.errors:
        return _journal(request, form, status=422)
    if not request.htmx:
        messages.success(request, "Added to your journal. Well done!")
        return redirect("wins:list")
    return _journal(request, _blank_form(), news="Added to your journal. Well done!")


@login_required
@require_http_methods(["GET", "POST"])
def win_delete(request: HtmxHttpRequest, public_id) -> HttpResponse:
    win = get_object_or_404(Win.objects.editable_by(request.user), public_id=public_id)
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.win_delete(win=win)
        news = f"“{win.title}” is off your journal."
        if not request.htmx:
            messages.success(request, news)
            return redirect("wins:list")
        return _journal(request, _blank_form(), news=news)
    if form.is_bound and request.htmx:
        return _journal(request, _blank_form(), status=422)
    status = 422 if form.errors else 200
    return render(request, "wins/confirm_delete.html", {"win": win, "form": form}, status=status)
