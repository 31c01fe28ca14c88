"""The goal list's filters."""

from typing import cast

from django import forms

from apps.assessment.selectors import values_of
from apps.core.forms import WrittenSelect
from apps.goals.models import GoalType, Horizon, Status


class GoalFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=100,
        label="Search",
        widget=forms.SearchInput(attrs={"placeholder": "Words in the title or description"}),
    )
    goal_type = forms.ChoiceField(
        required=False,
        label="Type",
        choices=[("", "All types"), *GoalType.choices],
        widget=WrittenSelect,
    )
    horizon = forms.ChoiceField(
        required=False,
        label="Horizon",
        choices=[("", "Any horizon"), *Horizon.choices],
        widget=WrittenSelect,
    )
    status = forms.ChoiceField(
        required=False,
        label="Status",
        choices=[("", "Any status"), *Status.choices],
        widget=WrittenSelect,
    )
    value = forms.ChoiceField(required=False, label="Serves the value", widget=WrittenSelect)

    def __init__(self, *args, owner, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.career_values = {value.pid: value for value in values_of(owner)}
        value = cast(forms.ChoiceField, self.fields["value"])
        value.choices = [
            ("", "Any value"),
            *((pid, v.name) for pid, v in self.career_values.items()),
        ]

    def filters(self) -> dict:
        """The valid filters only: a tampered value is ignored rather than an error."""
        self.is_valid()
        found = {k: v for k, v in self.cleaned_data.items() if v and k != "value"}
        if self.cleaned_data.get("value"):
            found["values"] = self.career_values[self.cleaned_data["value"]]
        return found

    @property
    def unknown_value(self) -> bool:
        """A value link that names none of the planner's values (removed since, or not theirs):
        the list says so and shows nothing, rather than every goal."""
        return bool(self.data.get("value")) and "value" in self.errors
