"""The cast every access test signs in as: the owner (alice), her active mentor (bob, with
erin's share not covering the object), the ended mentor (dora), an invitee, a stranger
(charlie) and staff."""

import pytest

from tests.security.access import mentor_cast


@pytest.fixture
def as_role(client, alice, bob, charlie, dora, admin_user):
    cast = {"owner": alice, "other": charlie, "staff": admin_user, **mentor_cast(alice, bob, dora)}

    def login(role):
        client.logout()
        if role != "anonymous":
            client.force_login(cast[role])
        return client

    login.cast = cast
    return login
