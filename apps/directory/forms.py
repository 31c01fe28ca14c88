from django import forms

from apps.accounts.models import User
from apps.directory.models import MAX_CAPACITY, MentorProfile
from apps.mentorship.forms import GoalChoiceField


class ProfileForm(forms.Form):
    headline = forms.CharField(
        label="Headline",
        max_length=120,
        help_text="One line about what you can help with, e.g. “Engineering manager, ten years "
        "in product teams”.",
    )
    areas = forms.CharField(
        label="Areas of expertise",
        required=False,
        max_length=500,
        help_text="Separate them with commas, e.g. “leadership, career change, python”. "
        "Planners filter the directory by these.",
    )
    capacity = forms.IntegerField(
        label="How many mentees you can take",
        min_value=1,
        max_value=MAX_CAPACITY,
        initial=2,
        help_text="Once you mentor this many people, the directory shows you as at capacity "
        "and nobody can send you a request.",
    )
    listed = forms.BooleanField(
        label="Show me in the directory",
        required=False,
        initial=True,
        help_text="Only signed-in people see the directory: your name, headline, areas and "
        "whether you have room. Never your email or your plan.",
    )

    def clean_areas(self) -> list[str]:
        return [part for part in self.cleaned_data["areas"].split(",") if part.strip()]


def profile_initial(profile: MentorProfile | None) -> dict:
    if profile is None:
        return {}
    return {
        "headline": profile.headline,
        "areas": ", ".join(profile.areas),
        "capacity": profile.capacity,
        "listed": profile.listed,
    }


class RequestForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why you ask them, and what you hope for. Only they read it.",
    )
    share_vision = forms.BooleanField(label="Share your vision", required=False, initial=True)

    def __init__(self, *args, owner: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = GoalChoiceField(
            owner,
            label="Goals to share if they accept",
            help_text="Nothing is shared before they accept; they see only the titles of what "
            "you offer until then.",
        )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[("accept", "Accept"), ("decline", "Decline")], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label="A note for them (optional)",
        required=False,
        max_length=1_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="It goes into the email that tells them your answer.",
    )
