"""Tags for the rows of mentorship lists (the Mentees page, the planner's dashboard)."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from apps.core.templatetags.plan_tags import link

register = template.Library()


@register.simple_tag
def next_meeting(meeting, mentorship) -> SafeString:
    """`{% next_meeting row.next_meeting row.mentorship %}`: the next meeting of `mentorship`
    (from apps.mentorship.extras, None when nothing is planned) with its link, else the way to
    plan one. A tag rather than an include: it is printed once per row of long lists."""
    if not meeting:
        return format_html(
            '<a href="{}">Plan a meeting</a>', link("meetings:list", mentorship.public_id)
        )
    starts = localtime(meeting.starts_at)  # as the date filter shows it
    return format_html(
        'Next meeting: <a href="{}"><time datetime="{}">{}</time></a>',
        link("meetings:meeting", meeting.public_id),
        date_format(starts, "c"),
        date_format(starts, "D j M, H:i"),
    )
