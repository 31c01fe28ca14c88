"""Making the task broker unreachable for a while, to test what people see then."""

import socket
from contextlib import contextmanager

from careerplan.celery import app as celery_app


def _dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"redis://127.0.0.1:{sock.getsockname()[1]}/0"


def _forget_broker_connections() -> None:
    # Celery caches its connection and producer pools; drop them so the new URL is used.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def broker_down(settings=None):
    """Point Celery (and, given pytest-django's `settings`, the health check) at a dead port."""
    dead = _dead_url()
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    if settings is not None:
        settings.REDIS_URL = dead
    celery_app.conf.update(broker_url=dead, task_always_eager=False)
    _forget_broker_connections()
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        _forget_broker_connections()
