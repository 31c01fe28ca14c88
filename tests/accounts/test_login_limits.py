"""Failed sign-ins behind the TLS proxy: limits count people, and an attacker cannot hold an
account locked against its owner."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

from apps.core.middleware import client_address

LOGIN = reverse("account_login")
PROXY = "10.0.0.2"
TOO_MANY = "Too many failed login attempts"


def _via_proxy(client, email, password, client_ip, forwarded_prefix=""):
    """A sign-in as the TLS proxy forwards it: the proxy connects, the client is in XFF."""
    return client.post(
        LOGIN,
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{forwarded_prefix}{client_ip}",
    )


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        ("10.0.0.2", "203.0.113.9", 0, "10.0.0.2"),  # no trusted proxy: the header means nothing
        ("10.0.0.2", "203.0.113.9", 1, "203.0.113.9"),
        ("10.0.0.2", "6.6.6.6, 203.0.113.9", 1, "203.0.113.9"),  # a forged entry on the left
        ("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", 2, "203.0.113.9"),
        ("10.0.0.2", "not-an-address", 1, "10.0.0.2"),
        ("10.0.0.2", "", 1, "10.0.0.2"),
    ],
)
def test_the_client_is_the_right_most_hop_no_trusted_proxy_wrote(
    remote, forwarded, trusted, expected
):
    assert client_address(remote, forwarded, trusted) == expected


def test_behind_the_proxy_one_persons_failures_do_not_lock_out_another(
    client, alice, charlie, password, one_proxy
):
    for _ in range(12):
        _via_proxy(client, alice.email, "wrong-password", "203.0.113.66")
    blocked = _via_proxy(client, alice.email, "wrong-password", "203.0.113.66")
    assert TOO_MANY in blocked.content.decode()

    response = _via_proxy(client, charlie.email, password, "198.51.100.7")
    assert response.status_code == 302


def test_forging_x_forwarded_for_does_not_escape_the_limit(client, alice, one_proxy):
    for n in range(12):
        response = _via_proxy(
            client, alice.email, "wrong-password", "203.0.113.66", forwarded_prefix=f"1.2.3.{n}, "
        )
    assert TOO_MANY in response.content.decode()


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, alice):
    for n in range(12):
        response = client.post(
            LOGIN,
            {"login": alice.email, "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}",
        )
    assert TOO_MANY in response.content.decode()


def test_an_attacker_elsewhere_does_not_lock_the_owner_out(client, alice, password, one_proxy):
    for _ in range(6):
        _via_proxy(client, alice.email, "wrong-password", "203.0.113.66")

    response = _via_proxy(client, alice.email, password, "198.51.100.7")
    assert response.status_code == 302
    assert client.get(reverse("dashboard:index")).status_code == 200


def test_past_the_account_wide_limit_password_and_second_factor_get_through(
    client, alice, password, one_proxy, time_machine
):
    time_machine.move_to(time.time(), tick=False)
    secret = generate_totp_secret()
    TOTP.activate(alice, secret)
    # Guessing spread over many addresses trips the per-account limit.
    for n in range(40):
        _via_proxy(client, alice.email, "wrong-password", f"203.0.113.{n}")
    assert TOO_MANY in _via_proxy(client, alice.email, "wrong", "192.0.2.1").content.decode()

    response = _via_proxy(client, alice.email, password, "198.51.100.7")
    assert response["Location"] == reverse("mfa_authenticate")
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    done = client.post(reverse("mfa_authenticate"), {"code": code}, REMOTE_ADDR=PROXY)
    assert done.status_code == 302
    assert client.get(reverse("dashboard:index")).status_code == 200


def test_past_the_account_wide_limit_no_second_factor_means_no_oracle(
    client, alice, password, one_proxy
):
    for n in range(40):
        _via_proxy(client, alice.email, "wrong-password", f"203.0.113.{n}")

    right = _via_proxy(client, alice.email, password, "198.51.100.7")
    wrong = _via_proxy(client, alice.email, "wrong-password", "198.51.100.8")
    assert TOO_MANY in right.content.decode()
    assert TOO_MANY in wrong.content.decode()
    assert client.get(reverse("dashboard:index")).status_code == 302
