"""Template tags for the hot loops of list pages: dates in words, per-row links, page links.

Both replace work that templates would otherwise repeat for every row (an include with
several filters, a full URL reverse), which dominated the render time of long pages.
"""

from datetime import date
from functools import cache
from uuid import UUID

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from apps.core.dates import exact_date, long_date, relative_day

register = template.Library()

# Reversed once per URL name with this stand-in, then filled in per row.
_STAND_IN = "00000000-0000-4000-8000-000000000000"


@cache
def _pattern(name: str) -> str:
    return reverse(name, args=[_STAND_IN])


@register.simple_tag
def link(name: str, public_id) -> str:
    """`{% link 'milestones:done' milestone.public_id %}`: the URL of one object's view."""
    url = _pattern(name).replace(_STAND_IN, str(public_id))
    # A reversed path with a UUID in it is safe HTML as it is: long pages print hundreds of
    # these, and each would go through the escaper for nothing. Any other text is escaped.
    return SafeString(url) if isinstance(public_id, UUID | SafeString) else url


@cache
def _path(name: str) -> str:
    return reverse(name)


@register.simple_tag
def path(name: str) -> str:
    """`{% path 'plan:timeline' %}` (or `… as timeline_url`): the URL of a page that takes no
    arguments, reversed once per name as `link` does; a page names a dozen of them."""
    return _path(name)


def _time(day: date, today: date):
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        day.isoformat(),
        long_date(day),
        relative_day(day, today),
    )


@register.simple_tag
def when(day: date, today: date):
    """A date in words relative to today, the exact date on hover and focus."""
    return _time(day, today)


@register.simple_tag
def due(day: date, today: date):
    """A due date: overdue in words and with a warning sign (not colour alone)."""
    if day < today:
        return format_html(
            '<span class="due is-overdue"><strong class="overdue-label">'
            '<span aria-hidden="true">⚠</span> Overdue</strong> · was due {} '
            '<span class="exact-date">({})</span></span>',
            _time(day, today),
            exact_date(day, today),
        )
    if day == today:
        return format_html('<span class="due is-today">Due {}</span>', _time(day, today))
    return format_html(
        '<span class="due">Due {} <span class="exact-date">({})</span></span>',
        _time(day, today),
        exact_date(day, today),
    )


@register.simple_tag
def progress(value: int, label: str = "Progress"):
    """A progress bar with its number: `{% progress goal.progress "Progress of …" %}`."""
    return format_html(
        '<div class="progress-line"><progress value="{0}" max="100" aria-label="{1}">{0}%'
        '</progress><span class="progress-value">{0}%</span></div>',
        value,
        label,
    )


@register.simple_tag(takes_context=True)
def csrf_field(context):
    """`{% csrf_token %}` for pages with many small forms: the hidden field is built once per
    page instead of once per form (each build resolves the lazy token anew)."""
    cache = context.render_context
    field = cache.get("csrf_field")
    if field is None:
        token = context.get("csrf_token")
        field = (
            format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', str(token))
            if token
            else ""
        )
        cache["csrf_field"] = field
    return field
