"""One way to build an email: a `-subject.txt`, `-body.txt`, `-body.html` template triple."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def render_email(
    template_prefix: str, context: dict, *, to: list[str], headers: dict[str, str] | None = None
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    # A subject is one line, whatever the titles inside it contain.
    subject = " ".join(render_to_string(f"{template_prefix}-subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template_prefix}-body.txt", context).strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"{template_prefix}-body.html", context), "text/html"
    )
    return message
