"""Input for the self-assessment. Forms parse and check what a person typed; services write."""

from uuid import UUID

from django import forms
from django.core.exceptions import ValidationError

from apps.assessment import catalog, riasec
from apps.assessment.models import TOP_VALUES, InsightKind, InsightSource, SkillKind
from apps.assessment.services.values import MOVES

LEVELS = (
    (1, "1 · Aware — I know what it is"),
    (2, "2 · Basic — I can do it with help"),
    (3, "3 · Capable — I do it on my own"),
    (4, "4 · Strong — others come to me for it"),
    (5, "5 · Expert — I teach it and set the bar"),
)
# The same levels in a word, where space is short (each skill's row on the skills page).
LEVEL_NAMES = ((1, "1 Aware"), (2, "2 Basic"), (3, "3 Capable"), (4, "4 Strong"), (5, "5 Expert"))
LEVEL_ERROR = "Choose a level from 1 to 5."


def _text(label: str, max_length: int, *, required: bool = True, rows: int = 0, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={
            "max_length": f"Keep it under {max_length:,} characters.",
            **kwargs.pop("error_messages", {}),
        },
        **kwargs,
    )


def _level(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("", "Not rated yet"), *LEVELS],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": LEVEL_ERROR},
    )


def problems(form: forms.BaseForm) -> str:
    """Every error of `form` as one sentence, for forms whose fields are buttons."""
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


class AddErrorsMixin:
    """A service's ValidationError, next to the fields it names when the form has them."""

    def add_service_errors(self, error: ValidationError) -> None:
        form: forms.Form = self  # type: ignore[assignment]
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)


class InsightForm(AddErrorsMixin, forms.Form):
    kind = forms.ChoiceField(choices=InsightKind.choices, widget=forms.HiddenInput)
    text = _text(
        "In a few words",
        300,
        error_messages={"required": "Say it in a few words."},
    )
    source = forms.ChoiceField(
        label="Where this comes from",
        choices=InsightSource.choices,
        initial=InsightSource.SELF,
        error_messages={"invalid_choice": "Choose where this insight comes from."},
    )
    improvement = _text(
        "An idea to improve it (optional)",
        1_000,
        required=False,
        rows=2,
        help_text="This can become a development goal in one click.",
    )


class ValueAddForm(AddErrorsMixin, forms.Form):
    name = _text(
        "Add a value of your own",
        60,
        error_messages={"required": "Name the value in a word or two."},
    )


def _sent(message: str) -> forms.BooleanField:
    """A hidden field every form of its kind sends, so that a form with nothing ticked or
    listed (unpick all, rank none) is told apart from a request that sent nothing at all."""
    return forms.BooleanField(widget=forms.HiddenInput, error_messages={"required": message})


class ValuePickForm(AddErrorsMixin, forms.Form):
    picking = _sent("Tick the values that matter to you and save again.")
    keys = forms.MultipleChoiceField(
        label="Values that matter to you",
        required=False,
        choices=[(value.key, value.name) for value in catalog.VALUES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Pick values from the list."},
    )


class RankForm(AddErrorsMixin, forms.Form):
    """The top values in order, by public id. The choices are the planner's own values, so a
    ranking that names anyone else's is a form error before any service runs."""

    ranking = _sent("Move a value, then try again.")
    ranked = forms.MultipleChoiceField(
        required=False,
        error_messages={
            "invalid_choice": "One of these is not among your values. Reload and try again."
        },
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ranked"].choices = choices  # type: ignore[attr-defined]

    def clean_ranked(self) -> list[UUID]:
        ranked = self.cleaned_data["ranked"]
        if len(ranked) > TOP_VALUES:
            raise ValidationError(f"You can rank {TOP_VALUES} values at most.")
        return [UUID(public_id) for public_id in ranked]


class MoveForm(AddErrorsMixin, forms.Form):
    move = forms.ChoiceField(
        choices=[(move, move) for move in MOVES],
        error_messages={"required": "Choose a move.", "invalid_choice": "Choose a move."},
    )


class SkillForm(AddErrorsMixin, forms.Form):
    name = _text("Skill", 80, error_messages={"required": "Name the skill."})
    kind = forms.ChoiceField(
        label="Kind",
        choices=SkillKind.choices,
        initial=SkillKind.HARD,
        widget=forms.RadioSelect,
        help_text="Hard skills are learnt techniques; soft skills are how you work with people "
        "and yourself.",
    )
    area = _text("Area (optional)", 60, required=False)
    rating = _level("Your level now")
    target = _level("The level you want")
    evidence = _text(
        "Evidence (optional)",
        2_000,
        required=False,
        rows=2,
        help_text="What shows this level: a project, a certificate, feedback.",
    )


class LevelForm(AddErrorsMixin, forms.Form):
    rating = _level("Now")
    target = _level("Target")
    rating_sent = _sent("Choose the levels and save again.")


class StarterForm(AddErrorsMixin, forms.Form):
    name = forms.ChoiceField(
        choices=[(skill.name, skill.name) for skill in catalog.STARTER_SKILLS],
        error_messages={"invalid_choice": "Choose a skill from the starter list."},
    )


class AnswerForm(AddErrorsMixin, forms.Form):
    answering = _sent("Write your answer and save again.")
    answer = _text("Your answer", 5_000, required=False, rows=4)


class HideForm(forms.Form):
    hidden = forms.ChoiceField(choices=[("on", "Hide"), ("off", "Show again")])


class PromptForm(AddErrorsMixin, forms.Form):
    question = _text(
        "Your own question",
        300,
        error_messages={"required": "Write the question you want to think about."},
    )


class ProfileForm(AddErrorsMixin, forms.Form):
    """The thirty items of the work-interests profile, each a 1 to 5 choice."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, text in riasec.ITEMS:
            self.fields[key] = forms.TypedChoiceField(
                label=text,
                choices=riasec.SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Choose how much you would enjoy this.",
                    "invalid_choice": "Choose one of the five answers.",
                },
            )


class VisionForm(AddErrorsMixin, forms.Form):
    text = _text(
        "Your vision",
        1_500,
        rows=6,
        error_messages={"required": "Write a sentence or two about where you are going."},
    )


class SnapshotForm(AddErrorsMixin, forms.Form):
    taking = _sent("Press “Take a snapshot” to keep your assessment as it is today.")
    note = _text("A note (optional)", 200, required=False)


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(error_messages={"required": "Confirm to delete."})
