"""A mail server that fails on demand: queue the errors the next sends should raise.

It stands in for the SMTP server only; successful sends land in Django's test outbox.
"""

from django.core.mail.backends.locmem import EmailBackend

FAILURES: list[BaseException] = []


class WorkerDied(BaseException):
    """The worker process ends mid-send (killed, out of memory): nothing after it runs."""


class FlakyMailServer(EmailBackend):
    def send_messages(self, messages):
        if FAILURES:
            raise FAILURES.pop(0)
        return super().send_messages(messages)
