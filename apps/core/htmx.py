"""The few things every view does with HTMX: pick the partial, answer a write, bind a form.

A page template defines its fragments with `{% partialdef %}`; one view serves the page and,
for an HTMX request, the fragment the request swaps.
"""

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def wants_partial(request: HtmxHttpRequest) -> bool:
    # A history restore asks for the whole page: htmx swaps it into <body>.
    return bool(request.htmx) and not request.htmx.history_restore_request


def template_for(request: HtmxHttpRequest, template: str, partial: str) -> str:
    """`template`, or `template#partial` when the request is an HTMX swap."""
    return f"{template}#{partial}" if wants_partial(request) else template


def render_page(
    request: HtmxHttpRequest,
    template: str,
    context: dict,
    *,
    partial: str | None = None,
    form: BaseForm | None = None,
    status: int | None = None,
) -> HttpResponse:
    """Render a page or, for HTMX, its `partial`. A `form` with errors makes the answer a 422,
    which htmx is configured to swap so that the errors appear in place."""
    name = template_for(request, template, partial) if partial else template
    if status is None:
        status = 422 if form is not None and form.errors else 200
    return render(request, name, context, status=status)


def done(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """After a successful write: a redirect, or for HTMX a client-side one."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def posted(request: HttpRequest) -> QueryDict | None:
    """The POST data to bind a form to, or None on GET. An empty POST still binds."""
    return request.POST if request.method == "POST" else None


def confirm_delete(
    request: HtmxHttpRequest,
    form: BaseForm,
    *,
    what: str,
    title: str,
    action: str,
    back: str,
    note: str = "",
) -> HttpResponse:
    """The one confirmation page of every delete (templates/components/confirm_delete.html):
    what goes (`what` “`title`”, and `note` for what goes with it), the delete `action` and the
    way `back`. A 422 when the form was sent without its confirmation."""
    context = {"form": form, "what": what, "title": title, "note": note}
    context |= {"action": action, "back": back}
    return render_page(request, "components/confirm_delete.html", context, form=form)
