"""Forms that parse what the planner sends. They validate input; the services do the writing."""

from datetime import date
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.safestring import SafeString

from apps.assessment.models import CareerValue, Insight, InsightKind, Skill
from apps.assessment.selectors import values_of
from apps.core.dates import plan_date_problem
from apps.core.forms import PlainNumberInput
from apps.goals import catalog
from apps.goals.models import (
    Goal,
    Horizon,
    MeasureKind,
    Status,
    suggested_horizon,
)
from apps.goals.services import GoalFields, NewGoalFields
from apps.goals.smart import Draft

AUTO = ""
GOAL_FIELDS = (
    "title",
    "description",
    "goal_type",
    "parent",
    "specific",
    "measure_kind",
    "measure_unit",
    "baseline",
    "target_value",
    "current_value",
    "achievable",
    "relevant",
    "target_date",
    "horizon",
    "urgent",
    "important",
)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's ValidationError, next to the fields it names when the form has them."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _parent_field(owner, exclude: Goal | None = None) -> forms.ModelChoiceField:
    """Only the planner's own long-term goals; URLs and forms carry their public ids."""
    parents = Goal.objects.editable_by(owner).filter(horizon=Horizon.LONG).in_order()
    if exclude is not None and exclude.pk:
        parents = parents.exclude(pk=exclude.pk)
    return forms.ModelChoiceField(
        queryset=parents,
        to_field_name="public_id",
        required=False,
        label="Serves the long-term goal",
        empty_label="None — this goal stands on its own",
        help_text="A short-term goal can be a stepping stone towards one of your long-term goals.",
        error_messages={"invalid_choice": "Choose one of your own long-term goals."},
    )


class ValuesField(forms.MultipleChoiceField):
    """The planner's own career values as checkboxes, by public id; cleans to the values."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, owner, **kwargs) -> None:
        self.by_pid = {value.pid: value for value in values_of(owner)}
        super().__init__(
            choices=[(pid, value.name) for pid, value in self.by_pid.items()],
            required=False,
            label="Which of your values does it serve?",
            help_text="Naming a value makes the goal relevant: you know why it matters.",
            error_messages={"invalid_choice": "Choose among your own career values."},
            **kwargs,
        )

    def clean(self, value: Any) -> list[CareerValue]:  # type: ignore[override]
        return [self.by_pid[pid] for pid in super().clean(value)]


def _source(owner, model: type[Insight] | type[Skill], public_id: str) -> Any:
    """The weakness or skill a "make this a goal" link named, if it is the planner's own."""
    rows = model.objects.editable_by(owner)
    if model is Insight:
        rows = rows.filter(kind=InsightKind.WEAKNESS)
    try:
        return rows.filter(public_id=public_id).first() if public_id else None
    except ValidationError:
        return None


def _number() -> forms.NumberInput:
    return PlainNumberInput(attrs={"step": "any", "inputmode": "decimal"})


class GoalForm(forms.ModelForm):
    horizon = forms.ChoiceField(
        choices=[(AUTO, "Suggest it from my target date"), *Horizon.choices],
        required=False,
        widget=forms.RadioSelect,
        label="Horizon",
    )
    # The template the form was started from: its milestones come along when the goal is saved.
    template = forms.CharField(required=False, widget=forms.HiddenInput)
    # The weakness or skill gap of the self-assessment the form was opened from.
    from_weakness = forms.CharField(required=False, widget=forms.HiddenInput)
    from_skill = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Goal
        fields = GOAL_FIELDS
        labels = {
            "title": "Your goal in a few words",
            "goal_type": "Type",
            "specific": "Specific: what exactly will you do?",
            "measure_kind": "Measurable: how will you know you are getting there?",
            "measure_unit": "Unit",
            "baseline": "Where you start",
            "target_value": "Your target",
            "current_value": "Where you are now",
            "achievable": "Achievable: what do you need, and what limits you?",
            "relevant": "Relevant: why does it matter to you?",
            "target_date": "Time-bound: by when?",
            "urgent": "Urgent — it needs attention soon",
            "important": "Important — it moves my career forward",
        }
        error_messages = {
            "title": {"required": "Give your goal a short title, in your own words."},
        }
        help_texts = {
            "description": "Optional notes, for your eyes only.",
            "measure_unit": "For example: contacts, hours, weeks in a row.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "specific": forms.Textarea(attrs={"rows": 3}),
            "achievable": forms.Textarea(attrs={"rows": 2}),
            "relevant": forms.Textarea(attrs={"rows": 2}),
            "measure_kind": forms.RadioSelect,
            "baseline": _number(),
            "target_value": _number(),
            "current_value": _number(),
            "target_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, owner, today: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.owner = owner
        self.fields["parent"] = _parent_field(owner, exclude=self.instance)
        self.fields["values"] = ValuesField(owner)
        if self.instance.pk:
            del self.fields["template"], self.fields["from_weakness"], self.fields["from_skill"]
            if self.instance.parent_id:
                self.initial["parent"] = self.instance.parent
            self.initial["values"] = [value.pid for value in self.instance.values.all()]
        else:
            self.initial.setdefault("horizon", AUTO)

    def clean_template(self) -> str:
        slug = self.cleaned_data["template"]
        return slug if catalog.template_by_slug(slug) else ""

    # A link to someone else's weakness or skill, or a mangled one, links nothing.
    def clean_from_weakness(self) -> Insight | None:
        return _source(self.owner, Insight, self.cleaned_data["from_weakness"])

    def clean_from_skill(self) -> Skill | None:
        return _source(self.owner, Skill, self.cleaned_data["from_skill"])

    def source(self) -> Insight | Skill | None:
        """Where in the self-assessment the new goal starts, for the form to say so."""
        if not self.is_bound:
            for name, model in (("from_weakness", Insight), ("from_skill", Skill)):
                found = _source(self.owner, model, str(self.initial.get(name, "")))
                if found:
                    return found
            return None
        data = getattr(self, "cleaned_data", {})
        return data.get("from_weakness") or data.get("from_skill")

    def clean_target_date(self) -> date | None:
        target = self.cleaned_data["target_date"]
        unchanged = self.instance.pk and target == self.instance.target_date
        if target and not unchanged:
            problem = plan_date_problem(
                target, earliest=self.today, today=self.today, before="today"
            )
            if problem:
                self.add_error(
                    "target_date",
                    "Pick a date from today onwards." if target < self.today else problem,
                )
        return target

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("horizon"):
            data["horizon"] = suggested_horizon(data.get("target_date"), self.today)
        if data.get("measure_kind") == MeasureKind.NUMBER and "target_value" in data:
            target, baseline = data.get("target_value"), data.get("baseline")
            if target is None:
                self.add_error("target_value", "Set the number you are aiming for.")
            elif baseline is not None and baseline == target:
                self.add_error("target_value", "Your target equals where you start: raise it.")
        return data

    def goal_fields(self) -> GoalFields:
        """The cleaned values, as the goal services take them."""
        data = self.cleaned_data
        return GoalFields(
            title=data["title"],
            description=data["description"],
            goal_type=data["goal_type"],
            horizon=data["horizon"],
            parent=data["parent"],
            specific=data["specific"],
            measure_kind=data["measure_kind"],
            measure_unit=data["measure_unit"],
            baseline=data["baseline"],
            target_value=data["target_value"],
            current_value=data["current_value"],
            achievable=data["achievable"],
            relevant=data["relevant"],
            target_date=data["target_date"],
            urgent=data["urgent"],
            important=data["important"],
            values=data["values"],
        )

    def new_goal_fields(self) -> NewGoalFields:
        """The cleaned values of a new goal, with where it started."""
        data = self.cleaned_data
        return NewGoalFields(
            **self.goal_fields(),
            source_weakness=data["from_weakness"],
            source_skill=data["from_skill"],
        )


class GoalEditForm(GoalForm):
    reason = forms.CharField(
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why are you changing this?",
        help_text="Optional. It is kept in the goal's history, so you can see later why the "
        "plan changed.",
    )


class SmartCheckForm(forms.Form):
    """A lenient read of a half-filled goal form, for the SMART check while typing.

    Nothing here is an error: a value that does not parse simply counts as missing.
    """

    title = forms.CharField(required=False)
    specific = forms.CharField(required=False)
    measure_kind = forms.ChoiceField(choices=MeasureKind.choices, required=False)
    measure_unit = forms.CharField(required=False)
    baseline = forms.DecimalField(required=False)
    target_value = forms.DecimalField(required=False)
    achievable = forms.CharField(required=False)
    relevant = forms.CharField(required=False)
    target_date = forms.DateField(required=False)
    template = forms.CharField(required=False)

    def __init__(self, *args, owner, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"] = _parent_field(owner)
        self.fields["values"] = ValuesField(owner)

    def draft(self, *, milestone_count: int | None = None) -> Draft:
        self.is_valid()
        data = self.cleaned_data
        if milestone_count is None:
            template = catalog.template_by_slug(data.get("template"))
            milestone_count = len(template.milestones) if template else 0
        return Draft(
            title=data.get("title", ""),
            specific=data.get("specific", ""),
            measure_kind=data.get("measure_kind") or MeasureKind.MILESTONES,
            measure_unit=data.get("measure_unit", ""),
            baseline=data.get("baseline"),
            target_value=data.get("target_value"),
            achievable=data.get("achievable", ""),
            relevant=data.get("relevant", ""),
            target_date=data.get("target_date"),
            has_parent=data.get("parent") is not None,
            milestone_count=milestone_count,
            value_names=tuple(value.name for value in data.get("values", ())),
        )


class ProgressForm(forms.Form):
    """Where a number-tracked goal stands now, from its page."""

    value = forms.DecimalField(
        label="Where you are now",
        max_digits=12,
        decimal_places=2,
        widget=_number(),
        error_messages={"required": "Enter the number you have reached."},
    )
    note = forms.CharField(
        label="What moved it (optional)",
        required=False,
        max_length=2_000,
        help_text="Shown next to the change in this goal's history.",
    )

    @classmethod
    def for_goal(cls, goal: Goal, data: QueryDict | None = None) -> "ProgressForm":
        form = cls(data, initial={"value": goal.current_value}, auto_id="progress-%s")
        if goal.measure_unit:
            form.fields["value"].label = f"Where you are now ({goal.measure_unit})"
        return form


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Status.ACTIVE, "Active"),
            (Status.ON_HOLD, "On hold"),
            (Status.ACHIEVED, "Achieved"),
            (Status.ABANDONED, "Abandoned"),
        ],
        error_messages={"required": "Choose what happens to this goal."},
    )
    reason = forms.CharField(
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why? (needed when you let a goal go)",
    )

    def reason_html(self) -> SafeString:
        """The reason's field group as the goal page shows it. Unbound, it is the same markup
        on every goal, so it is rendered once per process: every visit to a goal page shows
        it (in a closed "Let this goal go"), and a field group is a template render of its
        own. A bound form (one that came back with errors) renders its own."""
        if self.is_bound:
            return self["reason"].as_field_group()
        return _unbound_reason()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Status.ABANDONED and not data.get("reason", "").strip():
            self.add_error(
                "reason",
                "Say in a few words why you are letting this goal go — future you will want "
                "to know.",
            )
        return data


class ConfirmDeleteForm(forms.Form):
    """A delete needs the explicit confirmation its button sends; a bare POST deletes nothing."""

    confirm = forms.BooleanField()


@cache
def _unbound_reason() -> SafeString:
    return StatusForm()["reason"].as_field_group()
