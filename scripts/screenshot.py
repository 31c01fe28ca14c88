"""Screenshots of the product for the docs: `make screenshot`.

The Makefile starts the embedded PostgreSQL and Redis (or uses DATABASE_URL / REDIS_URL). This
script migrates, creates the demo accounts and the demo planner's plan, runs the development
server on a free port and, in Debian's headless Chromium, saves every page shape (PLANNER_PAGES,
GUEST_PAGES, MENTOR_PAGES) in four variants into docs/img/ — or only the pages named on the
command line (`make screenshot SHOTS="directory directory-profile menu"`):

- NAME.png: desktop, 1280 px wide, light;    NAME-mobile.png: a 390 px wide phone, light;
- NAME-dark.png and NAME-mobile-dark.png: the same in the dark colour scheme;
- menu-mobile.png and menu-mobile-dark.png: the phone's navigation menu, open;
- conversation-planner.png, conversation-mentor.png and conversation-mentor-mobile.png: only
  the conversation on the goal the demo pair talk about, as each of them sees it.

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
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
OUTPUT_DIR = BASE_DIR / "docs" / "img"

DEMO_EMAIL = "planner@example.com"
DEMO_PASSWORD = "careerplan-demo"  # noqa: S105 - the public demo password from seed_demo
DEMO_NAME = "Pat Planner"
DEMO_MENTOR_EMAIL = "mentor@example.com"

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
# The shared demo goal the planner and the mentor talk about (apps/demo/mentorship.py).
TALKED_ABOUT = "Become an engineering manager"
DETAIL_GOAL = "Finish the people-leadership course"
# The shared demo goal with Pat's open request for a new date (apps/demo/rhythm.py).
ASKED_ABOUT = "Give a talk at a local meetup"


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


def _heading(page: Page, heading: str | re.Pattern[str]) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def _open(path: str, heading: str | re.Pattern[str]) -> Callable[[Page, str], None]:
    def visit(page: Page, url: str) -> None:
        page.goto(f"{url}{path}")
        _heading(page, heading)
        # Charts draw after load; let them finish before the picture.
        page.wait_for_load_state("networkidle")

    return visit


def _goal_new(page: Page, url: str) -> None:
    # A new goal started from the first template: the form is filled in, the SMART check shows.
    page.goto(f"{url}/goals/new/")
    page.get_by_role("button", name=re.compile(r"^Use this template")).first.click()
    expect(page.locator("#smart-panel .smart-card")).to_be_visible()
    expect(page.get_by_label("Your goal in a few words")).not_to_have_value("")
    page.evaluate("window.scrollTo(0, 0)")


def _goal_detail(page: Page, url: str) -> None:
    # A goal's page, reached the way a planner would: through the list.
    page.goto(f"{url}/goals/")
    page.get_by_role("link", name=DETAIL_GOAL, exact=True).first.click()
    _heading(page, DETAIL_GOAL)


def _calendar(page: Page, url: str) -> None:
    page.goto(f"{url}/calendar/")
    create = page.get_by_role("button", name="Create my calendar address")
    if create.count():
        create.click()
    _heading(page, "Your deadlines in your calendar")


def _checkin(page: Page, url: str) -> None:
    # Starting a check-in (a POST, from the start page's button) opens the draft review.
    page.goto(f"{url}/checkins/new/")
    start = page.get_by_role("button", name="Start my check-in")
    if start.count():
        start.click()
    else:
        page.get_by_role("button", name="Continue your check-in").click()
    _heading(page, "Your check-in")


def _meetings(page: Page, url: str) -> None:
    # The demo pair's meetings, from the planner's Mentorship page.
    page.goto(f"{url}/mentorship/")
    page.get_by_role("link", name="Meetings", exact=True).first.click()
    _heading(page, re.compile(r"^Meetings with"))


def _held_meeting(page: Page, url: str) -> None:
    # The meeting they held, with its notes (one shared, one private of each).
    _meetings(page, url)
    page.locator("#past-heading ~ ul a").first.click()
    _heading(page, re.compile(r"^Meeting with"))


def _next_meeting(page: Page, url: str) -> None:
    # The mentor's way to the next meeting: the Mentees page's "Next meeting".
    page.goto(f"{url}/mentorship/mentees/")
    # Followed rather than clicked: on a phone the table's last column is scrolled out of view.
    page.goto(url + (page.locator("a[href^='/meetings/']").first.get_attribute("href") or ""))
    _heading(page, re.compile(r"^Meeting with"))


def _menu(page: Page, url: str) -> None:
    # The phone's menu, opened, over the dashboard.
    page.goto(f"{url}/")
    page.locator("details[data-nav-menu] summary").click()


# Every page shape, as (file name, how to get there). Shot in each width and scheme.
PLANNER_PAGES: list[tuple[str, Callable[[Page, str], None]]] = [
    ("dashboard", _open("/", f"Welcome, {DEMO_NAME}")),
    ("goal-list", _open("/goals/", "Your goals")),
    ("goal-new", _goal_new),
    ("goal-detail", _goal_detail),
    ("matrix", _open("/goals/matrix/", "Priority matrix")),
    ("timeline", _open("/goals/timeline/", "Your roadmap")),
    ("calendar", _calendar),
    ("wins", _open("/wins/", "Your wins")),
    ("checkin-schedule", _open("/checkins/schedule/", "Your check-in rhythm")),
    ("checkin", _checkin),
    ("checkin-history", _open("/checkins/", re.compile(r"check-ins", re.IGNORECASE))),
    ("assessment-overview", _open("/assessment/", "Your self-assessment")),
    ("assessment-values", _open("/assessment/values/", "What matters to you")),
    ("assessment-insights", _open("/assessment/strengths/", "Strengths and weaknesses")),
    ("assessment-interests", _open("/assessment/interests/", "Interests and passions")),
    ("assessment-profile", _open("/assessment/work-interests/", "Your work interests")),
    ("assessment-skills", _open("/assessment/skills/", "Your skills")),
    ("assessment-gaps", _open("/assessment/skills/gaps/", "Your skill gaps")),
    ("assessment-vision", _open("/assessment/vision/", "Where you are going")),
    ("assessment-compare", _open("/assessment/snapshots/compare/", "How you have changed")),
    ("mentorship-home", _open("/mentorship/", re.compile(r".+"))),
    ("meetings", _meetings),
    ("meeting", _held_meeting),
    ("directory", _open("/mentors/", "Find a mentor")),
    ("account", _open("/account/", re.compile(r".+"))),
]
GUEST_PAGES: list[tuple[str, Callable[[Page, str], None]]] = [
    ("sign-in", _open("/accounts/login/", "Sign in")),
    ("sign-up", _open("/accounts/signup/", "Sign up")),
]
MENTOR_PAGES: list[tuple[str, Callable[[Page, str], None]]] = [
    ("mentees", _open("/mentorship/mentees/", re.compile(r".+"))),
    ("meeting-mentor", _next_meeting),
    ("directory-profile", _open("/mentors/me/", "Your mentor profile")),
]
# (suffix, viewport, colour scheme); the light desktop picture keeps the plain name.
VARIANTS = [
    ("", DESKTOP, "light"),
    ("-mobile", MOBILE, "light"),
    ("-dark", DESKTOP, "dark"),
    ("-mobile-dark", MOBILE, "dark"),
]


def _sign_in(browser: Browser, url: str, email: str) -> dict:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", timezone_id="Europe/Berlin")
    page = context.new_page()
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    state = context.storage_state()
    context.close()
    return state


def _only(pages: list, names: set[str]) -> list:
    return [page for page in pages if not names or page[0] in names]


def _take_screenshots(
    browser: Browser, url: str, problems: list[str], names: set[str] | None = None
) -> list[Path]:
    """Every page, or only those named on the command line (then no menu or conversation)."""
    names = names or set()
    audiences = [
        (_only(GUEST_PAGES, names), None),
        (_only(PLANNER_PAGES, names), _sign_in(browser, url, DEMO_EMAIL)),
        (_only(MENTOR_PAGES, names), _sign_in(browser, url, DEMO_MENTOR_EMAIL)),
    ]
    shots = []
    for suffix, viewport, scheme in VARIANTS:
        for pages, state in audiences:
            context = browser.new_context(
                viewport=viewport,
                color_scheme=scheme,
                is_mobile=viewport is MOBILE,
                has_touch=viewport is MOBILE,
                locale="en-GB",
                timezone_id="Europe/Berlin",
                storage_state=state,
            )
            page = context.new_page()
            _watch_console(page, problems)
            for name, visit in pages:
                visit(page, url)
                height = DETAIL_MAX_HEIGHT if name == "goal-detail" else MAX_HEIGHT
                shots.append(_save(page, OUTPUT_DIR / f"{name}{suffix}.png", max_height=height))
            if viewport is MOBILE and state is audiences[1][1] and (not names or "menu" in names):
                _menu(page, url)
                shots.append(_save(page, OUTPUT_DIR / f"menu{suffix}.png", max_height=844))
            context.close()
    if not names:
        shots.extend(_conversations(browser, url, audiences[1][1], audiences[2][1], problems))
        shots.extend(_deadline_requests(browser, url, audiences[1][1], audiences[2][1], problems))
    return shots


def _conversation(page: Page, url: str, path: Path) -> Path:
    """The conversation part of the goal the demo pair talk about, reached from the goals
    list (planner) or the mentee's shared plan (mentor)."""
    page.goto(f"{url}/goals/")
    if not page.get_by_role("link", name=TALKED_ABOUT, exact=True).count():
        page.goto(f"{url}/mentorship/mentees/")
        page.get_by_role("link", name=DEMO_NAME).click()
    page.get_by_role("link", name=TALKED_ABOUT, exact=True).first.click()
    conversation = page.locator("#conversation")
    expect(conversation).to_be_visible()
    conversation.screenshot(path=path)
    return path


def _conversations(
    browser: Browser, url: str, planner: dict, mentor: dict, problems: list[str]
) -> list[Path]:
    # Only the conversation itself, as each side sees it: the user guide shows it beside text.
    shots = []
    for name, viewport, state in (
        ("conversation-planner", DESKTOP, planner),
        ("conversation-mentor", DESKTOP, mentor),
        ("conversation-mentor-mobile", MOBILE, mentor),
    ):
        context = browser.new_context(
            viewport=viewport,
            is_mobile=viewport is MOBILE,
            has_touch=viewport is MOBILE,
            locale="en-GB",
            timezone_id="Europe/Berlin",
            storage_state=state,
        )
        page = context.new_page()
        _watch_console(page, problems)
        shots.append(_conversation(page, url, OUTPUT_DIR / f"{name}.png"))
        context.close()
    return shots


def _deadline_requests(
    browser: Browser, url: str, planner: dict, mentor: dict, problems: list[str]
) -> list[Path]:
    """The "New dates" part of the goal Pat asked more time for, as each side sees it, and the
    form that asks."""
    shots = []
    for name, state in (("new-dates-planner", planner), ("new-dates-mentor", mentor)):
        context = browser.new_context(
            viewport=DESKTOP, locale="en-GB", timezone_id="Europe/Berlin", storage_state=state
        )
        page = context.new_page()
        _watch_console(page, problems)
        page.goto(f"{url}/goals/")
        if not page.get_by_role("link", name=ASKED_ABOUT, exact=True).count():
            page.goto(f"{url}/mentorship/mentees/")
            page.get_by_role("link", name=DEMO_NAME).click()
        page.get_by_role("link", name=ASKED_ABOUT, exact=True).first.click()
        part = page.locator("#deadline-requests")
        expect(part).to_be_visible()
        shots.append(OUTPUT_DIR / f"{name}.png")
        part.screenshot(path=shots[-1])
        if state is planner:
            part.get_by_role("button", name="Propose a new date").click()
            _heading(page, "Propose a new date")
            shots.append(_save(page, OUTPUT_DIR / "new-date-propose.png"))
        context.close()
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
                    shots = _take_screenshots(browser, url, problems, set(sys.argv[1:]))
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
