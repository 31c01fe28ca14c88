from django import forms

from apps.accounts.timezones import timezone_names, validate_timezone
from apps.checkins.models import Frequency, Weekday

DAY_CHOICES = [(0, "Last day of the month")] + [(d, str(d)) for d in range(1, 32)]


class ScheduleForm(forms.Form):
    frequency = forms.ChoiceField(label="How often", choices=Frequency.choices)
    weekday = forms.TypedChoiceField(
        label="On (weekly and every two weeks)", choices=Weekday.choices, coerce=int
    )
    day_of_month = forms.TypedChoiceField(
        label="On day (monthly and quarterly)",
        choices=DAY_CHOICES,
        coerce=int,
        help_text="Months without that day use their last day.",
    )
    local_time = forms.TimeField(
        label="At", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        choices=[(name, name.replace("_", " ")) for name in timezone_names()],
        validators=[validate_timezone],
    )
    paused = forms.BooleanField(label="Pause reminders for now", required=False)
