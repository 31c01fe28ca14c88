"""Input for the matrix and the wins journal. Forms parse and check; services write."""

from datetime import date
from typing import Any, cast
from uuid import UUID

from django import forms
from django.core.exceptions import ValidationError

from apps.accounts.models import User
from apps.goals.models import Goal, Quadrant

# More goals than anyone keeps in a matrix: a longer order is not from the page.
MAX_ORDER = 500


# A win dated before this is a typing slip (a year of 0202).
EARLIEST_WIN = date(1900, 1, 1)


class MoveForm(forms.Form):
    """A card's buttons: up, down, or to another quadrant."""

    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")], required=False)
    quadrant = forms.ChoiceField(choices=Quadrant.choices, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("direction")) == bool(data.get("quadrant")):
            raise ValidationError("Choose to move the goal up, down or to another quadrant.")
        return data


class UUIDListField(forms.Field):
    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[UUID]:
        if not value:
            return []
        if len(value) > MAX_ORDER:
            raise ValidationError("That is more goals than a matrix holds.", code="too_long")
        try:
            return [UUID(str(item)) for item in value]
        except ValueError:
            raise ValidationError("The new order could not be read.", code="invalid") from None


class ReorderForm(forms.Form):
    """A drop, filled in by matrix.js: the goal, the quadrant it landed in, and that
    quadrant's order from top down."""

    goal = forms.UUIDField(widget=forms.HiddenInput)
    quadrant = forms.ChoiceField(choices=Quadrant.choices, widget=forms.HiddenInput)
    order = UUIDListField(required=False)


def form_errors(form: forms.BaseForm) -> str:
    """All of a form's errors in one line, for a form whose fields the page does not show."""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


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
    goal = forms.ModelChoiceField(
        label="Towards which goal (optional)",
        queryset=Goal.objects.none(),
        required=False,
        to_field_name="public_id",
        empty_label="No goal in particular",
    )

    def __init__(self, *args: Any, today: date, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        goal = cast(forms.ModelChoiceField, self.fields["goal"])
        goal.queryset = Goal.objects.owned_by(owner).open().in_order()

    def clean_happened_on(self) -> date:
        value = self.cleaned_data["happened_on"]
        if value > self.today:
            raise forms.ValidationError("A win has already happened: choose today or earlier.")
        if value < EARLIEST_WIN:
            raise forms.ValidationError("Choose a date after 1900.")
        return value
