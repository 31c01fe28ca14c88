import pytest
from django.urls import reverse


@pytest.fixture
def htmx():
    return {"HX-Request": "true"}


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def url():
    return lambda name, **kwargs: reverse(f"assessment:{name}", kwargs=kwargs or None)
