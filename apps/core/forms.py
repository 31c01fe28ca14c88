from decimal import Decimal
from typing import Any

from django.forms import NumberInput, Select
from django.forms.renderers import TemplatesSetting
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


class FormRenderer(TemplatesSetting):
    """Every form in the product, allauth's included: label, field, its errors, its help."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PlainNumberInput(NumberInput):
    """A number as a person writes it: a stored 2.00 shows as "2", 12.50 as "12.5"."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):
            value = f"{value.normalize():f}"
        return super().format_value(value)


class WrittenSelect(Select):
    """A select written out in Python, with the markup of Django's own select.html: a filter
    bar prints several, with dozens of options, and the template's include per option (and
    another per option's attributes) cost more than the rest of the form together."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        html: list[str] = [
            format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(format_html('\n  <optgroup label="{}">', group_name))
            html.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>',
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 - each part is escaped above


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """As django/forms/widgets/attrs.html writes them: False leaves one out, True stands alone."""
    return mark_safe(  # noqa: S308 - each part is escaped
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )
