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

register = template.Library()

_STAND_IN = "00000000-0000-4000-8000-000000000000"


@cache
def _empty_milestone_form() -> SafeString:
    return MilestoneForm.new().render()


@register.simple_tag
def add_milestone_form(form: MilestoneForm | None = None, *, focus: bool = False) -> SafeString:
    """The add-a-milestone fields; with `focus`, the title field takes the focus (htmx and the
    browser honour autofocus), so a keyboard user adds the next one straight away."""
    # A variable the page does not set arrives as "", not None.
    if isinstance(form, MilestoneForm):
        return form.render()
    if focus:
        return _focused(_empty_milestone_form())
    return _empty_milestone_form()


def _focused(fields: SafeString) -> SafeString:
    # The first input is the title; the markup stays as safe as the form renderer made it.
    return mark_safe(fields.replace("<input ", "<input autofocus ", 1))  # noqa: S308


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
def add_step_fields(
    milestone_pid: str, form: NewStepForm | None = None, *, focus: bool = False
) -> SafeString:
    """The fields of the add-a-step form under the milestone `milestone_pid`: `form` if it
    came back for this milestone with errors, else empty ones with this milestone's ids; with
    `focus` (just after a step was added) its title field takes the focus, ready for the next
    step."""
    if isinstance(form, NewStepForm) and form.milestone_pid == milestone_pid:
        return _fields(form)
    # A UUID swapped for a UUID: the markup stays as safe as the form renderer made it.
    fields = mark_safe(_empty_step_fields().replace(_STAND_IN, str(milestone_pid)))  # noqa: S308
    return _focused(fields) if focus else fields
