"""`{{ text|markdown }}`: user-written Markdown through the one safe renderer."""

from django import template
from django.utils.safestring import SafeString

from apps.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown", is_safe=True)
def markdown_filter(value: object) -> SafeString:
    return render_markdown("" if value is None else str(value))
