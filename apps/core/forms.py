from decimal import Decimal
from typing import Any

from django.forms import NumberInput
from django.forms.renderers import TemplatesSetting


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
