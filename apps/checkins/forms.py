from django import forms

from apps.accounts.timezones import canonical_timezones, find_timezone, validate_timezone
from apps.checkins.models import Frequency, Weekday
from apps.core.forms import PlainNumberInput

DAY_CHOICES = [(0, "Last day of the month")] + [(d, str(d)) for d in range(1, 32)]
# Which day field each rhythm reads; the other one keeps what was stored.
DAY_FIELD = {
    Frequency.WEEKLY: "weekday",
    Frequency.BIWEEKLY: "weekday",
    Frequency.MONTHLY: "day_of_month",
    Frequency.QUARTERLY: "day_of_month",
}
DAY_DEFAULTS = {"weekday": 0, "day_of_month": 1}


class ScheduleForm(forms.Form):
    """The reminder rhythm. Both day fields are on the page (a browser without JavaScript shows
    both, each saying which rhythms it is for; schedule.js hides the one that does not apply);
    only the one the chosen rhythm uses is read and required."""

    frequency = forms.ChoiceField(label="How often", choices=Frequency.choices)
    weekday = forms.TypedChoiceField(
        label="On (weekly and every two weeks)",
        choices=Weekday.choices,
        coerce=int,
        empty_value=None,
        required=False,
    )
    day_of_month = forms.TypedChoiceField(
        label="On day (monthly and quarterly)",
        choices=DAY_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Months without that day use their last day.",
    )
    local_time = forms.TimeField(
        label="At", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    timezone = forms.CharField(
        label="Time zone",
        max_length=64,
        help_text="Type a city or region and pick it from the list, e.g. Europe/Berlin.",
        widget=forms.TextInput(
            attrs={
                "list": "timezone-options",
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )
    paused = forms.BooleanField(label="Pause check-in reminders for now", required=False)
    milestone_reminders = forms.BooleanField(
        label="Email me the morning before a milestone is due",
        required=False,
        help_text="One short email listing what is due tomorrow; nothing on other days.",
    )

    def clean_timezone(self) -> str:
        typed = self.cleaned_data["timezone"]
        found = find_timezone(typed)
        if found is None:
            raise forms.ValidationError(
                "“%(typed)s” is not a time zone we know. Start typing your city or region "
                "and pick it from the list, e.g. Europe/Berlin or America/New_York.",
                code="invalid_timezone",
                params={"typed": typed},
            )
        validate_timezone(found)
        return found

    def clean(self) -> dict:
        data = super().clean() or {}
        wanted = DAY_FIELD.get(data.get("frequency", ""))
        for name, default in DAY_DEFAULTS.items():
            if name != wanted:
                data[name] = self.initial.get(name, default)
            elif data.get(name) is None and name not in self.errors:
                what = "day of the week" if name == "weekday" else "day of the month"
                self.add_error(name, f"Choose the {what} your reminders come on.")
        return data


def timezone_options() -> list[tuple[str, str]]:
    """The zone picker's list, (value, words): every place once, common ones first. The words
    let "new york" find America/New_York."""
    return [(name, name.replace("_", " ")) for name in canonical_timezones()]


CONFIDENCE_CHOICES = [
    ("", "Choose…"),
    (1, "1 — not at all"),
    (2, "2 — a little"),
    (3, "3 — fairly"),
    (4, "4 — quite"),
    (5, "5 — very"),
]


class CheckInForm(forms.Form):
    """The review. Per goal: its measure (if it has a number), milestones reached, an obstacle
    met and a note; then the reflection. Field names carry the goal's public id."""

    went_well = forms.CharField(
        label="What went well?",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One win per line — each one goes into your wins journal.",
    )
    challenges = forms.CharField(
        label="What got in the way?",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    next_steps = forms.CharField(
        label="Your next steps",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confidence = forms.TypedChoiceField(
        label="How confident are you about reaching your goals?",
        choices=CONFIDENCE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    note = forms.CharField(
        label="Anything else?",
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, goals, since, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        for goal in goals:
            key = goal.public_id.hex
            if goal.measure_kind == "number":
                unit = f" ({goal.measure_unit})" if goal.measure_unit else ""
                self.fields[f"value_{key}"] = forms.DecimalField(
                    label=f"Where are you now{unit}?",
                    required=False,
                    max_digits=12,
                    decimal_places=2,
                    widget=PlainNumberInput(attrs={"step": "any", "inputmode": "decimal"}),
                )
            # Open milestones, and those ticked since this check-in began (so that saving the
            # draft twice, or unticking one, works).
            listed = [m for m in goal.milestones.all() if m.done_at is None or m.done_at >= since]
            if listed:
                self.fields[f"milestones_{key}"] = forms.MultipleChoiceField(
                    label="Milestones you reached",
                    choices=[(m.public_id.hex, m.title) for m in listed],
                    initial=[m.public_id.hex for m in listed if m.done_at is not None],
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
            if goal.obstacles.all():
                self.fields[f"obstacle_{key}"] = forms.ChoiceField(
                    label="An obstacle you met",
                    choices=[("", "None this time")]
                    + [(o.public_id.hex, o.description[:80]) for o in goal.obstacles.all()],
                    required=False,
                )
            self.fields[f"note_{key}"] = forms.CharField(
                label="A note on this goal", required=False, max_length=2_000
            )

    def goal_fields(self, goal) -> list:
        key = goal.public_id.hex
        names = [f"value_{key}", f"milestones_{key}", f"obstacle_{key}", f"note_{key}"]
        return [self[name] for name in names if name in self.fields]
