"""Interests and passions: reflection prompts answered in free text, one card each, and the
planner's own prompts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import catalog, services
from apps.assessment.access import access_prompt, access_reflection
from apps.assessment.forms import AnswerForm, ConfirmForm, HideForm, PromptForm
from apps.assessment.models import Reflection
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, posted, render_page

TEMPLATE = "assessment/interests.html"


class PromptCard:
    """One prompt on the page: its question and hint, the planner's answer and state."""

    def __init__(self, row: Reflection, *, question: str, hint: str = "") -> None:
        self.row = row
        self.key = row.key or row.pid
        self.question = question
        self.hint = hint
        self.own = not row.key
        self.form = AnswerForm(initial={"answer": row.answer}, auto_id=f"prompt-{self.key}-%s")


def prompt_cards(user) -> list[PromptCard]:
    """Built-in prompts first in their order, then the planner's own, oldest first."""
    rows = list(Reflection.objects.editable_by(user))
    by_key = {row.key: row for row in rows if row.key}
    cards = [
        PromptCard(
            by_key.get(prompt.key) or Reflection(owner=user, key=prompt.key),
            question=prompt.question,
            hint=prompt.hint,
        )
        for prompt in catalog.PROMPTS
    ]
    cards += [PromptCard(row, question=row.question) for row in rows if not row.key]
    return cards


def _page(
    request: AuthenticatedHttpRequest,
    *,
    prompt_form: PromptForm | None = None,
    failed: PromptCard | None = None,
    status: int | None = None,
) -> HttpResponse:
    cards = prompt_cards(request.user)
    if failed is not None:
        cards = [failed if card.key == failed.key else card for card in cards]
        status = 422
    context = {
        "cards": [card for card in cards if not card.row.hidden],
        "hidden": [card for card in cards if card.row.hidden],
        "answered": sum(1 for card in cards if card.row.answer and not card.row.hidden),
        "prompt_form": prompt_form or PromptForm(),
        **guide_context(request, "interests"),
    }
    return render_page(
        request, TEMPLATE, context, partial="prompts", form=prompt_form, status=status
    )


def _card(request: AuthenticatedHttpRequest, card: PromptCard, *, saved: bool) -> HttpResponse:
    context = {"card": card, "saved": saved, "guide": in_guide(request)}
    status = 422 if card.form.errors else 200
    return render(request, f"{TEMPLATE}#card", context, status=status)


def _back(request: AuthenticatedHttpRequest, anchor: str = "") -> HttpResponse:
    return done(request, part_url("assessment:interests", guide=in_guide(request), anchor=anchor))


@login_required
@require_GET
def interests_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request)


def _card_for(row: Reflection) -> PromptCard:
    prompt = catalog.prompt_by_key().get(row.key)
    if prompt:
        return PromptCard(row, question=prompt.question, hint=prompt.hint)
    return PromptCard(row, question=row.question)


@login_required
@require_POST
def prompt_answer(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    row = access_prompt(request.user, key, for_write=True)
    card = _card_for(row)
    form = AnswerForm(request.POST, auto_id=f"prompt-{card.key}-%s")
    if form.is_valid():
        try:
            row = services.reflection_answer(reflection=row, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if not request.htmx:
                messages.success(request, "Your answer is saved.")
                return _back(request, f"prompt-{card.key}")
            return _card(request, _card_for(row), saved=True)
    card.form = form
    if request.htmx:
        return _card(request, card, saved=False)
    return _page(request, failed=card)


@login_required
@require_POST
def prompt_hide(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    row = access_prompt(request.user, key, for_write=True)
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Use the prompt's Hide or Show again button.")
        return _page(request, status=422)
    hidden = form.cleaned_data["hidden"] == "on"
    row = services.reflection_hide(reflection=row, hidden=hidden)
    card = _card_for(row)
    if hidden:
        messages.success(request, f"Hidden: “{card.question}”. It waits at the bottom of the page.")
    else:
        messages.success(request, f"“{card.question}” is back.")
    if request.htmx:
        return _page(request)
    return _back(request, "prompts")


@login_required
@require_POST
def prompt_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PromptForm(request.POST)
    if form.is_valid():
        try:
            row = services.reflection_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Your question is added: answer it whenever you like.")
            if request.htmx:
                return _page(request)
            return _back(request, f"prompt-{row.pid}")
    return _page(request, prompt_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def prompt_delete(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    row = access_reflection(request.user, public_id, for_write=True)
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.reflection_delete(reflection=row)
        messages.success(request, f"“{row.question}” is deleted.")
        return _page(request) if request.htmx else _back(request, "prompts")
    context = {
        "form": form,
        "what": "question",
        "title": row.question,
        "note": "Your answer goes with it." if row.answer else "",
        "action": request.path,
        "back": part_url("assessment:interests", anchor=f"prompt-{row.pid}"),
    }
    return render(
        request, "components/confirm_delete.html", context, status=422 if form.errors else 200
    )
