"""Every page says what it is in a meta description (search results, shared links)."""

import pytest
from django.urls import reverse

from tests.security.access import EXPECTATIONS

PAGES = sorted(n for n, e in EXPECTATIONS.items() if e.get["owner"] == 200)
DESCRIPTION = '<meta name="description" content="careerplan turns'


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_a_meta_description(as_role, name):
    expect = EXPECTATIONS[name]
    kwargs = expect.kwargs(as_role.cast) if expect.kwargs else {}
    response = as_role("owner").get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        assert response.content.decode().count(DESCRIPTION) == 1


def test_the_sign_in_page_has_one_too(client):
    response = client.get(reverse("account_login"))
    assert response.content.decode().count(DESCRIPTION) == 1
