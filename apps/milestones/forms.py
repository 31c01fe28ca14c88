"""Input for milestones and action steps. Forms parse and check; services write."""

from datetime import date
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone

from apps.core.dates import exact_date, plan_date_problem
from apps.goals.models import Goal

# Without its goal at hand (never in the views), only dates no plan can mean are refused.
LONG_AGO = date(1900, 1, 1)


def _due_date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2030-06-30."},
    )


class _DatedForm(forms.Form):
    """A due date under a goal: refused when impossible (before the goal was set, or absurdly
    far ahead); held back once when unlikely — after the goal's own target date — with the
    reason and a "keep this date" box, so a slip is caught and a deliberate plan still fits.
    An unchanged date is never questioned, so old rows stay editable."""

    def __init__(self, *args: Any, goal: Goal | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal = goal
        if self.is_bound and self.data.get("keep_date"):
            self._offer_keep()

    def _offer_keep(self) -> None:
        self.fields["keep_date"] = forms.BooleanField(label="Keep this date anyway", required=False)

    def _changed_date(self, day: date | None) -> bool:
        return day is not None and day != self.initial.get("due_date")

    def clean_due_date(self) -> date | None:
        day = self.cleaned_data.get("due_date")
        if day is None or not self._changed_date(day):
            return day
        today = timezone.localdate()
        earliest = timezone.localdate(self.goal.created_at) if self.goal else LONG_AGO
        problem = plan_date_problem(day, earliest=earliest, today=today, before="you set this goal")
        if problem:
            raise forms.ValidationError(problem)
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, target = data.get("due_date"), self.goal.target_date if self.goal else None
        if day is None or target is None or day <= target:
            return data
        if self._changed_date(day) and not self.data.get("keep_date"):
            self._offer_keep()
            message = (
                f"That is after your goal's target date ({exact_date(target)}), so the goal "
                "would be due before this. Pick an earlier date, or tick “Keep this date "
                "anyway” and save again."
            )
            self.add_error("due_date", forms.ValidationError(message, code="after_goal"))
        return data


class MilestoneForm(_DatedForm):
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

    @classmethod
    def new(cls, data: QueryDict | None = None, *, goal: Goal | None = None) -> "MilestoneForm":
        """The add-a-milestone form at the foot of the section (the empty state links to it)."""
        return cls(data, goal=goal, auto_id="new-milestone-%s")


class StepForm(_DatedForm):
    title = forms.CharField(
        label="Action step",
        max_length=200,
        error_messages={"required": "Say what the step is."},
    )
    due_date = _due_date_field("Due date (optional)")


class NewStepForm(StepForm):
    """The add-a-step form under one milestone: every milestone has one, each with its own ids,
    so a form sent back with errors shows them under the right milestone."""

    def __init__(
        self, data: QueryDict | None = None, *, milestone_pid: str, goal: Goal | None = None
    ) -> None:
        super().__init__(data, goal=goal, auto_id=f"new-step-{milestone_pid}-%s")
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
