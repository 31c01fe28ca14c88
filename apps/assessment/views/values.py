"""Values: pick from the list or add your own, then rank the top five by dragging or with the
buttons. Every action answers with the whole board (HTMX) or a redirect back to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.views.decorators.http import require_GET, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import catalog, services
from apps.assessment.access import access_value
from apps.assessment.forms import (
    ConfirmForm,
    MoveForm,
    RankForm,
    ValueAddForm,
    ValuePickForm,
    problems,
)
from apps.assessment.models import TOP_VALUES, CareerValue
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, render_page

TEMPLATE = "assessment/values.html"


def _board(
    request: AuthenticatedHttpRequest,
    *,
    pick_form: ValuePickForm | None = None,
    add_form: ValueAddForm | None = None,
    error: str = "",
    status: int | None = None,
) -> HttpResponse:
    values = list(CareerValue.objects.editable_by(request.user))
    ranked = [value for value in values if value.rank is not None]
    picked = [value.key for value in values if value.key]
    context = {
        "ranked": ranked,
        "others": [value for value in values if value.rank is None],
        "room": TOP_VALUES - len(ranked),
        "top": TOP_VALUES,
        "pick_form": pick_form or ValuePickForm(initial={"keys": picked, "picking": True}),
        "catalog": catalog.VALUES,
        "picked": set(picked),
        "add_form": add_form or ValueAddForm(),
        "error": error,
        **guide_context(request, "values"),
    }
    if status is None and (error or (add_form and add_form.errors)):
        status = 422
    return render_page(request, TEMPLATE, context, partial="board", form=pick_form, status=status)


def _answer(request: AuthenticatedHttpRequest, news: str) -> HttpResponse:
    if news:
        messages.success(request, news)
    if request.htmx:
        return _board(request)
    return done(request, part_url("assessment:values", guide=in_guide(request), anchor="board"))


@login_required
@require_GET
def values_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _board(request)


@login_required
@require_POST
def values_pick(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ValuePickForm(request.POST)
    if form.is_valid():
        try:
            services.values_pick(owner=request.user, keys=form.cleaned_data["keys"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            count = len(form.cleaned_data["keys"])
            return _answer(
                request, f"Saved: {count} value{'' if count == 1 else 's'} from the list."
            )
    return _board(request, pick_form=form)


@login_required
@require_POST
def value_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ValueAddForm(request.POST)
    if form.is_valid():
        try:
            value = services.value_add(owner=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _answer(request, f"“{value.name}” is one of your values now.")
    return _board(request, add_form=form)


def _rank_words(value: CareerValue) -> str:
    if value.rank is None:
        return f"“{value.name}” is out of your top {TOP_VALUES}."
    return f"“{value.name}” is now number {value.rank} of your top {TOP_VALUES}."


@login_required
@require_POST
def values_rank(request: AuthenticatedHttpRequest) -> HttpResponse:
    values = CareerValue.objects.editable_by(request.user)
    form = RankForm(request.POST, choices=[(value.pid, value.name) for value in values])
    if form.is_valid():
        try:
            ranked = services.values_rank(owner=request.user, ranked=form.cleaned_data["ranked"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            order = ", ".join(f"{place}. {value.name}" for place, value in enumerate(ranked, 1))
            return _answer(request, f"Your top {TOP_VALUES}: {order or 'none yet'}.")
    return _board(request, error=problems(form))


@login_required
@require_POST
def value_move(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    value = access_value(request.user, public_id, for_write=True)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            value = services.value_move(value=value, move=form.cleaned_data["move"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _answer(request, _rank_words(value))
    return _board(request, error=problems(form))


@login_required
@require_POST
def value_remove(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    value = access_value(request.user, public_id, for_write=True)
    if not ConfirmForm(request.POST).is_valid():
        return _board(request, error=f"“{value.name}” is still there: use its Remove button.")
    services.value_remove(value=value)
    return _answer(request, f"“{value.name}” is no longer one of your values.")
