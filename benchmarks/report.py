"""Turning locust's statistics into the benchmark's `name: value` lines."""

import csv
import io
from dataclasses import dataclass

BASELINE = "baseline"


@dataclass(frozen=True)
class Result:
    name: str
    requests: int
    failures: int
    rps: float
    p50_ms: float
    p95_ms: float


def parse_stats_csv(text: str, name: str) -> Result:
    """The row called `name` of locust's `<prefix>_stats.csv`."""
    for row in csv.DictReader(io.StringIO(text)):
        if row["Name"] == name:
            if not int(row["Request Count"]):
                raise ValueError(f"locust sent no requests to {name!r}")
            return Result(
                name=name,
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rps=float(row["Requests/s"]),
                p50_ms=float(row["50%"]),
                p95_ms=float(row["95%"]),
            )
    raise ValueError(f"locust recorded no requests named {name!r}")


def ratio(page: Result, baseline: Result) -> float:
    if baseline.rps <= 0:
        raise ValueError("the baseline served no requests, so there is nothing to compare with")
    return page.rps / baseline.rps


def metric_lines(results: list[Result]) -> list[str]:
    """Per page its throughput and latency, then each page's throughput over the baseline's."""
    lines = []
    for result in results:
        lines += [
            f"{result.name}_rps: {result.rps:.1f}",
            f"{result.name}_p50_ms: {result.p50_ms:g}",
            f"{result.name}_p95_ms: {result.p95_ms:g}",
        ]
    by_name = {result.name: result for result in results}
    baseline = by_name[BASELINE]
    lines += [
        f"{result.name}_ratio: {ratio(result, baseline):.3f}"
        for result in results
        if result.name != BASELINE
    ]
    return lines


def markdown_rows(results: list[Result], *, day: str, commit: str) -> list[str]:
    """Rows for the table of runs in docs/benchmarks.md."""
    baseline = next(result for result in results if result.name == BASELINE)
    rows = []
    for result in results:
        share = "—" if result is baseline else f"{ratio(result, baseline):.3f}"
        rows.append(
            f"| {day} | `{commit}` | {result.name} | {result.rps:.1f} | {result.p50_ms:g} "
            f"| {result.p95_ms:g} | {share} |"
        )
    return rows


def parse_metric_lines(text: str) -> dict[str, float]:
    """The `name: number` lines of a benchmark's output; anything else is ignored."""
    metrics = {}
    for line in text.splitlines():
        name, sep, value = line.partition(": ")
        if not sep or " " in name:
            continue
        try:
            metrics[name] = float(value)
        except ValueError:
            continue
    return metrics
