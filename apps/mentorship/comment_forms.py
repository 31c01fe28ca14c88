"""The forms of the conversation: a new comment (with who may read it and, on a goal, what
it is about), a reply, and an edit."""

from typing import cast

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString

from apps.mentorship.models import CommentKind
from apps.milestones.models import Milestone

# The rendered fields of unbound comment forms, by what their markup depends on (see
# `CommentForm.fields_html`). Emptied when full: a process meets a few hundred combinations.
_RENDERED: dict[tuple, SafeString] = {}
_RENDERED_MAX = 512

BODY_HELP = "Markdown works: **bold**, _italic_, lists, > quotes and [links](https://…)."


def body_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=BODY_HELP,
    )


class CommentForm(forms.Form):
    body = body_field("Your comment")
    kind = forms.ChoiceField(label="Who reads it", widget=forms.RadioSelect)
    about = forms.ChoiceField(label="About", required=False)

    def __init__(
        self,
        data=None,
        *,
        is_planner: bool,
        planner_name: str = "",
        milestones: list[Milestone] | None = None,
    ) -> None:
        super().__init__(data)
        if is_planner:
            choices = [
                (CommentKind.SHARED, "Shared — your mentors who see this read it"),
                (CommentKind.OWN_NOTE, "Your own note — only you see it"),
            ]
        else:
            choices = [
                (CommentKind.SHARED, f"Shared — {planner_name or 'the planner'} reads it"),
                (CommentKind.MENTOR_NOTE, "Private note — only you see it"),
            ]
        kind_field = cast(forms.ChoiceField, self.fields["kind"])
        kind_field.choices = choices
        kind_field.initial = CommentKind.SHARED
        self.milestones = {str(m.public_id): m for m in milestones or []}
        about = self.fields["about"]
        if self.milestones and isinstance(about, forms.ChoiceField):
            about.choices = [("", "The goal as a whole")] + [
                (pid, f"Milestone: {m.title}") for pid, m in self.milestones.items()
            ]
        else:
            del self.fields["about"]
        titles = tuple((pid, m.title) for pid, m in self.milestones.items())
        self._markup_key = (is_planner, planner_name, titles)

    def fields_html(self) -> SafeString:
        """The fields as the conversation shows them. An unbound form's markup depends only on
        who writes (planner or mentor, and the planner's name) and the milestones it may be
        about, so it is rendered once per process for each of those: every visit to a goal
        page shows it, and its three field groups cost more than the rest of the panel."""
        if self.is_bound:
            return self._fields()
        html = _RENDERED.get(self._markup_key)
        if html is None:
            if len(_RENDERED) >= _RENDERED_MAX:
                _RENDERED.clear()
            html = _RENDERED[self._markup_key] = self._fields()
        return html

    def _fields(self) -> SafeString:
        about = self["about"].as_field_group() if "about" in self.fields else ""
        return format_html(
            "{}\n{}\n{}", self["body"].as_field_group(), about, self["kind"].as_field_group()
        )

    def milestone(self) -> Milestone | None:
        return self.milestones.get(self.cleaned_data.get("about") or "")


class ReplyForm(forms.Form):
    body = body_field("Your reply")


class EditForm(forms.Form):
    body = body_field("Your comment")
