from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form in the product, allauth's included: label, field, its errors, its help."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
