"""Screenshots of the product for the docs: `make screenshot`.

The Makefile starts the embedded PostgreSQL and Redis (or uses DATABASE_URL / REDIS_URL). This
script migrates, creates the demo accounts and the demo planner's plan, runs the development
server on a free port, signs in as the demo planner in Debian's headless Chromium and saves, in
docs/img/:

- dashboard.png (desktop, 1280 px wide) and dashboard-mobile.png (a 390 px wide phone);
- at 1280 px wide: goal-list.png, goal-new.png (a template chosen, with the SMART check),
  goal-detail.png (a goal with milestones, obstacles, resources and history), matrix.png,
  timeline.png, calendar.png, wins.png, checkin-schedule.png, checkin-history.png (the
  charts) and checkin.png (the review).

Long pages are cut at MAX_HEIGHT pixels, the goal page (shown whole in the user guide) at
DETAIL_MAX_HEIGHT. Opening the schedule and the review gives the demo planner a
reminder schedule and a draft check-in, as it would for anyone. Then it stops the server.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
OUTPUT_DIR = BASE_DIR / "docs" / "img"

DEMO_EMAIL = "planner@example.com"
DEMO_PASSWORD = "careerplan-demo"  # noqa: S105 - the public demo password from seed_demo
DEMO_NAME = "Pat Planner"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
# Full-page shots longer than this are cut off at the bottom, to keep the pictures readable.
MAX_HEIGHT = 2000
DETAIL_MAX_HEIGHT = 4000
# The demo goal whose page shows the most: milestones with steps, obstacles, resources and a
# change with its reason (see apps/demo/plan.py).
DETAIL_GOAL = "Finish the people-leadership course"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, check=True)


def _start_server(port: int) -> subprocess.Popen:
    # Its own process group, so that stopping it stops everything it started.
    return subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        start_new_session=True,
    )


def _wait_until_healthy(server: subprocess.Popen, url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The server exited with {server.returncode} before it was up.")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url}/healthz did not answer 200 within {timeout:.0f} s.")


def _stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _watch_console(page: Page, problems: list[str]) -> None:
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))


def _save(page: Page, path: Path, *, max_height: int = MAX_HEIGHT) -> Path:
    """The whole page, cut at `max_height` pixels when it is longer."""
    # Charts draw when they come near the screen: bring each one there first.
    for figure in page.locator("figure[data-time-chart]").all():
        figure.scroll_into_view_if_needed()
        expect(figure.locator("canvas")).to_be_attached()
    page.evaluate("window.scrollTo(0, 0)")
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.viewport_size["width"] if page.viewport_size else DESKTOP["width"]
    if height > max_height:
        clip = {"x": 0, "y": 0, "width": width, "height": max_height}
        page.screenshot(path=path, full_page=True, clip=clip)
    else:
        page.screenshot(path=path, full_page=True)
    return path


def _shoot(page: Page, url: str, path: str, heading: str, name: str) -> Path:
    """Open `path`, wait for its first heading, save docs/img/`name`."""
    page.goto(f"{url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    return _save(page, OUTPUT_DIR / name)


def _product_screenshots(page: Page, url: str) -> list[Path]:
    """The goal, planning, wins and check-in pages, 1280 px wide, signed in."""
    shots = [_shoot(page, url, "/goals/", "Your goals", "goal-list.png")]

    # A new goal started from the first template: the form is filled in, the SMART check shows.
    page.goto(f"{url}/goals/new/")
    page.get_by_role("button", name=re.compile(r"^Use this template")).first.click()
    expect(page.locator("#smart-panel .smart-card")).to_be_visible()
    expect(page.get_by_label("Your goal in a few words")).not_to_have_value("")
    page.evaluate("window.scrollTo(0, 0)")
    shots.append(_save(page, OUTPUT_DIR / "goal-new.png"))

    # A goal's page, reached the way a planner would: through the list.
    page.goto(f"{url}/goals/")
    page.get_by_role("link", name=DETAIL_GOAL, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DETAIL_GOAL)
    shots.append(_save(page, OUTPUT_DIR / "goal-detail.png", max_height=DETAIL_MAX_HEIGHT))

    shots.append(_shoot(page, url, "/goals/matrix/", "Priority matrix", "matrix.png"))
    shots.append(_shoot(page, url, "/goals/timeline/", "Your roadmap", "timeline.png"))
    page.goto(f"{url}/calendar/")
    create = page.get_by_role("button", name="Create my calendar address")
    if create.count():
        create.click()
    shots.append(_shoot(page, url, "/calendar/", "Your deadlines in your calendar", "calendar.png"))
    shots.append(_shoot(page, url, "/wins/", "Your wins", "wins.png"))
    shots.append(
        _shoot(page, url, "/checkins/schedule/", "Your check-in rhythm", "checkin-schedule.png")
    )
    shots.append(_shoot(page, url, "/checkins/", "Check-ins", "checkin-history.png"))
    # Starting a check-in (a POST, from the start page's button) opens the draft review.
    page.goto(f"{url}/checkins/new/")
    start = page.get_by_role("button", name="Start my check-in")
    if start.count():
        start.click()
    else:
        page.get_by_role("button", name="Continue your check-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your check-in")
    shots.append(_save(page, OUTPUT_DIR / "checkin.png"))
    return shots


def _take_screenshots(browser: Browser, url: str, problems: list[str]) -> list[Path]:
    desktop = browser.new_context(viewport=DESKTOP, locale="en-GB", timezone_id="Europe/Berlin")
    page = desktop.new_page()
    _watch_console(page, problems)
    page.goto(f"{url}/")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {DEMO_NAME}")
    # Once more, without the one-off "signed in" message.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {DEMO_NAME}")
    shots = [OUTPUT_DIR / "dashboard.png", OUTPUT_DIR / "dashboard-mobile.png"]
    page.screenshot(path=shots[0], full_page=True)
    shots.extend(_product_screenshots(page, url))
    signed_in = desktop.storage_state()
    desktop.close()

    mobile = browser.new_context(
        viewport=MOBILE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
        timezone_id="Europe/Berlin",
        storage_state=signed_in,
    )
    page = mobile.new_page()
    _watch_console(page, problems)
    page.goto(f"{url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {DEMO_NAME}")
    page.screenshot(path=shots[1], full_page=True)
    mobile.close()
    return shots


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerplan.settings")
    os.environ.setdefault("DEBUG", "1")
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            print(f"{name} is not set; run this through `make screenshot`.", file=sys.stderr)
            return 2

    _manage("migrate", "--noinput")
    _manage("createcachetable")
    _manage("seed_demo")

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="careerplan-browser-") as browser_home:
        # Chromium keeps its profile and caches out of the home folder.
        os.environ["XDG_CONFIG_HOME"] = browser_home
        os.environ["XDG_CACHE_HOME"] = browser_home
        server = _start_server(port)
        try:
            _wait_until_healthy(server, url)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                    headless=True,
                    args=CHROMIUM_ARGS,
                )
                try:
                    shots = _take_screenshots(browser, url, problems)
                finally:
                    browser.close()
        finally:
            _stop_server(server)

    for shot in shots:
        print(f"saved {shot.relative_to(BASE_DIR)}")
    for problem in problems:
        print(f"warning: the browser reported {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
