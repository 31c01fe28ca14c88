"""Where a page's time goes: each benchmarked page rendered in-process under pyinstrument.

Same data and settings as `benchmarks/run.py` (production settings, manifest static files, a
planner with 40 goals × 8 milestones × 3 steps, their mentor with 30 mentees, a directory of
500 mentors), but no server: Django's test client signs in (as the planner, or as the mentor
for the mentor's pages) and asks for each page, first to time it and count its queries, then
under the profiler. Prints per page the mean time, the queries, the page's size and what
gzipping it costs, the templates' own time, the functions with the most time of their own and
the call tree down to a threshold; `--sql` lists each query with its time (`--explain`: with
the server's planning and run time).

    python -m careerplan.embedded -- .venv/bin/python benchmarks/profile_pages.py [--requests 200]
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from benchmarks import report, stack  # noqa: E402
from benchmarks.run import resolve_targets  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="requests timed per page")
    parser.add_argument("--profiled", type=int, default=20, help="requests profiled per page")
    parser.add_argument("--goals", type=int, default=40)
    parser.add_argument("--milestones", type=int, default=8)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--extra", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--top", type=int, default=25, help="hotspots listed per page")
    parser.add_argument("--tree", action="store_true", help="also print the call tree")
    parser.add_argument("--sql", action="store_true", help="also print each query and its time")
    parser.add_argument(
        "--explain", action="store_true", help="with --sql: the server's planning and run time"
    )
    parser.add_argument(
        "--database-url", help="use this database as it is (default: create <database>_bench)"
    )
    return parser.parse_args(argv)


def _timed(client, path: str, count: int, batches: int = 5) -> tuple[float, float]:
    """The mean wall-clock and CPU time (of this process: the view, the ORM, the templates;
    not the database server's) of the fastest of `batches` batches, in ms. On a shared
    machine the slower batches measure the neighbours, not the page; the CPU time moves much
    less with them, so it is the number to compare between two versions of the code."""
    best = (float("inf"), float("inf"))
    per_batch = max(1, count // batches)
    for _ in range(batches):
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(per_batch):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
        spent = (time.perf_counter() - started, time.process_time() - cpu)
        best = min(best, spent)
    return best[0] / per_batch * 1000, best[1] / per_batch * 1000


def _gzip_ms(body: bytes, count: int = 20) -> float:
    """What GZipMiddleware adds for a browser that accepts gzip (the test client does not)."""
    from django.utils.text import compress_string

    started = time.perf_counter()
    for _ in range(count):
        compress_string(body, max_random_bytes=100)
    return (time.perf_counter() - started) / count * 1000


def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(path)
    return len(context.captured_queries)


class TemplateTimer:
    """Time spent in each template (includes and partials too), own and with what it includes."""

    def __init__(self) -> None:
        self.inclusive: dict[str, float] = {}
        self.own: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[float]] = []

    def __enter__(self) -> "TemplateTimer":
        from django.template.base import PartialTemplate, Template

        self._originals = {cls: cls._render for cls in (Template, PartialTemplate)}
        for cls, original in self._originals.items():
            cls._render = self._timed(original)
        return self

    def _timed(self, original):
        timer = self

        def timed_render(template, context):
            name = template.origin.template_name or "?"
            if not isinstance(template.name, str) or template.name != name:
                name = f"{name}#{template.name}"
            timer._stack.append([0.0])
            started = time.perf_counter()
            try:
                return original(template, context)
            finally:
                spent = time.perf_counter() - started
                children = timer._stack.pop()[0]
                if timer._stack:
                    timer._stack[-1][0] += spent
                timer.inclusive[name] = timer.inclusive.get(name, 0) + spent
                timer.own[name] = timer.own.get(name, 0) + spent - children
                timer.calls[name] = timer.calls.get(name, 0) + 1

        return timed_render

    def __exit__(self, *exc_info: object) -> None:
        for cls, original in self._originals.items():
            cls._render = original

    def table(self, requests: int) -> str:
        lines = [f"{'template':<48} {'calls':>7} {'own ms':>8} {'with includes':>14}"]
        for name in sorted(self.own, key=self.own.get, reverse=True):
            lines.append(
                f"{name:<48} {self.calls[name] / requests:>7g} "
                f"{self.own[name] / requests * 1000:>8.2f} "
                f"{self.inclusive[name] / requests * 1000:>14.2f}"
            )
        return "\n".join(lines)


def _sql(client, path: str, count: int, explain: bool = False) -> str:
    """Each query of the page with its mean time, slowest first; with `explain`, also the
    server's own planning and execution time of its last run."""
    from django.db import connection

    spent: dict[str, list[float]] = {}
    last_params: dict[str, object] = {}

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.setdefault(sql, []).append(time.perf_counter() - started)
            last_params[sql] = params

    with connection.execute_wrapper(timed):
        for _ in range(count):
            client.get(path)
    rows = sorted(spent.items(), key=lambda item: sum(item[1]), reverse=True)
    lines = [f"{'ms':>7} {'per page':>8}  query"]
    for sql, times in rows:
        lines.append(f"{sum(times) / count * 1000:>7.2f} {len(times) / count:>8g}  {sql[:160]}")
        if explain and sql.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, SUMMARY) {sql}", last_params[sql])
                plan = [row[0] for row in cursor.fetchall()]
            lines.extend(f"{'':>18}{line.strip()}" for line in plan if " Time: " in line)
    return "\n".join(lines)


def _templates(client, path: str, count: int) -> str:
    with TemplateTimer() as timer:
        for _ in range(count):
            client.get(path)
    return timer.table(count)


def _profile(client, path: str, count: int, args: argparse.Namespace) -> str:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    with profiler:
        for _ in range(count):
            client.get(path)
    flat = profiler.output_text(flat=True, show_all=False, color=False)
    lines = flat.splitlines()
    text = "\n".join(lines[: args.top + 8])
    if args.tree:
        tree = profiler.output_text(
            show_all=False, color=False, processor_options={"filter_threshold": 0.01}
        )
        text += "\n" + tree
    return text


def profile(args: argparse.Namespace, workdir: Path) -> None:
    given = args.database_url
    database_url = given or stack.bench_database_url(os.environ["DATABASE_URL"])
    os.environ.update(stack.production_env(database_url=database_url, static_root=workdir))
    if not given:
        stack.create_database(database_url)
    try:
        shape = stack.Shape(goals=args.goals, milestones=args.milestones, steps=args.steps)
        user, goals, _ = stack.prepare_django(shape)
        from django.test import Client

        from benchmarks.directory import create_directory
        from benchmarks.mentoring import bench_meeting, create_mentor

        mentor = create_mentor(user, goals)
        create_directory()
        clients = {}
        for name, person in (("planner", user), ("mentor", mentor)):
            clients[name] = Client()
            clients[name].force_login(person)
            clients[name].get("/")  # the CSRF cookie, as a returning browser has it
        targets, missing = resolve_targets(goals, args.extra, "mentor", bench_meeting(mentor))
        for page in missing:
            stack.say(f"not profiled, the page does not exist yet: {page}")
        baseline_ms = None
        for target in targets:
            if args.only and target.name not in args.only and target.name != report.BASELINE:
                continue
            client = clients["mentor" if target.cookie else "planner"]
            _timed(client, target.path, 10)  # warm caches: templates, URL resolver, imports
            mean, cpu = _timed(client, target.path, args.requests)
            if target.name == report.BASELINE:
                baseline_ms = mean
            share = f" · {baseline_ms / mean:.3f} of the baseline's rate" if baseline_ms else ""
            print(f"\n=== {target.name} {target.path}")
            body = client.get(target.path).content
            print(
                f"{mean:.2f} ms per request ({cpu:.2f} ms CPU here){share}, "
                f"{_queries(client, target.path)} queries, "
                f"{len(body) / 1000:.0f} kB, {_gzip_ms(body):.2f} ms to gzip"
            )
            print(_templates(client, target.path, args.profiled))
            if args.sql:
                print(_sql(client, target.path, args.profiled, args.explain))
            print(_profile(client, target.path, args.profiled, args))
        stack.release_connections()
    finally:
        if not given:
            stack.drop_database(database_url)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="careerplan-profile-") as tmp:
        profile(args, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
