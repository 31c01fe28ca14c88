"""`WrittenSelect` writes exactly the markup of Django's own Select, without its templates."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from apps.core.forms import WrittenSelect

CHOICES = [
    ("", "Any"),
    ("a", "Plain"),
    ("b&c", 'Quotes " and <tags>'),
    (3, gettext_lazy("Lazy")),
    ("safe", mark_safe("<em>Safe</em>")),
    ("Group <1>", [("g1", "In a group"), ("g2", "Also & here")]),
    ("last", "After the group"),
]
ATTRS = [
    None,
    {"id": "id_kind", "class": 'x"y', "disabled": True, "hidden": False, "data-n": 7},
    {"aria-describedby": "id_kind_error", "required": True},
]


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("value", [None, "", "a", "b&c", 3, "g2", "missing", ["a", "last"]])
def test_the_markup_is_djangos(value, attrs):
    written = WrittenSelect(attrs={"autocomplete": "off"}, choices=CHOICES)
    templated = forms.Select(attrs={"autocomplete": "off"}, choices=CHOICES)
    assert written.render("kind", value, attrs) == templated.render("kind", value, attrs)


def test_a_bound_field_renders_the_same(db):
    class Form(forms.Form):
        kind = forms.ChoiceField(choices=CHOICES[:5], widget=WrittenSelect)

    class Templated(forms.Form):
        kind = forms.ChoiceField(choices=CHOICES[:5])

    for data in ({"kind": "a"}, {"kind": "nope"}, None):
        written, templated = Form(data), Templated(data)
        if data:
            written.full_clean()
            templated.full_clean()
        assert str(written["kind"].as_field_group()) == str(templated["kind"].as_field_group())
