"""Input for milestones and action steps. Forms parse and check; services write."""

from datetime import date

from django import forms
from django.http import QueryDict

from apps.core.dates import OUT_OF_RANGE, in_planning_range


def _due_date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2030-06-30."},
    )


def _check_range(value: date | None) -> date | None:
    if value and not in_planning_range(value):
        raise forms.ValidationError(OUT_OF_RANGE)
    return value


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label="Milestone",
        max_length=200,
        error_messages={"required": "Give your milestone a short name."},
        widget=forms.TextInput(attrs={"placeholder": "e.g. Pass the practice exam"}),
    )
    description = forms.CharField(
        label="What done looks like (optional)",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    due_date = _due_date_field("Due date (optional)")

    def clean_due_date(self) -> date | None:
        return _check_range(self.cleaned_data.get("due_date"))

    @classmethod
    def new(cls, data: QueryDict | None = None) -> "MilestoneForm":
        """The add-a-milestone form at the foot of the section (the empty state links to it)."""
        return cls(data, auto_id="new-milestone-%s")


class StepForm(forms.Form):
    title = forms.CharField(
        label="Action step",
        max_length=200,
        error_messages={"required": "Say what the step is."},
    )
    due_date = _due_date_field("Due date (optional)")

    def clean_due_date(self) -> date | None:
        return _check_range(self.cleaned_data.get("due_date"))


class NewStepForm(StepForm):
    """The add-a-step form under one milestone: every milestone has one, each with its own ids,
    so a form sent back with errors shows them under the right milestone."""

    def __init__(self, data: QueryDict | None = None, *, milestone_pid: str) -> None:
        super().__init__(data, auto_id=f"new-step-{milestone_pid}-%s")
        self.milestone_pid = milestone_pid
        self.fields["title"].label = "Step"
        self.fields["title"].widget.attrs["placeholder"] = "A small, concrete action"


class DoneForm(forms.Form):
    """The state asked for, not a toggle: a double click cannot undo itself."""

    done = forms.TypedChoiceField(
        choices=[("1", "Done"), ("0", "Not done")], coerce=lambda value: value == "1"
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])

    @property
    def offset(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1


class DeleteForm(forms.Form):
    """Deleting takes an explicit yes, so a stray POST never removes anything."""

    confirm = forms.BooleanField(
        error_messages={"required": "Confirm that you want to delete it."},
        widget=forms.HiddenInput,
    )
