"""The add forms of the milestones section, for whichever page includes it.

The goal page renders the section without building its forms: these tags give the section
the form a view sent back with errors, or an empty one, all through the form renderer.

An empty form is the same markup on every page, so it is rendered once per process; the
add-a-step fields carry a stand-in id that each milestone fills in, as `plan_tags.link` does
for URLs. Rendering a form per milestone would make a long goal page a tenth slower.
"""

from functools import cache

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from apps.milestones.forms import MilestoneForm, NewStepForm
from apps.milestones.models import Milestone

register = template.Library()

_STAND_IN = "00000000-0000-4000-8000-000000000000"


@cache
def _empty_milestone_form() -> SafeString:
    return MilestoneForm.new().render()


@register.simple_tag
def add_milestone_form(form: MilestoneForm | None = None) -> SafeString:
    # A variable the page does not set arrives as "", not None.
    return form.render() if isinstance(form, MilestoneForm) else _empty_milestone_form()


def _fields(form: NewStepForm) -> SafeString:
    fields = format_html(
        "{}<div>{}</div><div>{}</div>",
        form.non_field_errors(),
        form["title"].as_field_group(),
        form["due_date"].as_field_group(),
    )
    if "keep_date" in form.fields:  # offered after a date past the goal's target date
        return format_html("{}<div>{}</div>", fields, form["keep_date"].as_field_group())
    return fields


@cache
def _empty_step_fields() -> SafeString:
    return _fields(NewStepForm(milestone_pid=_STAND_IN))


@register.simple_tag
def add_step_fields(milestone: Milestone, form: NewStepForm | None = None) -> SafeString:
    """The fields of the add-a-step form under `milestone`: `form` if it came back for this
    milestone with errors, else empty ones with this milestone's ids."""
    if isinstance(form, NewStepForm) and form.milestone_pid == milestone.pid:
        return _fields(form)
    # A UUID swapped for a UUID: the markup stays as safe as the form renderer made it.
    return mark_safe(_empty_step_fields().replace(_STAND_IN, milestone.pid))  # noqa: S308
