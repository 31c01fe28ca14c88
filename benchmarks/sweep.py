"""Benchmark of the reminder sweep and of sending, at scale.

Run by `make bench` (which provides DATABASE_URL and REDIS_URL). In a database of its own it
creates 1,000,000 planners with a weekly schedule, then measures:

- sweep_idle_ms: one sweep when nothing is due (the minute-by-minute cost of beat);
- sweep_claims_per_s: one sweep over 100,000 due schedules (claim, outbox rows, advance,
  queue the sends on the real Redis broker);
- sweep_peak_rss_mb: the peak memory of the sweeping process;
- send_per_s: reminders one worker sends into a local SMTP sink (aiosmtpd).
"""

import os
import resource
import socket
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCHEDULES = int(os.environ.get("SWEEP_SCHEDULES", "1000000"))
DUE = int(os.environ.get("SWEEP_DUE", "100000"))
SENDS = int(os.environ.get("SWEEP_SENDS", "1000"))
DB_NAME = "careerplan_bench_sweep"
NOW = datetime(2026, 11, 30, 7, 31, tzinfo=UTC)


def _configure() -> None:
    import psycopg

    base = os.environ["DATABASE_URL"]
    parts = urlsplit(base)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{DB_NAME}"))
    defaults = {
        "DEBUG": "0",  # DEBUG would keep every query in memory
        "SECRET_KEY": "benchmark-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "http://127.0.0.1",
        "EMAIL_URL": "console://",
        "DEFAULT_FROM_EMAIL": "careerplan <bench@example.com>",
        "SECURE_SSL_REDIRECT": "0",
        "DJANGO_SETTINGS_MODULE": "careerplan.settings",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _populate() -> None:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO accounts_user (password, email, display_name, timezone, is_active,
                is_staff, is_superuser, date_joined, public_id)
            SELECT '', 'planner' || g || '@bench.example', 'Planner ' || g, 'Europe/Berlin',
                true, false, false, now(), gen_random_uuid()
            FROM generate_series(1, %s) AS g
            """,
            [SCHEDULES],
        )
        cursor.execute(
            """
            INSERT INTO checkins_checkinschedule (owner_id, frequency, weekday, day_of_month,
                local_time, timezone, anchor, paused, next_due_at, next_due_key, version,
                updated_at)
            SELECT id, 'weekly', 0, 1, '08:30', 'Europe/Berlin', '2026-11-02', false,
                %s, '2026-12-07', 1, now()
            FROM accounts_user
            """,
            [NOW + timedelta(days=7)],
        )
        cursor.execute("ANALYZE")
    print(f"# created {SCHEDULES} schedules in {time.perf_counter() - started:.1f} s")


def _make_due(count: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE checkins_checkinschedule SET next_due_at = %s, next_due_key = '2026-11-30'
            WHERE id IN (SELECT id FROM checkins_checkinschedule ORDER BY id LIMIT %s)
            """,
            [NOW - timedelta(minutes=1), count],
        )
        cursor.execute("ANALYZE checkins_checkinschedule")


def _idle_sweep_ms() -> float:
    from apps.checkins.services.sweep import dispatch_due_reminders

    timings = []
    for _ in range(20):
        started = time.perf_counter()
        result = dispatch_due_reminders(now=NOW)
        timings.append((time.perf_counter() - started) * 1000)
        assert result.created == 0
    return statistics.median(timings)


def _claims_per_s(queue: str) -> float:
    from apps.checkins.services.sweep import dispatch_due_reminders
    from careerplan.celery import app

    app.conf.update(task_always_eager=False, task_default_queue=queue)
    _make_due(DUE)
    started = time.perf_counter()
    result = dispatch_due_reminders(now=NOW)
    elapsed = time.perf_counter() - started
    assert result.created == DUE, result
    return DUE / elapsed


def _send_per_s() -> float:
    from aiosmtpd.controller import Controller
    from django.test.utils import override_settings

    from apps.checkins.models import DeliveryStatus, ReminderDelivery
    from apps.checkins.services.delivery import delivery_send

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        smtp = {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
        ids = list(
            ReminderDelivery.objects.filter(status=DeliveryStatus.PENDING)
            .order_by("id")
            .values_list("id", flat=True)[:SENDS]
        )
        with override_settings(MAILERS={"default": smtp}):
            started = time.perf_counter()
            for delivery_id in ids:
                assert delivery_send(delivery_id=delivery_id, now=NOW) == "sent"
            elapsed = time.perf_counter() - started
    finally:
        controller.stop()
    return len(ids) / elapsed


def _drop_queue(queue: str) -> None:
    from careerplan.celery import app

    with app.connection_for_write() as conn:
        conn.default_channel.client.delete(queue)


def main() -> None:
    import logging

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # the SMTP sink's chatter
    _configure()
    _populate()
    queue = f"bench-sweep-{uuid.uuid4().hex}"
    try:
        idle = _idle_sweep_ms()
        claims = _claims_per_s(queue)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sends = _send_per_s()
    finally:
        _drop_queue(queue)
    print(f"sweep_idle_ms: {idle:.1f}")
    print(f"sweep_claims_per_s: {claims:.0f}")
    print(f"sweep_peak_rss_mb: {rss_mb:.0f}")
    print(f"send_per_s: {sends:.0f}")


if __name__ == "__main__":
    main()
