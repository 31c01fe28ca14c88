from django import forms

from apps.portability.document import MAX_BYTES, too_big_message


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Your export file",
        help_text="The .json file from “Download my data”, up to 5 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Measured before a byte of it is read.
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(too_big_message())
        return upload
