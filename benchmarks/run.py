"""`make bench`: page throughput of the main pages, against a baseline.

The app runs as in production (gunicorn, sync workers, DEBUG off, manifest static files) on
127.0.0.1, with a database of its own holding a planner with 40 goals × 8 milestones × 3 steps
and a filled self-assessment with a year of monthly snapshots (benchmarks/data.py).
locust drives one page at a time with the same number of concurrent visitors, after a warm-up.
The baseline is a signed-in request to a view that answers two bytes without a template: what
the session, the user and the middleware cost every page. For each page the script prints
`<page>_rps`, `<page>_p50_ms` and `<page>_p95_ms`, then `<page>_ratio` (page ÷ baseline
throughput, the baseline being measured before the first page and after each, and a page
compared with the mean of the two next to it). The target is a ratio of at least 0.10 for
every page.

Run it with DATABASE_URL and REDIS_URL set (`make bench` starts embedded servers when they are
not): the benchmark creates `<database>_bench` next to the given database and drops it after.
"""

import argparse
import contextlib
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from benchmarks import report, stack  # noqa: E402

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
# (name in the output, URL name, whether the URL takes the goal's public_id — or "meeting": the
# bench meeting's)
PAGES = (
    ("dashboard", "dashboard:index", False),
    ("goal_list", "goals:list", False),
    ("goal_detail", "plan:goal", True),
    # The self-assessment's overview, and the comparison of its two newest snapshots.
    ("assessment_overview", "assessment:overview", False),
    ("snapshot_compare", "assessment:compare", False),
    # The mentor directory's first page among 500 listed mentors (benchmarks/directory.py).
    ("directory", "directory:index", False),
)
# Measured with the session of a mentor of the planner (benchmarks/mentoring.py): their list
# of 30 mentees, and the planner's first goal with its conversation of 60 comments.
MENTOR_PAGES = (
    ("mentees", "mentorship:mentees", False),
    ("mentor_goal", "plan:goal", True),
    # Their next meeting with the planner: its agenda of 30 items and 30 notes.
    ("meeting", "meetings:meeting", "meeting"),
)


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    # Whose session asks (empty: the planner's).
    cookie: str = ""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=15, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up per page")
    parser.add_argument("--users", type=int, default=4, help="concurrent visitors")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--goals", type=int, default=40)
    parser.add_argument("--milestones", type=int, default=8)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument(
        "--extra",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="measure another path too, e.g. account=/account/",
    )
    parser.add_argument(
        "--database-url", help="use this database as it is (default: create <database>_bench)"
    )
    parser.add_argument(
        "--markdown", action="store_true", help="also print rows for docs/benchmarks.md"
    )
    return parser.parse_args(argv)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def resolve_targets(
    goals, extra: list[str], mentor_cookie: str = "", meeting=None
) -> tuple[list[Target], list[str]]:
    """The baseline, then each page whose URL exists; the names of those that do not."""
    from django.urls import NoReverseMatch, reverse

    targets = [Target(report.BASELINE, reverse("bench-baseline"))]
    missing = []
    pages = [(page, "") for page in PAGES]
    if mentor_cookie:
        pages += [(page, mentor_cookie) for page in MENTOR_PAGES]
    for (name, url_name, per_goal), cookie in pages:
        if per_goal == "meeting":
            if meeting is None:
                missing.append(f"{name} ({url_name})")
                continue
            kwargs = {"public_id": meeting.public_id}
        else:
            kwargs = {"public_id": goals[0].public_id} if per_goal else {}
        try:
            targets.append(Target(name, reverse(url_name, kwargs=kwargs), cookie))
        except NoReverseMatch:
            missing.append(f"{name} ({url_name})")
    for item in extra:
        name, _, path = item.partition("=")
        targets.append(Target(name, path))
    return targets, missing


def _get(url: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - our URL
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int, log: Path) -> Iterator[str]:
    port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "careerplan.wsgi:application",
        "--worker-class",
        "sync",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--no-control-socket",
        "--log-level",
        "warning",
    ]
    with log.open("w") as output:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_serving(proc, base, log)
        yield base
    finally:
        _stop(proc)


def _wait_until_serving(proc: subprocess.Popen, base: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), 0.2).close()
            return
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not start within 30 s:\n{log.read_text()}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def preflight(base: str, targets: list[Target], cookie: str) -> None:
    """Each target must answer 200 to the signed-in visitor, or the numbers mean nothing."""
    for target in targets:
        status, body = _get(base + target.path, target.cookie or cookie)
        if status != 200:
            raise RuntimeError(f"{target.name} ({target.path}) answered {status}, not 200")
        if target.name == report.BASELINE and body != b"ok":
            raise RuntimeError(f"the baseline answered {body[:80]!r}")
        stack.say(f"{target.name}: {target.path} answers 200 with {len(body):,} bytes")


def warm_up(base: str, target: Target, cookie: str, seconds: float, workers: int) -> None:
    """Requests from as many threads as there are workers, so every worker is warm."""
    deadline = time.monotonic() + seconds

    def loop() -> None:
        while time.monotonic() < deadline:
            _get(base + target.path, target.cookie or cookie)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(loop) for _ in range(workers)]:
            future.result()


def measure(base: str, target: Target, cookie: str, args, workdir: Path) -> report.Result:
    prefix = workdir / target.name
    env = {
        **os.environ,
        "BENCH_PATH": target.path,
        "BENCH_NAME": target.name,
        "BENCH_COOKIE": target.cookie or cookie,
    }
    cmd = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        base,
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.users),
        "--run-time",
        f"{args.duration}s",
        # Statistics start once every visitor is running, not during the ramp-up.
        "--reset-stats",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    locust_log = workdir / f"{target.name}-locust.log"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with locust_log.open("w") as output:
        # locust exits 1 when any request failed; the failure count is reported below.
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The load generator shares the machine's cores with the server: say how much it took.
    client_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    stack.say(f"{target.name}: locust used {client_cpu:.1f} s of CPU in {args.duration} s")
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        raise RuntimeError(f"locust wrote no statistics:\n{locust_log.read_text()}")
    result = report.parse_stats_csv(stats.read_text(), target.name)
    if result.failures:
        raise RuntimeError(
            f"{target.name}: {result.failures} of {result.requests} requests failed:\n"
            f"{locust_log.read_text()[-2000:]}"
        )
    return result


def _commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def run(args: argparse.Namespace, workdir: Path) -> tuple[list[report.Result], list[str]]:
    given = args.database_url
    database_url = given or stack.bench_database_url(os.environ["DATABASE_URL"])
    env = stack.production_env(database_url=database_url, static_root=workdir / "static")
    os.environ.update(env)
    if not given:
        stack.create_database(database_url)
    try:
        shape = stack.Shape(goals=args.goals, milestones=args.milestones, steps=args.steps)
        planner, goals, cookie = stack.prepare_django(shape)
        from benchmarks.data import signed_in_cookie
        from benchmarks.directory import create_directory
        from benchmarks.mentoring import bench_meeting, create_mentor

        mentor = create_mentor(planner, goals)
        mentor_cookie = signed_in_cookie(mentor)
        create_directory()
        targets, missing = resolve_targets(goals, args.extra, mentor_cookie, bench_meeting(mentor))
        stack.release_connections()
        results = []
        with gunicorn(dict(os.environ), args.workers, workdir / "gunicorn.log") as base:
            preflight(base, targets, cookie)
            baseline, pages = targets[0], targets[1:]
            # The baseline before the first page and after each: every page is compared with
            # the baseline of its own minutes (report._neighbours says why).
            for target in [baseline] + [each for page in pages for each in (page, baseline)]:
                warm_up(base, target, cookie, args.warmup, args.workers)
                results.append(measure(base, target, cookie, args, workdir))
                stack.say(f"{target.name}: {results[-1].rps:.1f} requests/s")
        return results, missing
    finally:
        if not given:
            stack.drop_database(database_url)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="careerplan-bench-") as tmp:
        results, missing = run(args, Path(tmp))
    print("\n".join(report.metric_lines(results)))
    if args.markdown:
        rows = report.markdown_rows(results, day=date.today().isoformat(), commit=_commit())
        print("\n".join(rows))
    stack.say(f"benchmark took {time.monotonic() - started:.0f} s")
    for page in missing:
        stack.say(f"not measured, the page does not exist yet: {page}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
