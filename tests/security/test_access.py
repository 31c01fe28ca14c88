import pytest
from django.apps import apps
from django.urls import reverse

from tests.security.access import (
    EXPECTATIONS,
    ROLES,
    declared_but_gone,
    undeclared_patterns,
)


def test_every_url_pattern_declares_who_may_use_it():
    assert undeclared_patterns() == []


def test_no_expectation_is_left_for_a_url_that_no_longer_exists():
    assert declared_but_gone() == []


def test_a_new_url_without_expectations_fails_the_harness():
    missing = undeclared_patterns("tests.security.urls_with_undeclared_view")
    assert missing == ["core:undeclared-report", "<unnamed> stray/"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_each_role_gets_the_declared_status(as_role, name, role):
    expect = EXPECTATIONS[name]
    kwargs = expect.kwargs(as_role.cast) if expect.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    client = as_role(role)
    for htmx_headers in ({}, {"HX-Request": "true"}):
        got = client.get(url, headers=htmx_headers).status_code
        assert got == expect.get[role], f"GET {url} as {role} {htmx_headers}: {got}"
        want = expect.htmx_post if htmx_headers and expect.htmx_post else expect.post
        got = client.post(url, {}, headers=htmx_headers).status_code
        assert got == want[role], f"POST {url} as {role} {htmx_headers}: {got}"


# Where the owner's POST is not refused by method, a valid POST proves the write works.
# (For the staff console, the owner gets a 404 and staff's own answer decides.)
WRITABLE = sorted(
    name for name, e in EXPECTATIONS.items() if e.post["owner"] != 405 and e.post["staff"] != 405
)


def test_every_url_that_takes_a_post_declares_a_valid_one():
    missing = [name for name in WRITABLE if EXPECTATIONS[name].valid is None]
    assert missing == []


@pytest.mark.parametrize("name", [n for n in WRITABLE if EXPECTATIONS[n].valid])
def test_a_valid_post_by_the_owner_does_its_job(as_role, name):
    expect = EXPECTATIONS[name]
    kwargs = expect.kwargs(as_role.cast) if expect.kwargs else {}
    client = as_role(expect.valid.by)
    if expect.valid.prepare:
        expect.valid.prepare(client, as_role.cast)
    response = client.post(reverse(name, kwargs=kwargs), expect.valid.data(as_role.cast, kwargs))
    assert response.status_code == expect.valid.status, response.content[:500]
    assert expect.valid.check(as_role.cast, kwargs)


# The cells where an active mentor's answer differs from a stranger's: what a mentor may use.
MENTOR_CELLS = sorted(
    name
    for name, e in EXPECTATIONS.items()
    if e.get["mentor"] != e.get["other"] or e.post["mentor"] != e.post["other"]
)


def test_ending_the_mentorship_flips_every_mentor_cell(as_role):
    from apps.mentorship.services import mentorship_end

    cast = as_role.cast
    urls = {}
    for name in MENTOR_CELLS:
        expect = EXPECTATIONS[name]
        urls[name] = reverse(name, kwargs=expect.kwargs(cast) if expect.kwargs else {})
    client = as_role("mentor")
    for name, url in urls.items():
        assert client.get(url).status_code == EXPECTATIONS[name].get["mentor"], name
    assert {"plan:goal", "checkins:detail", "mentorship:manage"} <= set(urls)
    assert {"mentorship:comment-add", "mentorship:comment-reply"} <= set(urls)
    # What the mentor wrote is theirs to change while it runs, and not a moment longer.
    own = _mentors_own_comment(cast)
    for url in own:
        assert client.get(url).status_code == 200, url

    mentorship_end(mentorship=cast["mentorship"], by=cast["owner"])

    for url in own:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"body": "x", "confirm": "on"}).status_code == 404, url

    for name, url in urls.items():
        expect = EXPECTATIONS[name]
        got = client.get(url).status_code
        assert got == expect.get["ended_mentor"], f"GET {name}"
        if expect.get["mentor"] != expect.get["other"]:
            assert got == 404, f"GET {name}"
        assert client.post(url, {}).status_code == expect.post["ended_mentor"], f"POST {name}"


def _mentors_own_comment(cast: dict) -> list[str]:
    from apps.mentorship.services import comment_add
    from tests.factories import GoalFactory

    goal = GoalFactory(owner=cast["owner"], title="Bob comments here")
    comment = comment_add(by=cast["mentor"], target=goal, body="Mine", kind="mentor_note")
    names = ("mentorship:comment-edit", "mentorship:comment-delete")
    return [reverse(name, args=[comment.public_id]) for name in names]


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_a_get_by_the_owner_writes_nothing(as_role, name):
    """Opening a page, or fetching its partial, leaves every table as it was: links are
    followed by prefetchers, crawlers and mail scanners, so only a POST may write."""
    expect = EXPECTATIONS[name]
    kwargs = expect.kwargs(as_role.cast) if expect.kwargs else {}
    client = as_role("owner")
    before = _row_counts()
    for htmx_headers in ({}, {"HX-Request": "true"}):
        client.get(reverse(name, kwargs=kwargs), headers=htmx_headers)
    if expect.logs_get:
        before["accounts.AuditEvent"] += 2
    assert _row_counts() == before
