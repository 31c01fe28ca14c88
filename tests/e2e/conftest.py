"""Browser tests: Debian's Chromium, driven by pytest-playwright, against the live server.

pytest-playwright keeps one browser for the whole session and gives every test a fresh context
and page. `make test-e2e` runs these tests in their own pytest process, with
DJANGO_ALLOW_ASYNC_UNSAFE set (Playwright's sync API runs an event loop) and Chromium's config
and cache folders pointed away from the home folder.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import ConsoleMessage, Page

E2E_DIR = Path(__file__).resolve().parent

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

# The browser's own clock: sign-up preselects it in the time zone list. Not UTC, so that a test
# can tell the preselection from the form's default.
BROWSER_TIMEZONE = "America/Toronto"

# Reports every Content-Security-Policy violation as a console error, in case the browser only
# logs some of them. Injected through the DevTools protocol, so the policy does not apply to it.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    `Content-Security-Policy violation: ${event.effectiveDirective} blocked ` +
      `${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the mark must be there before `-m e2e` / `-m "not e2e"` selects tests.
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "timezone_id": BROWSER_TIMEZONE}


@pytest.fixture(autouse=True)
def _fresh_cache(transactional_db):
    # allauth keeps rate limits in the database cache, which flushing the tables between tests
    # does not empty: without this, a rerun within minutes could be refused an email.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def browser_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions of `page`, CSP violations included.

    A test asserts the list is empty at its end.
    """
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # htmx logs a request it cancelled on purpose (hx-sync="this:replace": a newer fetch of
        # the same part replaces it) as two console errors, afterRequest then sendAbort. That
        # is the page working as meant; a failed request still logs sendError or a response
        # error, which stay.
        if message.text.startswith("htmx:sendAbort"):
            if errors and errors[-1].startswith("console: htmx:afterRequest"):
                errors.pop()
            return
        where = message.location
        errors.append(f"console: {message.text} ({where['url']}:{where['lineNumber']})")

    page.add_init_script(_REPORT_CSP_VIOLATIONS)
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors
