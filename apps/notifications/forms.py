from django import forms

from apps.notifications.models import EmailChoice


class EmailPreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="Email me about notifications",
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
        help_text="The digest comes at 8:00 in your time zone, only on days with something new.",
    )
