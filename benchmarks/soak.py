"""`make soak`: 100 signed-in planners on every page shape for two minutes, as in production.

gunicorn runs as the Dockerfile runs it (sync workers, `WEB_CONCURRENCY` of them, DEBUG off),
next to a Celery worker and beat, so the reminder sweep claims and sends the visitors' due
reminders while they browse. Each visitor is a planner of their own with a modest plan and a
check-in reminder that is due; they read every kind of page (full pages and HTMX partials) with
a person's pauses and save their profile now and then (benchmarks/soak_locustfile.py).

Pass/fail: no failed request, no server error or traceback in the web, worker and beat logs, no
pool timeout, and at most `workers × DATABASE_POOL_MAX` connections of the web processes to the
database at any moment (sampled every second). Prints `name: value` lines, p99 among them.
Only ever against 127.0.0.1, in a database of its own (`<database>_bench`, dropped after).
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import stack  # noqa: E402
from benchmarks.run import _NoRedirect, _stop, gunicorn  # noqa: E402

# Every page shape a planner meets: (name, URL name, takes the visitor's goal). `partial:`
# names are fetched as HTMX does.
PAGES = (
    ("dashboard", "dashboard:index", False),
    ("goal_list", "goals:list", False),
    ("partial:goal_list", "goals:list", False),
    ("goal_detail", "plan:goal", True),
    ("matrix", "plan:matrix", False),
    ("timeline", "plan:timeline", False),
    ("calendar", "plan:calendar", False),
    ("wins", "wins:list", False),
    ("partial:wins", "wins:list", False),
    ("checkins", "checkins:history", False),
    ("schedule", "checkins:schedule", False),
    ("assessment", "assessment:overview", False),
    ("values", "assessment:values", False),
    ("skills", "assessment:skills", False),
    ("vision", "assessment:vision", False),
    ("mentorship", "mentorship:home", False),
    ("account", "accounts:settings", False),
    ("security_log", "accounts:security-log", False),
)
WEB_APPLICATION = "careerplan-soak-web"
# What counts as a server error in the logs of gunicorn, Django and Celery (case matters: the
# words appear in capitals in each log format, and in lower case in harmless warnings).
ERROR_PATTERNS = re.compile(r"Traceback|PoolTimeout|couldn't get a connection|ERROR|CRITICAL")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100, help="concurrent signed-in visitors")
    parser.add_argument("--duration", type=int, default=120, help="seconds of soak")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 3)))
    parser.add_argument("--logs", type=Path, help="keep the web, worker, beat and locust logs here")
    return parser.parse_args(argv)


def _targets() -> list[tuple[str, str]]:
    from django.urls import NoReverseMatch, reverse

    targets = []
    for name, url_name, per_goal in PAGES:
        kwargs = {"public_id": "00000000-0000-4000-8000-000000000000"} if per_goal else {}
        with contextlib.suppress(NoReverseMatch):
            path = reverse(url_name, kwargs=kwargs)
            targets.append((name, path.replace(kwargs.get("public_id", "\0"), "{goal}")))
    return targets


def _visitors(count: int) -> list[str]:
    """`count` planners, each with a small plan, a due reminder and a session."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.checkins.models import CheckinSchedule
    from benchmarks.data import create_planner, signed_in_cookie

    lines = []
    shape = stack.Shape(goals=8, milestones=4, steps=2)
    now = timezone.now()
    for n in range(count):
        user, goals = create_planner(shape, email=f"soak-{n}@example.com")
        # Set up a fortnight ago, so last Monday's reminder is still to be sent.
        schedule = CheckinSchedule(owner=user, timezone="UTC", anchor=(now - timedelta(14)).date())
        schedule.set_next_due(now - timedelta(days=7))
        schedule.save()
        lines.append(f"{signed_in_cookie(user)}\t{goals[0].public_id}")
    return lines


@contextlib.contextmanager
def celery(env: dict[str, str], workdir: Path) -> Iterator[list[Path]]:
    """A worker (one process, as each task takes one row at a time) and beat."""
    base = [sys.executable, "-m", "celery", "-A", "careerplan"]
    commands = {
        "worker": [*base, "worker", "--concurrency", "1", "--loglevel", "INFO"],
        "beat": [
            *base,
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(workdir / "celerybeat-schedule"),
        ],
    }
    procs, logs = [], []
    for name, cmd in commands.items():
        log = workdir / f"{name}.log"
        with log.open("w") as output:
            procs.append(
                subprocess.Popen(
                    cmd,
                    cwd=ROOT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        logs.append(log)
    try:
        yield logs
    finally:
        for proc in procs:
            _stop(proc)


class ConnectionSampler(threading.Thread):
    """The most connections the web processes held to the bench database, once a second.
    The web processes connect with their own application_name, so they can be told apart from
    the worker, beat and this sampler."""

    def __init__(self, database_url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.peak = database_url, 0
        self.done = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            while not self.done.wait(1.0):
                (count,) = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    [WEB_APPLICATION],
                ).fetchone()
                self.peak = max(self.peak, count)


def _locust(base: str, env: dict[str, str], args, workdir: Path) -> Path:
    prefix = workdir / "soak"
    cmd = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "soak_locustfile.py"),
        "--headless", "--host", base, "--users", str(args.users),
        "--spawn-rate", str(max(1, args.users // 10)), "--run-time", f"{args.duration}s",
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
    ]  # fmt: skip
    with (workdir / "locust.log").open("w") as output:
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, check=False)
    return Path(f"{prefix}_stats.csv")


def _warm_up(base: str, targets, visitors: list[str], workers: int) -> None:
    """Every page answers 200 before the soak starts (else the numbers mean nothing), and
    every worker has rendered each one once, so the first minute is not a cold start."""
    cookie, goal = visitors[0].split("\t")
    for _ in range(workers * 2):
        for name, path in targets:
            started = time.monotonic()
            status = _get(base + path.replace("{goal}", goal), cookie)
            stack.say(f"warm-up {name}: {status} in {time.monotonic() - started:.2f} s")
            if status != 200:
                raise RuntimeError(f"{name} ({path}) answered {status}, not 200")


def _get(url: str, cookie: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - 127.0.0.1
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _errors(logs: list[Path]) -> list[str]:
    return [
        f"{log.name}: {line.strip()}"
        for log in logs
        for line in log.read_text(errors="replace").splitlines()
        if ERROR_PATTERNS.search(line)
    ]


def run(args: argparse.Namespace, workdir: Path) -> tuple[list[str], list[str]]:
    database_url = stack.bench_database_url(os.environ["DATABASE_URL"])
    env = stack.production_env(database_url=database_url, static_root=workdir / "static")
    os.environ.update(env)
    stack.create_database(database_url)
    try:
        stack.prepare_django(stack.Shape(goals=8, milestones=4, steps=2))
        from django.conf import settings

        visitors = _visitors(args.users)
        targets = _targets()
        pool_max = settings.DATABASES["default"]["OPTIONS"]["pool"]["max_size"]
        stack.release_connections()
        run_env = {
            **os.environ,
            "SOAK_TARGETS": "\n".join(f"{name} {path}" for name, path in targets),
            "SOAK_VISITORS": "\n".join(visitors),
        }
        web_log = workdir / "gunicorn.log"
        web_env = {
            **os.environ,
            "DATABASE_URL": f"{database_url}?application_name={WEB_APPLICATION}",
        }
        with (
            celery(dict(os.environ), workdir) as celery_logs,
            gunicorn(web_env, args.workers, web_log) as base,
        ):
            _warm_up(base, targets, visitors, args.workers)
            sampler = ConnectionSampler(database_url)
            sampler.start()
            started = time.monotonic()
            stats = _locust(base, run_env, args, workdir)
            sampler.done.set()
            sampler.join()
            stack.say(f"soaked for {time.monotonic() - started:.0f} s")
        if not stats.exists():
            raise RuntimeError((workdir / "locust.log").read_text()[-2000:])
        lines, problems = _summary(stats.read_text(), args, sampler.peak, pool_max)
        lines += _reminders()
        problems += _errors([web_log, *celery_logs])
        lines.append(f"soak_server_errors: {len(_errors([web_log, *celery_logs]))}")
        return lines, problems
    finally:
        stack.drop_database(database_url)


def _reminders() -> list[str]:
    """What the sweep and the worker did meanwhile: each visitor had a reminder due."""
    from apps.checkins.models import DeliveryStatus, ReminderDelivery

    sent = ReminderDelivery.objects.filter(status=DeliveryStatus.SENT).count()
    other = ReminderDelivery.objects.exclude(status=DeliveryStatus.SENT).count()
    stack.release_connections()
    return [f"soak_reminders_sent: {sent}", f"soak_reminders_not_sent: {other}"]


def _summary(csv_text: str, args, peak: int, pool_max: int) -> tuple[list[str], list[str]]:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(csv_text)))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    lines = [
        f"soak_visitors: {args.users}",
        f"soak_seconds: {args.duration}",
        f"soak_requests: {total['Request Count']}",
        f"soak_failures: {total['Failure Count']}",
        f"soak_rps: {float(total['Requests/s']):.1f}",
        f"soak_p50_ms: {total['50%']}",
        f"soak_p95_ms: {total['95%']}",
        f"soak_p99_ms: {total['99%']}",
    ]
    slowest = max(
        (row for row in rows if row["Name"] != "Aggregated"), key=lambda r: float(r["99%"])
    )
    lines.append(f"soak_slowest_p99_ms: {slowest['99%']}")
    stack.say(f"slowest page at p99: {slowest['Name']}")
    capacity = args.workers * pool_max
    lines += [f"soak_db_connections_peak: {peak}", f"soak_db_connections_capacity: {capacity}"]
    problems = []
    if int(total["Failure Count"]):
        problems.append(f"{total['Failure Count']} requests failed")
    if peak > capacity:
        problems.append(f"the web processes held {peak} connections, more than {capacity}")
    return lines, problems


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="careerplan-soak-") as tmp:
        lines, problems = run(args, Path(tmp))
        if args.logs:
            args.logs.mkdir(parents=True, exist_ok=True)
            for log in Path(tmp).glob("*.log"):
                shutil.copy(log, args.logs / log.name)
        if problems:
            for log in ("locust.log",):
                stack.say((Path(tmp) / log).read_text()[-3000:])
    print("\n".join(lines))
    for problem in problems[:20]:
        stack.say(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
