"""The forms of what a goal carries: its obstacles and resources."""

from typing import Any, cast

from django import forms

from apps.goals import catalog
from apps.goals.models import Obstacle, Resource, ResourceStatus


class ObstacleForm(forms.ModelForm):
    suggestion = forms.ChoiceField(
        required=False,
        label="Or pick a strategy that often helps",
        help_text="If you leave the strategy empty, the one you pick here is used.",
    )

    class Meta:
        model = Obstacle
        fields = ("kind", "description", "strategy")
        labels = {
            "kind": "What kind of obstacle?",
            "description": "What might get in your way?",
            "strategy": "How will you handle it?",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "strategy": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs) -> None:
        # The goal page shows this form beside the resource form: ids of its own keep every
        # label pointing at its field (both have a "kind"). Field names stay as they are.
        kwargs.setdefault("auto_id", "obstacle-%s")
        super().__init__(*args, **kwargs)
        suggestion = cast(forms.ChoiceField, self.fields["suggestion"])
        suggestion.choices = [("", "Choose a suggestion…"), *catalog.strategy_choices()]
        suggestion.widget.attrs["data-strategy-for"] = self["strategy"].auto_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        suggestion = data.get("suggestion")
        strategy = data.get("strategy", "").strip()
        if suggestion and suggestion not in strategy:
            data["strategy"] = f"{strategy}\n{suggestion}".strip()
        return data


class ResourceForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "resource-%s")  # unique beside the obstacle form
        super().__init__(*args, **kwargs)

    class Meta:
        model = Resource
        fields = ("kind", "title", "url", "status")
        labels = {"title": "Name", "url": "Link (optional)"}
        widgets = {"url": forms.URLInput(attrs={"placeholder": "https://"})}


class ResourceStatusForm(forms.Form):
    status = forms.ChoiceField(choices=ResourceStatus.choices)
