"""`make run`: the whole app in one terminal.

Starts the embedded PostgreSQL and Redis when DATABASE_URL / REDIS_URL are unset, migrates,
creates the demo accounts on first run, then runs the web server, a Celery worker and Celery
beat with their output interleaved and labelled. Ctrl-C stops all of them and the embedded
servers, leaving no process behind; the data stays in `.data/` for the next run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping

from careerplan.embedded import DATA_DIR, Services

COLOURS = {"web": "\033[36m", "worker": "\033[35m", "beat": "\033[33m"}
RESET = "\033[0m"


def dev_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The variables `make run` adds to `environ`: the site address follows PORT unless SITE_URL
    is given, so every link in emails and the calendar feed reaches the server that runs."""
    port = environ.get("PORT") or "8000"
    return {
        "DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
        **environ,
        "PORT": port,
        "SITE_URL": environ.get("SITE_URL") or f"http://127.0.0.1:{port}",
    }


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], check=True)


def _commands(port: str) -> dict[str, list[str]]:
    celery = [sys.executable, "-m", "celery", "-A", "careerplan"]
    return {
        "web": [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
        "beat": [
            *celery,
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            str(DATA_DIR / "celerybeat-schedule"),
        ],
    }


def _pump(name: str, stream) -> None:
    colour = COLOURS.get(name, "") if sys.stdout.isatty() else ""
    reset = RESET if colour else ""
    for line in iter(stream.readline, ""):
        sys.stdout.write(f"{colour}{name:<6}|{reset} {line}")
        sys.stdout.flush()


def _start(name: str, cmd: list[str]) -> subprocess.Popen:
    # Each child leads its own process group so that stopping it also stops what it spawned
    # (runserver's autoreloader, Celery's pool processes).
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    threading.Thread(target=_pump, args=(name, proc.stdout), daemon=True).start()
    return proc


def _stop(procs: dict[str, subprocess.Popen]) -> None:
    for proc in procs.values():
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    for proc in procs.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _supervise(procs: dict[str, subprocess.Popen]) -> None:
    while True:
        for name, proc in procs.items():
            if proc.poll() is not None:
                print(f"{name} exited with {proc.returncode}; stopping the others.", flush=True)
                return
        time.sleep(0.5)


def _request_stop(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> int:
    # Children inherit os.environ, so the settings they load see the same site address.
    os.environ.update(dev_environment(os.environ))
    port = os.environ["PORT"]
    DATA_DIR.mkdir(exist_ok=True)
    # Set explicitly: a shell that starts us in the background leaves SIGINT ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _request_stop)

    with Services(durable=True):
        _manage("migrate", "--noinput")
        _manage("createcachetable")
        _manage("seed_demo")
        procs: dict[str, subprocess.Popen] = {}
        try:
            for name, cmd in _commands(port).items():
                procs[name] = _start(name, cmd)
            print(f"careerplan is running at http://127.0.0.1:{port}/ — Ctrl-C stops it.")
            _supervise(procs)
        except KeyboardInterrupt:
            print("\nStopping web, worker and beat…", flush=True)
        finally:
            # A second Ctrl-C must not interrupt the shutdown half-way.
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                signal.signal(signum, signal.SIG_IGN)
            _stop(procs)
    print("Stopped. Your data stays in .data/ for the next `make run`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
