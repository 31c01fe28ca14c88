from django import forms

from apps.staff.selectors import USER_FILTERS


class UserSearchForm(forms.Form):
    q = forms.CharField(label="Search by address or name", max_length=254, required=False)
    show = forms.ChoiceField(
        label="Show", choices=list(USER_FILTERS.items()), required=False, initial="all"
    )


class ConfirmDeleteForm(forms.Form):
    """Deletion cannot be undone: staff type the person's address, so a slip deletes nothing."""

    confirm = forms.CharField(label="Type their email address to confirm", max_length=254)

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_confirm(self) -> str:
        typed = self.cleaned_data["confirm"].strip()
        if typed.lower() != self.email.lower():
            raise forms.ValidationError("That is not their address, so nothing was deleted.")
        return typed


class RetryForm(forms.Form):
    outbox = forms.CharField(max_length=64, widget=forms.HiddenInput)
    row = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
