"""The security log: what writes it, that it cannot be changed, and what a person sees of it."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from apps.accounts.audit import record, shown
from apps.accounts.models import AppendOnly, AuditEvent, AuditKind
from apps.accounts.services import account_delete
from apps.mentorship.services.relationship import (
    mentorship_end,
    mentorship_set_sharing,
    mentorship_start,
)
from tests.factories import GoalFactory


def _kinds(user) -> list[str]:
    return list(AuditEvent.objects.of(user).values_list("kind", flat=True))


def _reauthenticated(client, user, password):
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    client.post(reverse("account_reauthenticate"), {"password": password})
    return client


def test_a_sign_in_and_a_failed_one_are_logged_with_the_address(client, alice, password):
    client.post(reverse("account_login"), {"login": alice.email, "password": "wrong-password"})
    client.post(
        reverse("account_login"),
        {"login": alice.email, "password": password},
        REMOTE_ADDR="203.0.113.9",
    )
    failed, signed_in = AuditEvent.objects.of(alice).order_by("at", "pk")
    assert failed.kind == AuditKind.SIGN_IN_FAILED
    assert signed_in.kind == AuditKind.SIGNED_IN
    assert signed_in.ip == "203.0.113.9"


def test_a_failed_sign_in_for_an_unknown_address_belongs_to_nobody(client, alice):
    client.post(reverse("account_login"), {"login": "nobody@example.com", "password": "x" * 9})
    assert AuditEvent.objects.count() == 0


def test_password_change_and_two_factor_on_and_off_are_logged(
    client, alice, password, django_capture_on_commit_callbacks
):
    _reauthenticated(client, alice, password)
    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": password,
            "password1": "a-new-pass-phrase",
            "password2": "a-new-pass-phrase",
        },
    )
    client.post(reverse("account_reauthenticate"), {"password": "a-new-pass-phrase"})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mfa_activate_totp"), {"code": code})
    client.post(reverse("mfa_deactivate_totp"))

    kinds = _kinds(alice)
    assert AuditKind.PASSWORD_CHANGED in kinds
    assert AuditKind.MFA_ACTIVATED in kinds
    assert AuditKind.MFA_DEACTIVATED in kinds


def test_adding_an_email_address_is_logged(client, alice, password):
    _reauthenticated(client, alice, password)
    client.post(reverse("account_email"), {"action_add": "", "email": "alice.new@example.com"})
    (event,) = AuditEvent.objects.of(alice).filter(kind=AuditKind.EMAIL_ADDED)
    assert event.detail == "alice.new@example.com"


def test_a_mentorship_logs_its_start_each_sharing_change_and_its_end(alice, bob):
    goal = GoalFactory(owner=alice, title="Private title never logged")
    mentorship = mentorship_start(planner=alice, mentor=bob, share_vision=True, goals=[goal])
    mentorship_set_sharing(
        mentorship=mentorship,
        by=alice,
        share_vision=False,
        share_checkins=True,
        all_goals=False,
        goals=[],
        assessment_parts=[],
    )
    mentorship_end(mentorship=mentorship, by=bob)

    planner_log = {e.kind: e for e in AuditEvent.objects.of(alice)}
    started = planner_log[AuditKind.MENTORSHIP_STARTED]
    assert started.detail == "They mentor you · shares vision, 1 goal"
    assert started.actor_ref == bob.public_id
    assert planner_log[AuditKind.SHARING_CHANGED].detail == "Now shares check-ins, 0 goals"
    assert planner_log[AuditKind.MENTORSHIP_ENDED].detail == "Ended by them"
    mentor_log = {e.kind: e for e in AuditEvent.objects.of(bob)}
    assert set(mentor_log) == {AuditKind.MENTORSHIP_STARTED, AuditKind.MENTORSHIP_ENDED}
    assert mentor_log[AuditKind.MENTORSHIP_ENDED].detail == "Ended by you"
    assert not AuditEvent.objects.filter(detail__contains="Private title").exists()
    assert not AuditEvent.objects.filter(detail__contains="@").exists()


def test_the_log_names_the_other_person_until_their_account_is_gone(alice_client, alice, bob):
    mentorship_start(planner=alice, mentor=bob, share_vision=True, goals=[])
    assert "(with Bob)" in alice_client.get(reverse("accounts:security-log")).content.decode()
    account_delete(user=bob)
    page = alice_client.get(reverse("accounts:security-log")).content.decode()
    assert "(with a former user)" in page
    assert "bob@example.com" not in page


def test_an_audit_row_can_be_neither_changed_nor_removed(alice):
    event = record(kind=AuditKind.SIGNED_IN, user=alice)
    event.detail = "tampered"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(detail="tampered")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    event.refresh_from_db()
    assert event.detail == ""


def test_deleting_an_account_takes_its_log_and_leaves_one_anonymous_row(alice, charlie):
    record(kind=AuditKind.SIGNED_IN, user=alice)
    record(kind=AuditKind.SIGNED_IN, user=charlie)
    public_id = alice.public_id
    account_delete(user=alice)
    (left,) = AuditEvent.objects.filter(user_ref=public_id)
    assert (left.kind, left.user_id, left.ip, left.detail) == (
        AuditKind.ACCOUNT_DELETED,
        None,
        None,
        "",
    )
    assert _kinds(charlie) == [AuditKind.SIGNED_IN]


def test_control_and_bidi_characters_show_as_escapes():
    assert shown("a\x00b\nc\u202ed") == "a\\u0000b\\u000ac\\u202ed"


def test_the_security_log_shows_only_ones_own_events_escaped_in_utc(
    alice_client, alice, charlie, time_machine
):
    time_machine.move_to("2026-06-01 08:15:00+00:00", tick=False)
    type(alice).objects.filter(pk=alice.pk).update(timezone="Asia/Tokyo")
    record(kind=AuditKind.EMAIL_ADDED, user=alice, detail="evil\u202e<b>x</b>")
    record(kind=AuditKind.EMAIL_ADDED, user=charlie, detail="charlie-secret@example.com")
    page = alice_client.get(reverse("accounts:security-log")).content.decode()
    assert "Email address added" in page
    assert "evil\\u202e&lt;b&gt;x&lt;/b&gt;" in page
    assert "charlie-secret" not in page
    assert "1 Jun 2026, 08:15:00" in page


def test_the_security_log_pages_and_its_query_count_does_not_grow(
    alice_client, alice, django_assert_num_queries
):
    def queries_for_page() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = alice_client.get(reverse("accounts:security-log"))
        assert response.status_code == 200
        return len(captured)

    for _ in range(3):
        record(kind=AuditKind.SIGNED_IN, user=alice)
    few = queries_for_page()
    for _ in range(60):
        record(kind=AuditKind.SIGNED_IN, user=alice, detail="older")
    assert queries_for_page() == few
    second = alice_client.get(reverse("accounts:security-log"), {"page": 2}).content.decode()
    assert "Page 2 of 3" in second
