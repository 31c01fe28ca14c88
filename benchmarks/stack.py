"""What the benchmark scripts share: the production environment, a throwaway database, static
files for the manifest storage, and the planner's data."""

import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB_SUFFIX = "_bench"


@dataclass(frozen=True)
class Shape:
    """The benchmark planner's plan: goals, milestones per goal, action steps per milestone."""

    goals: int = 40
    milestones: int = 8
    steps: int = 3


def production_env(*, database_url: str, static_root: Path) -> dict[str, str]:
    """Production settings (DEBUG off) for plain HTTP on 127.0.0.1, with the bench URLconf."""
    return {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # testserver: profile_pages.py renders through Django's test client.
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SITE_URL": "http://127.0.0.1",
        "EMAIL_URL": "dummy://",
        "DEFAULT_FROM_EMAIL": "careerplan <bench@localhost>",
        # The benchmark speaks plain HTTP; a redirect to HTTPS would measure nothing.
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "BENCH_STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def bench_database_url(source_url: str) -> str:
    """The source URL with `_bench` added to the database name: never the data you work with."""
    parts = urlsplit(source_url)
    name = parts.path.lstrip("/") or "careerplan"
    return urlunsplit(parts._replace(path=f"/{name}{BENCH_DB_SUFFIX}"))


def _admin_connection(url: str):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres", query=""))
    return psycopg.connect(admin, autocommit=True), parts.path.lstrip("/")


def create_database(url: str) -> None:
    conn, name = _admin_connection(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    conn, name = _admin_connection(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def say(message: str) -> None:
    """Progress goes to stderr; stdout carries only the results."""
    print(message, file=sys.stderr, flush=True)


def prepare_django(shape: Shape, *, collect_static: bool = True):
    """Migrate, collect static files and create the planner; returns (user, goals, cookie).

    Call with the environment from `production_env` already in os.environ.
    """
    import django
    from django.core.management import call_command

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    django.setup()
    from benchmarks.data import create_planner, signed_in_cookie

    started = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    say(f"migrated in {time.monotonic() - started:.1f} s")
    if collect_static:
        started = time.monotonic()
        call_command("collectstatic", interactive=False, verbosity=0)
        say(f"collected static files in {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    user, goals = create_planner(shape)
    cookie = signed_in_cookie(user)
    say(
        f"created a planner with {shape.goals} goals × {shape.milestones} milestones × "
        f"{shape.steps} steps in {time.monotonic() - started:.1f} s"
    )
    return user, goals, cookie


def release_connections() -> None:
    """Close the process's database pool so that the database can be dropped afterwards."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
        close_pool = getattr(conn, "close_pool", None)
        if close_pool:
            close_pool()
