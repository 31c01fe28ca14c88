"""One way to build an email: a `-subject.txt`, `-body.txt`, `-body.html` template triple.

Subjects and text bodies are plain text: they are rendered without HTML escaping (a name
with `<b>` reads `<b>`, not `&lt;b&gt;`), and a subject is one line whatever its parts contain.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, engines
from django.template.loader import render_to_string


def render_plain(template_name: str, context: dict) -> str:
    """A text template rendered as text: nothing in it is HTML-escaped."""
    engine = engines["django"].engine  # type: ignore[attr-defined]
    return engine.get_template(template_name).render(Context(context, autoescape=False))


def render_subject(template_name: str, context: dict) -> str:
    return " ".join(render_plain(template_name, context).split())


def render_email(
    template_prefix: str, context: dict, *, to: list[str], headers: dict[str, str] | None = None
) -> EmailMultiAlternatives:
    context = {"site_url": settings.SITE_URL, **context}
    message = EmailMultiAlternatives(
        subject=render_subject(f"{template_prefix}-subject.txt", context),
        body=render_plain(f"{template_prefix}-body.txt", context).strip() + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    message.attach_alternative(
        render_to_string(f"{template_prefix}-body.html", context), "text/html"
    )
    return message
