"""The forms of a mentorship's rhythm: a mentor's nudge, and deadline renegotiation (the
planner's proposal and decision, the mentor's comment)."""

from typing import cast

from django import forms

from apps.goals.models import Goal
from apps.milestones.models import Milestone

GOAL_ITSELF = "goal"


class NudgeForm(forms.Form):
    message = forms.CharField(
        label="A few words (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only your words are sent, nothing of their plan.",
    )


class DeadlineProposeForm(forms.Form):
    about = forms.ChoiceField(label="Which date")
    proposed_date = forms.DateField(
        label="The new date you propose",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date like 2030-06-30."},
    )
    reason = forms.CharField(
        label="Why you need it",
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Your mentor reads this, and it goes into the goal's history if you accept.",
    )

    def __init__(self, data=None, *, goal: Goal, milestones: list[Milestone]) -> None:
        super().__init__(data)
        self.goal = goal
        self.milestones = {m.pid: m for m in milestones}
        target = goal.target_date.isoformat() if goal.target_date else "no date yet"
        choices = [(GOAL_ITSELF, f"The goal’s target date ({target})")]
        for pid, m in self.milestones.items():
            due = m.due_date.isoformat() if m.due_date else "no date yet"
            choices.append((pid, f"Milestone “{m.title}” ({due})"))
        about = cast(forms.ChoiceField, self.fields["about"])
        about.choices = choices
        about.initial = GOAL_ITSELF

    def milestone(self) -> Milestone | None:
        return self.milestones.get(self.cleaned_data.get("about") or "")


class DeadlineCommentForm(forms.Form):
    body = forms.CharField(
        label="Your comment", max_length=2_000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeadlineDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("accept", "Accept the new date"), ("decline", "Keep the date as it is")],
        widget=forms.RadioSelect,
    )
