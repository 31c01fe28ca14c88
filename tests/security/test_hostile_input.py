"""Hostile input over every form: no server error, whatever a field holds.

The forms are found through the access harness, which every URL pattern must join (see
test_access.py): each URL that takes a POST declares a valid one, and this test spoils it one
field at a time. A new form is covered the day its URL is declared.
"""

import pytest
from django.urls import reverse

from tests.security.access import EXPECTATIONS

HOSTILE = [
    "\x00",
    "x" * 1_000_000,
    "Nia\u202eevil\u2066",
    str(2**63),
    "-" + str(2**63),
    "9999-12-31",
    "0001-01-01",
    "🎯🚀👩‍💻" * 20,
    '<script>alert(1)</script><img src=x onerror="alert(2)">',
    "",
]
MALFORMED_HTMX = [
    {"HX-Request": "true", "HX-Target": "<script>", "HX-Trigger": "x" * 5000},
    {"HX-Request": "yes please", "HX-Current-URL": "javascript:alert(1)"},
    {"HX-Request": "true", "HX-History-Restore-Request": "maybe", "HX-Boosted": "1"},
]
FORMS = sorted(
    name
    for name, e in EXPECTATIONS.items()
    if e.post["owner"] != 405 and e.post["staff"] != 405 and e.valid
)


@pytest.fixture
def sender(as_role):
    """The client of whoever sends the form's valid POST (the owner, or staff), and the cast."""
    return lambda expect: (as_role(expect.valid.by), as_role.cast)


@pytest.mark.parametrize("name", FORMS)
def test_no_field_value_causes_a_server_error(sender, name):
    expect = EXPECTATIONS[name]
    client, cast = sender(expect)
    kwargs = expect.kwargs(cast) if expect.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    valid = expect.valid.data(cast, kwargs)
    for field in [*valid, "unexpected_field"]:
        for value in HOSTILE:
            response = client.post(url, {**valid, field: value})
            assert response.status_code < 500, (name, field, value[:20], response.status_code)


@pytest.mark.parametrize("name", FORMS)
def test_malformed_htmx_headers_cause_no_server_error(sender, name):
    expect = EXPECTATIONS[name]
    client, cast = sender(expect)
    kwargs = expect.kwargs(cast) if expect.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    for headers in MALFORMED_HTMX:
        response = client.post(url, expect.valid.data(cast, kwargs), headers=headers)
        assert response.status_code < 500, (name, headers, response.status_code)
        assert client.get(url, headers=headers).status_code < 500
