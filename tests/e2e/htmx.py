"""Waiting for htmx in browser tests."""

from playwright.sync_api import Page, expect


def settled(page: Page) -> None:
    """Wait until htmx has wired up what it last swapped in. The browser focuses an
    `autofocus` field the moment it is inserted, but htmx attaches its handlers to new content
    only after its settle delay (20 ms): a form submitted in between posts without htmx, as a
    plain form (which works, and reloads the page). No person types that fast; a test does."""
    expect(page.locator(".htmx-added, .htmx-settling, .htmx-request")).to_have_count(0)
