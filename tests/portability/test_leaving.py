"""Deleting an account, beyond what tests/accounts/test_delete.py covers: in one transaction the
planner's whole plan goes, running mentorships end with a note to the other side that holds no
plan data, prepared downloads go, and only the anonymous audit row remains. A mentor who leaves
leaves their shared comments on the plan and takes their private notes."""

from django.apps import apps
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts.models import AuditEvent, User
from apps.checkins.models import ReminderDelivery
from apps.mentorship.models import Comment, Mentorship
from apps.portability.document import build
from apps.portability.models import DataExport
from apps.portability.services import export_request
from tests.factories import PASSWORD, MentorshipFactory, UserFactory
from tests.portability.plans import full_plan


def _signed_in(user) -> Client:
    client = Client()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def _owned_rows(user_pk: int) -> dict[str, int]:
    """Rows anywhere that still point at the person, by any user foreign key."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                count = model._base_manager.filter(**{field.attname: user_pk}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def test_deleting_removes_every_row_of_the_plan_and_tells_the_mentor(
    alice, bob, charlie, django_capture_on_commit_callbacks
):
    full_plan(alice, "Alice", mentor=bob)
    full_plan(charlie, "Charlie", mentor=bob)
    mentee = UserFactory(display_name="Mentee")
    MentorshipFactory(planner=mentee, mentor=alice)
    export_request(user=alice)
    ReminderDelivery.objects.create(
        user=alice, kind="checkin", occurrence_key="2026-12-07", due_at=alice.date_joined
    )
    charlies_before = build(charlie)
    pk = alice.pk
    client = _signed_in(alice)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:delete"), {"confirm": alice.email})

    assert response.status_code == 302
    assert _owned_rows(pk) == {}
    assert not DataExport.objects.exists()
    # Charlie's plan, and Bob's mentorship of Charlie, are as they were.
    assert {**build(charlie), "exported_at": None} == {**charlies_before, "exported_at": None}
    assert Mentorship.objects.active().filter(planner=charlie, mentor=bob).exists()
    # Both people Alice was in a mentorship with hear of it, by name only.
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"bob@example.com", mentee.email}
    to_bob = by_address["bob@example.com"]
    assert to_bob.subject == "Your mentorship with Alice has ended"
    assert "Alice has closed their careerplan account" in to_bob.body
    for message in mail.outbox:
        text = message.body + "".join(str(a[0]) for a in message.alternatives)
        assert "module" not in text
        assert "team lead" not in text
        assert "certificate" not in text
    (event,) = AuditEvent.objects.all()
    assert event.user_id is None
    assert event.kind == "account_deleted"


def test_the_mentor_is_told_only_once_the_deletion_is_committed(
    alice, bob, django_capture_on_commit_callbacks
):
    full_plan(alice, "Alice", mentor=bob)
    client = _signed_in(alice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        client.post(reverse("accounts:delete"), {"confirm": alice.email})
    assert mail.outbox == []
    assert not Mentorship.objects.filter(mentor=bob).exists()
    for callback in after_commit:
        callback()
    assert [message.to for message in mail.outbox] == [["bob@example.com"]]


def test_a_mentor_who_leaves_leaves_their_comments_and_takes_their_private_notes(alice, bob):
    plan = full_plan(alice, "Alice", mentor=bob)
    client = _signed_in(bob)

    response = client.post(reverse("accounts:delete"), {"confirm": bob.email})

    assert response.status_code == 302
    assert _owned_rows(bob.pk) == {}
    assert not Comment.objects.filter(body__startswith="Mentor's memo").exists()
    advice = Comment.objects.get(body="Mentor to Alice: try a study group")
    assert advice.author is None
    # Alice's page keeps what he wrote, said to come from a past mentor, and her answer.
    alice_client = Client()
    alice_client.force_login(alice)
    page = alice_client.get(reverse("plan:goal", args=[plan["goal"].public_id])).content.decode()
    assert "try a study group" in page
    assert "A past mentor" in page
    assert "from a past mentor" in page
    assert "Alice thanks the mentor" in page
    assert "Mentor's memo" not in page
    assert "Bob" not in page
    (kept,) = [c for c in build(alice)["comments"] if c["body"].endswith("study group")]
    assert (kept["author"], kept["from_past_mentor"]) == ("A past mentor", True)
