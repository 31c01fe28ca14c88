"""Lighthouse scores of the page shapes, mobile and desktop, against the app as in production.

The app runs under gunicorn with production settings (DEBUG off, WhiteNoise's compressed
static files, the compression middleware) on 127.0.0.1, in a database of its own seeded with
the demo accounts (`manage.py seed_demo`). Lighthouse (npm `lighthouse@12.2.3`, which runs on
Node 20) drives Debian's Chromium; signed-in pages are asked for with the demo planner's session
cookie. Prints `<page>_<form>_<category>: <score>` lines (0–100), a benchmark rather than a
test: docs/benchmarks.md records the runs.

    npm i -E --prefix .data/lighthouse lighthouse@12.2.3
    python -m careerplan.embedded -- .venv/bin/python benchmarks/lighthouse.py [--port 8107]
"""

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the project importable
    sys.path.insert(0, str(ROOT))

from benchmarks import stack  # noqa: E402
from benchmarks.run import _stop, _wait_until_serving  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# (name, path or a callable of the demo planner giving it, signed in)
PAGES = (
    ("sign_in", "/accounts/login/", False),
    ("dashboard", "/", True),
    ("goal_list", "/goals/", True),
    ("goal_detail", "goal", True),
    ("roadmap", "/goals/timeline/", True),
    ("checkin_history", "/checkins/", True),
    ("checkin_schedule", "/checkins/schedule/", True),
    ("snapshot_compare", "/assessment/snapshots/compare/", True),
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument(
        "--lighthouse",
        default=str(ROOT / ".data" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"),
    )
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    return parser.parse_args(argv)


def _seed(static_root: Path) -> tuple[str, str]:
    """Migrate, collect compressed static files, seed the demo; (cookie, a goal's path)."""
    import django
    from django.core.management import call_command

    django.setup()
    from apps.demo.management.commands.seed_demo import DEMO_PLANNER
    from apps.goals.models import Goal
    from benchmarks.data import signed_in_cookie

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    from apps.accounts.models import User

    planner = User.objects.get(email=DEMO_PLANNER)
    goal = Goal.objects.owned_by(planner).in_order().first()
    assert goal is not None
    return signed_in_cookie(planner), f"/goals/{goal.public_id}/"


def _audit(args, url: str, form: str, cookie: str | None, out: Path) -> dict[str, int]:
    cmd = [
        args.lighthouse,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ]
    if form == "desktop":
        cmd.append("--preset=desktop")
    if cookie:
        cmd.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = {**os.environ, "CHROME_PATH": args.chromium}
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text())
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                stack.say(f"  {form} {name}: {audit['id']} ({audit['score']}) {audit['title']}")
    return scores


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not Path(args.lighthouse).exists() and not shutil.which(args.lighthouse):
        stack.say(f"no lighthouse at {args.lighthouse}: see the docstring to install it")
        return 2
    database_url = stack.bench_database_url(os.environ["DATABASE_URL"]) + "_lighthouse"
    with tempfile.TemporaryDirectory(prefix="careerplan-lighthouse-") as tmp:
        env = stack.production_env(database_url=database_url, static_root=Path(tmp) / "static")
        # Production's storage, compressed copies included: what a browser really downloads.
        env["DJANGO_SETTINGS_MODULE"] = "careerplan.settings"
        env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
        env["SITE_URL"] = f"http://127.0.0.1:{args.port}"
        os.environ.update(env)
        stack.create_database(database_url)
        try:
            cookie, goal_path = _seed(Path(tmp))
            stack.release_connections()
            lines = _run(args, cookie, goal_path, Path(tmp))
        finally:
            stack.drop_database(database_url)
    print("\n".join(lines))
    return 0


def _run(args, cookie: str, goal_path: str, workdir: Path) -> list[str]:
    base = f"http://127.0.0.1:{args.port}"
    cmd = [sys.executable, "-m", "gunicorn", "careerplan.wsgi:application", "--workers", "2"]
    cmd += ["--bind", f"127.0.0.1:{args.port}", "--no-control-socket", "--log-level", "warning"]
    log = workdir / "gunicorn.log"
    with log.open("w") as output:
        proc = subprocess.Popen(
            cmd, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    lines = []
    try:
        _wait_until_serving(proc, base, log)
        for name, path, signed_in in PAGES:
            if args.only and name not in args.only:
                continue
            url = base + (goal_path if path == "goal" else path)
            for form in ("mobile", "desktop"):
                stack.say(f"{name} ({form}): {url}")
                scores = _audit(args, url, form, cookie if signed_in else None, workdir / "lh.json")
                lines += [
                    f"{name}_{form}_{cat.replace('-', '_')}: {s}" for cat, s in scores.items()
                ]
    finally:
        _stop(proc)
    return lines


if __name__ == "__main__":
    sys.exit(main())
