"""EMAIL_URL, as Django 6.1's MAILERS setting wants it: console://, locmem://, dummy://, or
smtp://, smtp+tls:// and smtp+ssl:// (smtps://) with the user, password, host and port in it."""

from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured


def mailer_from_url(url: str) -> dict:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    simple = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in simple:
        return {"BACKEND": simple[scheme]}
    if scheme not in {"smtp", "smtp+tls", "smtp+ssl", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL has an unknown scheme: {scheme!r}")
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or (465 if scheme in {"smtp+ssl", "smtps"} else 25),
            "username": environ.Env.parse_value(parts.username or "", str),
            "password": environ.Env.parse_value(parts.password or "", str),
            "use_tls": scheme == "smtp+tls",
            "use_ssl": scheme in {"smtp+ssl", "smtps"},
            "timeout": 10,
        },
    }
