"""The fixed cast of the test suite (STYLE.md): alice plans, bob mentors her, charlie is a
stranger, dora's mentorship of alice has ended, an admin."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com", display_name="Alice", timezone="Europe/Berlin")


@pytest.fixture
def charlie(db):
    return UserFactory(email="charlie@example.com", display_name="Charlie", timezone="UTC")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.com", display_name="Bob", timezone="Europe/Berlin")


@pytest.fixture
def dora(db):
    return UserFactory(email="dora@example.com", display_name="Dora", timezone="UTC")


@pytest.fixture
def admin_user(db):
    # The admin requires a second factor, so the suite's admin has one.
    user = UserFactory(
        email="admin@example.com", display_name="Admin", is_staff=True, is_superuser=True
    )
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client
