from django import forms

from apps.accounts.models import User
from apps.accounts.timezones import timezone_names, validate_timezone
from apps.core.validators import validate_single_line


def _timezone_field(*, from_browser: bool) -> forms.ChoiceField:
    attrs = {"data-browser-timezone": "true"} if from_browser else {}
    return forms.ChoiceField(
        label="Time zone",
        choices=[(name, name.replace("_", " ")) for name in timezone_names()],
        initial="UTC",
        validators=[validate_timezone],
        help_text="Deadlines and reminders follow this time zone.",
        widget=forms.Select(attrs=attrs),
    )


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth adds email and password and calls signup()."""

    display_name = forms.CharField(
        label="Your name",
        max_length=80,
        required=False,
        help_text="Optional. How careerplan and your mentors address you.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_single_line],
    )
    timezone = _timezone_field(from_browser=True)

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.timezone = self.cleaned_data["timezone"]
        user.save(update_fields=["display_name", "timezone"])


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        label="Your name",
        max_length=80,
        required=False,
        help_text="How careerplan and your mentors address you.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        validators=[validate_single_line],
    )
    timezone = _timezone_field(from_browser=False)


class DeleteAccountForm(forms.Form):
    """Deleting cannot be undone, so the person types their address: a slip of the mouse
    deletes nothing."""

    confirm = forms.CharField(
        label="Type your email address to confirm",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed.lower() != self.user.email.lower():
            raise forms.ValidationError(
                "That is not your address, so nothing was deleted. Type it exactly as shown."
            )
        return typed
