import pytest
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


@pytest.fixture
def as_role(client, alice, charlie, admin_user):
    cast = {"owner": alice, "other": charlie, "staff": admin_user}

    def login(role):
        client.logout()
        if role != "anonymous":
            client.force_login(cast[role])
        return client

    login.cast = cast
    return login


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
