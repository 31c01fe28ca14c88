"""The add forms of the milestones section, for whichever page includes it.

The goal page renders the section without building its forms; these tags hand the section
the form a view sent back with errors, or a fresh one, so every form goes through the form
renderer.
"""

from django import template

from apps.milestones.forms import MilestoneForm, NewStepForm
from apps.milestones.models import Milestone

register = template.Library()


@register.simple_tag
def add_milestone_form(form: MilestoneForm | None = None) -> MilestoneForm:
    # A variable the page does not set arrives as "", not None.
    return form if isinstance(form, MilestoneForm) else MilestoneForm.new()


@register.simple_tag
def add_step_form(milestone: Milestone, form: NewStepForm | None = None) -> NewStepForm:
    """`form` when it was sent for `milestone`, else an empty one for it."""
    if isinstance(form, NewStepForm) and form.milestone_pk == milestone.pk:
        return form
    return NewStepForm(milestone=milestone)
