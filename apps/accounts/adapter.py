import re
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.core.internal import ratelimit
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from apps.accounts import services
from apps.core.emails import render_subject

# The one link that matters in an email gets a button in the HTML version.
_ACTIONS = (
    ("activate_url", "Confirm your email address"),
    ("password_reset_url", "Choose a new password"),
)


def _text_to_html(text: str, links: set[str]) -> str:
    """Paragraphs from the (escaped) plain-text body. Only the addresses careerplan put in
    become links; anything that merely looks like one (in a name, say) stays text."""
    html = str(linebreaks(escape(text)))
    if not links:
        return html
    ours = "|".join(re.escape(str(escape(link))) for link in sorted(links, key=len, reverse=True))
    return re.sub(rf"({ours})(?=[\s<]|$)", r'<a href="\1">\1</a>', html)


def _own_links(context: dict) -> set[str]:
    return {
        value
        for key, value in context.items()
        if key.endswith("_url") and isinstance(value, str) and value.startswith("http")
    }


def _current_site(request):
    # Security notifications are sent after commit, possibly outside any request.
    if request is not None:
        return get_current_site(request)
    host = urlsplit(settings.SITE_URL).netloc
    return SimpleNamespace(domain=host, name="careerplan")


class AccountAdapter(DefaultAccountAdapter):
    # Failed sign-ins are counted twice. Per (account, address) ("login_failed"), strictly:
    # guessing from one place is slowed and nobody elsewhere is affected. Per account across
    # all addresses ("login_failed_account"), coarsely, against guessing spread over many
    # addresses. Someone who trips the account-wide limit must not hold the account locked:
    # past it, the right password still leads on to the second factor (itself rate-limited)
    # for an account that has one; without one, the limit holds, with the same answer for a
    # right and a wrong password so that it reveals nothing.
    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}|{self.get_client_ip(request)}"

    def authenticate(self, request, **credentials):
        account = str(credentials.get("email", "")).lower()
        usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed_account", key=account
        )
        user = super().authenticate(request, **credentials)
        if usage is None and (user is None or not is_mfa_enabled(user)):
            raise self.validation_error("too_many_login_attempts")
        if user is not None and usage is not None:
            usage.rollback()
        return user

    def render_mail(self, template_prefix, email, context, headers=None) -> EmailMessage:
        message = super().render_mail(template_prefix, email, context, headers=headers)
        # allauth renders the subject as HTML; it is text, and may hold a display name.
        message.subject = self.format_email_subject(
            render_subject(f"{template_prefix}_subject.txt", context)
        )
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            action = next(
                ((context[key], label) for key, label in _ACTIONS if context.get(key)), None
            )
            html = render_to_string(
                "emails/account.html",
                {
                    "subject": message.subject,
                    "content": mark_safe(_text_to_html(str(message.body), _own_links(context))),  # noqa: S308 - escaped
                    "action": action,
                    "site_url": settings.SITE_URL,
                },
            )
            message.attach_alternative(html, "text/html")
        return message

    def send_mail(self, template_prefix, email, context) -> None:
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": _current_site(request),
            "site_url": settings.SITE_URL,
            **context,
        }
        services.email_send(message=self.render_mail(template_prefix, email, ctx))
