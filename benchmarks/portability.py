"""Benchmark of "Your data": writing a whole plan's export, bringing it back, and its PDF.

Run with DATABASE_URL set (or under `careerplan.embedded`, as `make bench` does). In a database
of its own (`<yours>_bench`, dropped at the end) it creates the benchmark planner (40 goals ×
8 milestones × 3 steps, with obstacles, resources, revisions, wins and an assessment; see
benchmarks/data.py), then measures, as the median of five runs:

- export_ms: building the JSON document, serialising it and compressing it (the work done
  in the request for plans up to DATA_EXPORT_INLINE_GOALS goals, else by the worker);
- export_kb / export_gzip_kb: the size of the file and of what the database keeps;
- import_ms: parsing, checking and writing that document into an empty account;
- pdf_ms: laying out the printable plan as a PDF with WeasyPrint.
"""

import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.stack import (  # noqa: E402
    Shape,
    bench_database_url,
    create_database,
    drop_database,
    prepare_django,
    production_env,
    release_connections,
    say,
)

RUNS = 5


def _median_ms(action) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _measure(user) -> dict[str, float]:
    from django.db import transaction

    from apps.portability import document, printing, services
    from tests.factories import UserFactory

    raw = document.to_bytes(document.build(user))
    results = {
        "export_ms": _median_ms(lambda: gzip.compress(document.to_bytes(document.build(user)))),
        "export_kb": len(raw) / 1024,
        "export_gzip_kb": len(gzip.compress(raw)) / 1024,
    }

    def one_import() -> None:
        # Each run in a transaction rolled back afterwards, so every import meets an empty account.
        with transaction.atomic():
            services.import_plan(user=UserFactory(), raw=raw)
            transaction.set_rollback(True)

    results["import_ms"] = _median_ms(one_import)
    plan = printing.printed_plan(user)
    results["pdf_ms"] = _median_ms(lambda: printing.plan_pdf(plan))
    return results


def main() -> None:
    url = bench_database_url(os.environ["DATABASE_URL"])
    create_database(url)
    try:
        with tempfile.TemporaryDirectory() as static_root:
            os.environ.update(production_env(database_url=url, static_root=Path(static_root)))
            user, _, _ = prepare_django(Shape(), collect_static=False)
            say("measuring export, import and PDF…")
            results = _measure(user)
            release_connections()
    finally:
        drop_database(url)
    for name, value in results.items():
        print(f"{name}: {value:.1f}")


if __name__ == "__main__":
    main()
