"""The skills inventory: each skill's level now and the level wanted, changed in place; a
starter list so nobody faces an empty page; and the gaps, widest first, each one click from a
development goal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.accounts.http import AuthenticatedHttpRequest
from apps.assessment import catalog, services
from apps.assessment.access import access_skill
from apps.assessment.forms import (
    LEVEL_NAMES,
    LEVELS,
    ConfirmForm,
    LevelForm,
    SkillForm,
    StarterForm,
    problems,
)
from apps.assessment.models import Skill, SkillKind
from apps.assessment.state import gaps as widest_first
from apps.assessment.views.common import guide_context, in_guide, part_url
from apps.core.htmx import done, posted, render_page

TEMPLATE = "assessment/skills.html"
STARTERS_OPEN_BELOW = 5


def _page(
    request: AuthenticatedHttpRequest,
    *,
    form: SkillForm | None = None,
    starter_error: str = "",
    status: int | None = None,
    starters_open: bool = False,
) -> HttpResponse:
    skills = list(Skill.objects.editable_by(request.user))
    have = {skill.name.casefold() for skill in skills}
    context = {
        "hard": [skill for skill in skills if skill.kind == SkillKind.HARD],
        "soft": [skill for skill in skills if skill.kind == SkillKind.SOFT],
        "count": len(skills),
        "gap_count": sum(1 for skill in skills if (skill.gap or 0) > 0),
        "unrated": sum(1 for skill in skills if skill.rating is None),
        "form": form or SkillForm(),
        "levels": LEVEL_NAMES,
        "level_key": LEVELS,
        "starters": [
            (area, [(skill, skill.name.casefold() in have) for skill in items])
            for area, items in catalog.starter_areas()
        ],
        "starter_error": starter_error,
        # Open while the inventory is small, and after a click on it, so that the next
        # starter skill is one more click away.
        "starters_open": starters_open or starter_error or len(skills) < STARTERS_OPEN_BELOW,
        **guide_context(request, "skills"),
    }
    if starter_error:
        status = 422
    return render_page(request, TEMPLATE, context, partial="inventory", form=form, status=status)


def _back(
    request: AuthenticatedHttpRequest, news: str, anchor: str = "", *, starters: bool = False
) -> HttpResponse:
    messages.success(request, news)
    if request.htmx:
        return _page(request, starters_open=starters)
    return done(request, part_url("assessment:skills", guide=in_guide(request), anchor=anchor))


@login_required
@require_GET
def skills_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_POST
def skill_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SkillForm(request.POST)
    if form.is_valid():
        try:
            skill = services.skill_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _back(request, f"“{skill.name}” is in your skills.", f"skill-{skill.pid}")
    return _page(request, form=form)


@login_required
@require_POST
def skill_starter(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StarterForm(request.POST)
    if form.is_valid():
        try:
            skill = services.skill_add_starter(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            news = f"“{skill.name}” is added: choose your level now and the one you want."
            return _back(request, news, f"skill-{skill.pid}", starters=True)
    return _page(request, starter_error=problems(form))


def _row(request: AuthenticatedHttpRequest, skill: Skill, form: LevelForm, saved: bool):
    context = {"skill": skill, "levels": LEVEL_NAMES, "level_form": form, "saved": saved}
    status = 422 if form.errors else 200
    return render(request, f"{TEMPLATE}#skill-row", context, status=status)


@login_required
@require_POST
def skill_level(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    skill = access_skill(request.user, public_id, for_write=True)
    form = LevelForm(request.POST, auto_id=f"level-{skill.pid}-%s")
    if form.is_valid():
        data = {"rating": form.cleaned_data["rating"], "target": form.cleaned_data["target"]}
        skill = services.skill_rate(skill=skill, **data)
        if not request.htmx:
            messages.success(request, f"Levels for “{skill.name}” saved.")
            return done(request, part_url("assessment:skills", anchor=f"skill-{skill.pid}"))
        return _row(request, skill, form, saved=True)
    skill.refresh_from_db()
    if request.htmx:
        return _row(request, skill, form, saved=False)
    messages.error(request, f"“{skill.name}”: {problems(form)}")
    return _page(request, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def skill_edit(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    skill = access_skill(request.user, public_id, for_write=True)
    fields = ("name", "kind", "area", "rating", "target", "evidence")
    form = SkillForm(posted(request), initial={name: getattr(skill, name) for name in fields})
    if form.is_bound and form.is_valid():
        try:
            services.skill_update(skill=skill, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"“{skill.name}” is saved.")
            return done(request, part_url("assessment:skills", anchor=f"skill-{skill.pid}"))
    context = {"form": form, "skill": skill}
    return render_page(request, "assessment/skill_edit.html", context, partial="edit", form=form)


@login_required
@require_http_methods(["GET", "POST"])
def skill_delete(request: AuthenticatedHttpRequest, public_id) -> HttpResponse:
    skill = access_skill(request.user, public_id, for_write=True)
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.skill_delete(skill=skill)
        return _back(request, f"“{skill.name}” is deleted.")
    context = {
        "form": form,
        "what": "skill",
        "title": skill.name,
        "action": request.path,
        "back": part_url("assessment:skills", anchor=f"skill-{skill.pid}"),
    }
    return render(
        request, "components/confirm_delete.html", context, status=422 if form.errors else 200
    )


@login_required
@require_GET
def skill_gaps(request: AuthenticatedHttpRequest) -> HttpResponse:
    skills = list(Skill.objects.editable_by(request.user).prefetch_related("goals"))
    gaps = widest_first(skills)
    context = {
        "gaps": gaps,
        "count": len(skills),
        "unrated": sum(1 for skill in skills if skill.rating is None or skill.target is None),
        "at_target": sum(1 for skill in skills if skill.gap is not None and skill.gap <= 0),
    }
    return render_page(request, "assessment/gaps.html", context)
