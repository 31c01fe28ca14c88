from django import template

from apps.accounts import audit

register = template.Library()


@register.filter
def shown(value: object) -> str:
    """Control and bidi characters as visible escapes (the result is still autoescaped)."""
    return audit.shown(str(value))
