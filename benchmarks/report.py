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


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _combined(baselines: list[Result]) -> Result:
    """The baseline's runs as one: their mean throughput, their median latencies."""
    if any(run.rps <= 0 for run in baselines):
        raise ValueError("the baseline served no requests, so there is nothing to compare with")
    return Result(
        name=BASELINE,
        requests=sum(run.requests for run in baselines),
        failures=sum(run.failures for run in baselines),
        rps=sum(run.rps for run in baselines) / len(baselines),
        p50_ms=_median([run.p50_ms for run in baselines]),
        p95_ms=_median([run.p95_ms for run in baselines]),
    )


def _neighbours(results: list[Result]) -> dict[int, Result]:
    """For each page (by its place in `results`), the baseline runs measured just before and
    just after it, as one. The machine's speed drifts within minutes (by half, seen on a
    shared VM), so a page is compared with the baseline of its own minutes, not of the
    run's first."""
    places = [n for n, result in enumerate(results) if result.name == BASELINE]
    if not places:
        raise ValueError("no baseline was measured, so there is nothing to compare with")
    around = {}
    for n, result in enumerate(results):
        if result.name == BASELINE:
            continue
        before = [p for p in places if p < n][-1:]
        after = [p for p in places if p > n][:1]
        around[n] = _combined([results[p] for p in before + after])
    return around


def metric_lines(results: list[Result]) -> list[str]:
    """Per page its throughput and latency, then each page's throughput over the baseline's
    measured next to it. The baseline, measured before the first page and after each, is
    reported as one (its mean throughput), with its slowest and fastest runs."""
    baselines = [result for result in results if result.name == BASELINE]
    lines = []
    for result in [_combined(baselines)] + [r for r in results if r.name != BASELINE]:
        lines += [
            f"{result.name}_rps: {result.rps:.1f}",
            f"{result.name}_p50_ms: {result.p50_ms:g}",
            f"{result.name}_p95_ms: {result.p95_ms:g}",
        ]
    lines += [
        f"{BASELINE}_min_rps: {min(run.rps for run in baselines):.1f}",
        f"{BASELINE}_max_rps: {max(run.rps for run in baselines):.1f}",
    ]
    around = _neighbours(results)
    lines += [
        f"{results[n].name}_ratio: {ratio(results[n], base):.3f}" for n, base in around.items()
    ]
    return lines


def markdown_rows(results: list[Result], *, day: str, commit: str) -> list[str]:
    """Rows for the table of runs in docs/benchmarks.md: the baseline as one, then each page
    with its ratio to the baseline measured next to it."""
    baseline = _combined([result for result in results if result.name == BASELINE])
    rows = [
        f"| {day} | `{commit}` | {BASELINE} | {baseline.rps:.1f} | {baseline.p50_ms:g} "
        f"| {baseline.p95_ms:g} | — |"
    ]
    for n, base in _neighbours(results).items():
        result = results[n]
        rows.append(
            f"| {day} | `{commit}` | {result.name} | {result.rps:.1f} | {result.p50_ms:g} "
            f"| {result.p95_ms:g} | {ratio(result, base):.3f} |"
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
