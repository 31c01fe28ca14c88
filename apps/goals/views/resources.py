"""A goal's resources: courses, books, people and organisations, each to do, in progress or
done. On the goal page the section adds, moves on and removes in place (HTMX)."""

import copy
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.htmx import confirm_delete, done, posted, render_page
from apps.goals import services
from apps.goals.access import access_goal, access_resource
from apps.goals.forms import ConfirmDeleteForm, ResourceForm, ResourceStatusForm
from apps.goals.models import Goal, Resource
from apps.goals.presentation import goal_url, resources_context


def _section(
    request: AuthenticatedHttpRequest,
    goal: Goal,
    form: ResourceForm | None = None,
    *,
    status: int | None = None,
) -> HttpResponse:
    """The resources section as it now is, for the HTMX swap on the goal page."""
    context = {**resources_context(goal, form), "can_edit": True}
    return render_page(request, "goals/_resources.html", context, form=form, status=status)


def _page(
    request: AuthenticatedHttpRequest,
    form: ResourceForm,
    *,
    goal: Goal,
    resource: Resource | None = None,
    status: int | None = None,
) -> HttpResponse:
    context = {"form": form, "goal": goal, "resource": resource}
    # The goal page fetches the add form into place; the page's other parts are not needed.
    return render_page(
        request,
        "goals/resource_form.html",
        context,
        partial="resource-form" if resource is None else None,
        form=form,
        status=status,
    )


def _fields(form: ResourceForm) -> dict[str, str]:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "title": data["title"],
        "url": data["url"],
        "status": data["status"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def resource_create(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    goal = access_goal(request.user, public_id, for_write=True)
    form = ResourceForm(posted(request))
    if not form.is_bound:
        # Asked for on purpose (the goal page's button, or its own page): ready to type.
        form.fields["kind"].widget.attrs["autofocus"] = True
    if form.is_bound and form.is_valid():
        services.resource_create(goal=goal, **_fields(form))
        if request.htmx:
            return _section(request, goal)
        messages.success(request, "Resource added.")
        return redirect(goal_url(goal, "resources"))
    if request.htmx and form.is_bound:
        return _section(request, goal, form)
    return _page(request, form, goal=goal)


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    resource = access_resource(request.user, public_id, for_write=True)
    form = ResourceForm(posted(request), instance=copy.copy(resource))
    if form.is_bound and form.is_valid():
        services.resource_update(resource=resource, **_fields(form))
        messages.success(request, "Resource updated.")
        return done(request, goal_url(resource.goal, f"resource-{resource.public_id}"))
    return _page(request, form, goal=resource.goal, resource=resource)


@login_required
@require_POST
def resource_status(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    """The button that moves a resource on: to do, in progress, done."""
    resource = access_resource(request.user, public_id, for_write=True)
    form = ResourceStatusForm(request.POST)
    if form.is_valid():
        services.resource_set_status(resource=resource, status=form.cleaned_data["status"])
        if request.htmx:
            return _section(request, resource.goal)
        return redirect(goal_url(resource.goal, f"resource-{resource.public_id}"))
    if request.htmx:
        return _section(request, resource.goal, status=422)
    # Only a tampered form gets here: the resource's own form offers the real choices.
    messages.error(request, "That status is not one of the choices; nothing changed.")
    edit = ResourceForm(instance=resource)
    return _page(request, edit, goal=resource.goal, resource=resource, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def resource_delete(request: AuthenticatedHttpRequest, public_id: UUID) -> HttpResponse:
    resource = access_resource(request.user, public_id, for_write=True)
    form = ConfirmDeleteForm(posted(request))
    if form.is_bound and form.is_valid():
        services.resource_delete(resource=resource)
        if request.htmx:
            return _section(request, resource.goal)
        messages.success(request, "Resource removed.")
        return redirect(goal_url(resource.goal, "resources"))
    return confirm_delete(
        request,
        form,
        what="resource",
        title=resource.title,
        back=goal_url(resource.goal, "resources"),
        action=reverse("goals:resource-delete", args=[resource.public_id]),
    )
