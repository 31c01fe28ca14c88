from django import forms

from apps.accounts.models import User
from apps.goals.models import Goal
from apps.mentorship.models import ASSESSMENT_PARTS, Mentorship


class GoalChoiceField(forms.ModelMultipleChoiceField):
    """The planner's own goals, by public id."""

    def __init__(self, owner: User, **kwargs) -> None:
        goals = Goal.objects.owned_by(owner).in_order()
        super().__init__(
            queryset=goals,
            to_field_name="public_id",
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


class InviteForm(forms.Form):
    email = forms.EmailField(label="Their email address", max_length=254)
    message = forms.CharField(
        label="A personal message",
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why you ask them, and what you hope for. It goes into the email.",
    )
    share_vision = forms.BooleanField(label="Share your vision", required=False, initial=True)

    def __init__(self, *args, owner: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = GoalChoiceField(
            owner, label="Goals to share", help_text="They see these goals with their milestones."
        )


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Mentorship
        fields = ["purpose", "rhythm", "end_date"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class SharingForm(forms.Form):
    share_vision = forms.BooleanField(label="Your vision", required=False)
    share_checkins = forms.BooleanField(label="Your check-in summaries", required=False)
    all_goals = forms.BooleanField(
        label="All your goals", required=False, help_text="New goals are shared as you add them."
    )
    assessment_parts = forms.MultipleChoiceField(
        label="Parts of your self-assessment",
        choices=ASSESSMENT_PARTS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, owner: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goals"] = GoalChoiceField(owner, label="Or these goals")


class ConfirmForm(forms.Form):
    """An irreversible action needs the explicit confirmation its button sends."""

    confirm = forms.BooleanField()


def sharing_initial(mentorship: Mentorship) -> dict:
    return {
        "share_vision": mentorship.share_vision,
        "share_checkins": mentorship.share_checkins,
        "all_goals": mentorship.all_goals,
        "assessment_parts": mentorship.assessment_parts,
        "goals": list(mentorship.goals.all()),
    }
