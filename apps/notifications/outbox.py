"""What the two outboxes (single notification emails and digests) share: the lease, the
retry policy and the one place that talks to the mail server."""

import smtplib
from datetime import timedelta

LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 5
TEMPORARY_SMTP_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError)


def backoff(attempts: int) -> timedelta:
    return timedelta(minutes=2 ** min(attempts, 6))


def send_message(message) -> tuple[str | None, bool]:
    """Send; on failure the error in words and whether trying again is pointless."""
    try:
        message.send()
    except smtplib.SMTPResponseException as error:
        return f"{error.smtp_code} {error.smtp_error!r}", error.smtp_code >= 500
    except smtplib.SMTPRecipientsRefused as error:
        return f"recipients refused: {error.recipients!r}", True
    except TEMPORARY_SMTP_ERRORS as error:
        return f"{type(error).__name__}: {error}", False
    return None, False
