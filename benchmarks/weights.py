"""Page weights: what a first visit to each page shape downloads, compressed.

Same settings and data as `benchmarks/run.py` (production settings, a planner with 40 goals ×
8 milestones × 3 steps and a filled self-assessment), plus six finished check-ins so that the
pages with charts draw them. Django's test client asks for each page with
`Accept-Encoding: gzip`, through the whole middleware stack, and counts the bytes that would go
over the wire: the page as the server sent it, and every stylesheet, script and image it links
from /static/, gzipped at level 9 as WhiteNoise's compressed storage stores them. HTMX answers
are counted alone (the page around them is already loaded).

Prints `<page>_kb` (the page and everything it loads on a first visit), `<page>_html_kb`,
`<partial>_partial_kb`, and `over_budget` (how many are over their budget: 100 kB for a first
load, 180 kB for a page that draws charts, 10 kB for an HTMX answer).

    python -m careerplan.embedded -- .venv/bin/python benchmarks/weights.py
"""

import argparse
import gzip
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from benchmarks import stack  # noqa: E402

FIRST_LOAD_KB = 100
CHART_PAGE_KB = 180
PARTIAL_KB = 10
# Linked files, and Chart.js, which a chart page fetches once its chart is near the screen.
TAG = re.compile(r"<(?:link|script|img)\b[^>]*>")
ASSET = re.compile(r'\b(?:href|src|data-chartjs)="(/static/[^"]+)"')


@dataclass(frozen=True)
class Shape:
    name: str
    url_name: str
    per_goal: bool = False
    signed_in: bool = True
    partial: dict[str, str] | None = None  # the HTMX request headers, for a partial
    charts: bool = False


SHAPES = (
    Shape("sign_in", "account_login", signed_in=False),
    Shape("dashboard", "dashboard:index", charts=True),
    Shape("goal_list", "goals:list"),
    Shape("goal_detail", "plan:goal", per_goal=True, charts=True),
    Shape("matrix", "plan:matrix"),
    Shape("roadmap", "plan:timeline"),
    Shape("checkin_history", "checkins:history", charts=True),
    Shape("checkin_schedule", "checkins:schedule"),
    Shape("assessment_overview", "assessment:overview"),
    Shape("snapshot_compare", "assessment:compare", charts=True),
    Shape("goal_list_results", "goals:list", partial={"HX-Request": "true"}),
    Shape(
        "goal_progress",
        "milestones:list",
        per_goal=True,
        partial={"HX-Request": "true", "HX-Target": "goal-progress"},
    ),
    Shape("milestone_section", "milestones:list", per_goal=True, partial={"HX-Request": "true"}),
    Shape("matrix_board", "plan:matrix", partial={"HX-Request": "true"}),
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--goals", type=int, default=40)
    parser.add_argument("--milestones", type=int, default=8)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--checkins", type=int, default=6)
    parser.add_argument(
        "--database-url", help="use this database as it is (default: create <database>_bench)"
    )
    return parser.parse_args(argv)


def budget(shape: Shape) -> int:
    if shape.partial:
        return PARTIAL_KB
    return CHART_PAGE_KB if shape.charts else FIRST_LOAD_KB


class Weigher:
    """Compressed sizes of pages and of the static files they link, each file counted once."""

    def __init__(self, static_root: Path, static_url: str):
        self.static_root = static_root
        self.static_url = static_url
        self._sizes: dict[str, int] = {}

    def asset(self, url: str) -> int:
        if url not in self._sizes:
            name = url.removeprefix(self.static_url).split("?")[0]
            path = self.static_root / name
            if not path.is_file():  # not collected (a development setup): the source file
                from django.contrib.staticfiles import finders

                path = Path(str(finders.find(name)))
            self._sizes[url] = len(gzip.compress(path.read_bytes(), compresslevel=9))
        return self._sizes[url]

    def page(self, response) -> tuple[int, int]:
        """(bytes of the answer as sent, bytes of it and every static file it links)."""
        body = response.content
        sent = len(body)
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        else:  # too small for the middleware to bother: it goes as it is
            stack.say(f"{response.wsgi_request.path}: not compressed ({sent} bytes)")
        tags = TAG.findall(body.decode())
        assets = sorted({url for tag in tags for url in ASSET.findall(tag)})
        return sent, sent + sum(self.asset(url) for url in assets)


def _check_ins(user, count: int) -> None:
    from apps.checkins.services.checkins import checkin_complete, checkin_start

    for _ in range(count):
        checkin_complete(checkin=checkin_start(user=user))


def weigh(args: argparse.Namespace, workdir: Path) -> list[tuple[Shape, int, int]]:
    given = args.database_url
    database_url = given or stack.bench_database_url(os.environ["DATABASE_URL"])
    os.environ.update(stack.production_env(database_url=database_url, static_root=workdir))
    if not given:
        stack.create_database(database_url)
    try:
        plan = stack.Shape(goals=args.goals, milestones=args.milestones, steps=args.steps)
        user, goals, _ = stack.prepare_django(plan)
        _check_ins(user, args.checkins)
        return _measure(user, goals[0])
    finally:
        stack.release_connections()
        if not given:
            stack.drop_database(database_url)


def _measure(user, goal) -> list[tuple[Shape, int, int]]:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    weigher = Weigher(Path(settings.STATIC_ROOT), settings.STATIC_URL)
    signed_in, anonymous = Client(), Client()
    signed_in.force_login(user)
    results = []
    for shape in SHAPES:
        kwargs = {"public_id": goal.public_id} if shape.per_goal else {}
        client = signed_in if shape.signed_in else anonymous
        headers = {"Accept-Encoding": "gzip", **(shape.partial or {})}
        response = client.get(reverse(shape.url_name, kwargs=kwargs), headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{shape.name} answered {response.status_code}, not 200")
        sent, total = weigher.page(response)
        results.append((shape, sent, total))
    return results


def metric_lines(results: list[tuple[Shape, int, int]]) -> list[str]:
    lines, over = [], 0
    for shape, sent, total in results:
        if shape.partial:
            kb = sent / 1000
            lines.append(f"{shape.name}_partial_kb: {kb:.1f}")
        else:
            kb = total / 1000
            lines.append(f"{shape.name}_kb: {kb:.1f}")
            lines.append(f"{shape.name}_html_kb: {sent / 1000:.1f}")
        if kb > budget(shape):
            over += 1
            stack.say(f"{shape.name}: {kb:.1f} kB is over its budget of {budget(shape)} kB")
    lines.append(f"over_budget: {over}")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="careerplan-weights-") as tmp:
        results = weigh(args, Path(tmp))
    print("\n".join(metric_lines(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
