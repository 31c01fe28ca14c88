"""The conversation: the whole of it on a page of its own (the goal page shows the latest
threads), add a comment or note, reply, change one within 15 minutes, delete.

Each write answers a plain form post with a redirect back to the page of the goal or
check-in, and an HTMX one with the conversation part re-rendered in place."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import reswap, retarget

from apps.accounts.http import AuthenticatedHttpRequest
from apps.checkins.models import CheckIn
from apps.core.htmx import confirm_delete, posted, render_page, wants_partial
from apps.goals.forms import ConfirmDeleteForm, add_service_errors
from apps.goals.models import Goal
from apps.mentorship import services
from apps.mentorship.access import access_comment, active_mentorship, comment_target
from apps.mentorship.comment_forms import CommentForm, EditForm, ReplyForm
from apps.mentorship.conversation import TEMPLATE, conversation, milestones_of, target_url
from apps.mentorship.models import Comment


def _target_of(comment: Comment) -> Goal | CheckIn:
    # The database allows exactly one of the two.
    return comment.goal or comment.checkin  # type: ignore[return-value]


def _full(request: AuthenticatedHttpRequest) -> bool:
    # The whole conversation sends `full` with every write from it (hx-vals on its section),
    # so it stays whole; a write from the goal page answers with the goal page's part.
    return request.POST.get("full") == "1"


def _answer(
    request: AuthenticatedHttpRequest, target: Goal | CheckIn, anchor: str = "conversation"
) -> HttpResponse:
    """After a successful write: the conversation part for HTMX, else back to the page."""
    if wants_partial(request):
        data = conversation(request.user, target, full=_full(request))
        response = render(request, TEMPLATE + "#thread", {"data": data})
        # The edit form swaps itself; what comes back after a write is the whole thread.
        return retarget(reswap(response, "outerHTML"), "#conversation")
    return redirect(f"{target_url(target)}#{anchor}")


def _invalid(
    request: AuthenticatedHttpRequest,
    target: Goal | CheckIn,
    form: BaseForm,
    comment_form: CommentForm | None = None,
) -> HttpResponse:
    full = _full(request) or not wants_partial(request)
    data = conversation(request.user, target, form=comment_form, full=full)
    return render_page(request, TEMPLATE, {"data": data}, partial="thread", form=form)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def conversation_page(
    request: AuthenticatedHttpRequest, target: str, public_id: UUID
) -> HttpResponse:
    """Every thread: the page the goal page's "Show …" control links to, or for HTMX the
    conversation part it swaps in place."""
    subject = comment_target(request.user, target, public_id)
    data = conversation(request.user, subject, full=True)
    return render_page(request, TEMPLATE, {"data": data}, partial="thread")


@login_required
@require_POST
def comment_add(request: AuthenticatedHttpRequest, target: str, public_id: UUID) -> HttpResponse:
    subject = comment_target(request.user, target, public_id)
    is_planner = subject.owner_id == request.user.pk
    mentorship = None if is_planner else active_mentorship(subject.owner_id, request.user)
    if not is_planner and mentorship is None:
        raise Http404
    form = CommentForm(
        request.POST,
        is_planner=is_planner,
        planner_name=mentorship.planner.get_full_name() if mentorship else "",
        milestones=milestones_of(subject),
    )
    if form.is_valid():
        try:
            comment = services.comment_add(
                by=request.user,
                target=subject,
                body=form.cleaned_data["body"],
                kind=form.cleaned_data["kind"],
                milestone=form.milestone(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Your {comment.get_kind_display().lower()} is saved.")
            return _answer(request, subject, f"comment-{comment.public_id}")
    return _invalid(request, subject, form, form)


@login_required
@require_POST
def comment_reply(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    parent = access_comment(request.user, public_id)
    target = _target_of(parent)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            reply = services.comment_add(
                by=request.user, target=target, body=form.cleaned_data["body"], parent=parent
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your reply is saved.")
            return _answer(request, target, f"comment-{reply.public_id}")
    if wants_partial(request):
        # The reply box lives in the thread: the thread comes back with the reason.
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return _invalid(request, target, form)
    return render_page(
        request, "mentorship/comment_form.html", _form_context(parent, form, "reply"), form=form
    )


def _form_context(comment: Comment, form: BaseForm, action: str) -> dict:
    url = reverse(f"mentorship:comment-{action}", args=[comment.public_id])
    return {"comment": comment, "form": form, "action": url, "verb": action,
            "back": target_url(_target_of(comment))}  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    comment = access_comment(request.user, public_id, for_write=True)
    form = EditForm(posted(request), initial={"body": comment.body})
    if form.is_bound and form.is_valid():
        try:
            services.comment_edit(comment=comment, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your change is saved.")
            return _answer(request, _target_of(comment), f"comment-{comment.public_id}")
    context = _form_context(comment, form, "edit")
    return render_page(request, "mentorship/comment_form.html", context, partial="form", form=form)


@login_required
@require_http_methods(["GET", "POST"])
def comment_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    comment = access_comment(request.user, public_id)
    if not services.can_delete(comment, request.user):
        raise Http404
    target = _target_of(comment)
    form = ConfirmDeleteForm(posted(request))
    if form.is_bound and form.is_valid():
        services.comment_delete(comment=comment, by=request.user)
        messages.success(request, "The comment is deleted.")
        return _answer(request, target)
    replies = comment.replies.count()
    note = f"Its {replies} repl{'y goes' if replies == 1 else 'ies go'} with it." if replies else ""
    return confirm_delete(
        request,
        form,
        what=comment.get_kind_display().lower(),
        title=comment.body[:80],
        note=note,
        back=f"{target_url(target)}#comment-{comment.public_id}",
        action=reverse("mentorship:comment-delete", args=[comment.public_id]),
    )
