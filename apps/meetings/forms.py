"""The meeting forms: the rhythm, a one-off meeting, an agenda item, a note, reminders."""

from django import forms

from apps.accounts.timezones import find_timezone, validate_timezone
from apps.checkins.forms import DAY_CHOICES
from apps.checkins.models import Weekday
from apps.meetings.models import Frequency

DURATIONS = [
    (15, "15 minutes"),
    (30, "30 minutes"),
    (45, "45 minutes"),
    (60, "1 hour"),
    (90, "1½ hours"),
]


class ZoneField(forms.CharField):
    def __init__(self, **kwargs) -> None:
        super().__init__(
            label="Time zone",
            max_length=64,
            help_text="Yours, unless you change it; the other person sees their own time.",
            widget=forms.TextInput(
                attrs={"list": "timezone-options", "autocomplete": "off", "spellcheck": "false"}
            ),
            **kwargs,
        )

    def clean(self, value):
        typed = super().clean(value)
        found = find_timezone(typed)
        if found is None:
            raise forms.ValidationError(
                "“%(typed)s” is not a time zone we know, e.g. Europe/Berlin.",
                code="invalid_timezone",
                params={"typed": typed[:64]},
            )
        validate_timezone(found)
        return found


def _time_field() -> forms.TimeField:
    return forms.TimeField(
        label="At", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


def _duration_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label="For", choices=DURATIONS, coerce=int, initial=45)


class PrefixedIds(forms.Form):
    """Ids unique on a page that shows several of these forms."""

    id_prefix = "id_%s"

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", self.id_prefix)
        super().__init__(*args, **kwargs)


class SeriesForm(PrefixedIds):
    """The rhythm. Both day fields are shown; the chosen rhythm reads only its own."""

    id_prefix = "id_series_%s"

    frequency = forms.ChoiceField(label="How often", choices=Frequency.choices)
    weekday = forms.TypedChoiceField(
        label="On (weekly and every two weeks)",
        choices=Weekday.choices,
        coerce=int,
        required=False,
        empty_value=None,
    )
    day_of_month = forms.TypedChoiceField(
        label="On day (monthly)",
        choices=DAY_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Months without that day use their last day.",
    )
    local_time = _time_field()
    duration = _duration_field()
    timezone = ZoneField()

    def clean(self) -> dict:
        data = super().clean() or {}
        # The day field the rhythm does not read may be left empty.
        for name, default in (("weekday", 0), ("day_of_month", 1)):
            if data.get(name) is None:
                data[name] = default
        return data


class OneOffForm(PrefixedIds):
    id_prefix = "id_once_%s"
    day = forms.DateField(label="On", widget=forms.DateInput(attrs={"type": "date"}))
    local_time = _time_field()
    duration = _duration_field()
    timezone = ZoneField()


class AgendaItemForm(forms.Form):
    body = forms.CharField(
        label="Something to talk about",
        max_length=1_000,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Your note", max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label="Who reads it",
        widget=forms.RadioSelect,
        initial="shared",
        choices=[("shared", "Shared with the other person"), ("private", "Private: only you")],
    )


class RemindersForm(PrefixedIds):
    id_prefix = "id_mail_%s"
    reminders = forms.BooleanField(label="Email me the day before each meeting", required=False)
