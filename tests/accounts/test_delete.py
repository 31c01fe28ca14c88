"""Deleting an account: after the password again, everything the planner owns goes at once,
every session ends, no queued reminder is sent, and one anonymous audit row remains."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from apps.accounts.models import AuditEvent, User
from apps.checkins.models import ReminderDelivery
from apps.checkins.services import schedules
from apps.goals.models import Goal, Win
from apps.milestones.models import Milestone
from tests.factories import GoalFactory, MilestoneFactory, WinFactory

DELETE = reverse("accounts:delete")


def _signed_in(user, password) -> Client:
    """A browser that signed in and has just confirmed the password again."""
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302
    return client


@pytest.fixture
def alices_plan(alice):
    goal = GoalFactory(owner=alice)
    MilestoneFactory.create_batch(2, goal=goal)
    WinFactory(owner=alice, goal=goal)
    schedules.schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    return goal


def test_the_page_asks_for_the_password_again_first(alice, password):
    client = Client()
    client.post(reverse("account_login"), {"login": alice.email, "password": password})
    response = client.get(DELETE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_page_says_what_goes_and_what_stays(alice, password):
    page = _signed_in(alice, password).get(DELETE).content.decode()
    assert "alice@example.com" in page
    assert "your goals with their milestones" in page
    assert "not your address, your name or anything you wrote" in page


def test_a_mistyped_address_deletes_nothing(alice, password, alices_plan):
    response = _signed_in(alice, password).post(DELETE, {"confirm": "alice@example.org"})
    assert response.status_code == 422
    assert "That is not your address, so nothing was deleted" in response.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()
    assert Goal.objects.filter(owner=alice).exists()


def test_deleting_takes_everything_and_ends_every_session(alice, charlie, password, alices_plan):
    GoalFactory(owner=charlie, title="Charlie's own goal")
    laptop, phone = _signed_in(alice, password), _signed_in(alice, password)
    public_id = alice.public_id
    delivery = ReminderDelivery.objects.create(
        user=alice, kind="checkin", occurrence_key="2026-12-07", due_at=alice.date_joined
    )

    response = laptop.post(DELETE, {"confirm": "ALICE@example.com"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("accounts:deleted")
    assert "Your account is deleted" in response.content.decode()
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not Goal.objects.filter(pk=alices_plan.pk).exists()
    assert not Milestone.objects.filter(goal_id=alices_plan.pk).exists()
    assert not Win.objects.filter(goal_id=alices_plan.pk).exists()
    assert not ReminderDelivery.objects.filter(pk=delivery.pk).exists()
    assert Goal.objects.filter(owner=charlie, title="Charlie's own goal").exists()
    # The other device is signed out too.
    assert phone.get(reverse("dashboard:index")).status_code == 302
    (event,) = AuditEvent.objects.all()
    assert event.kind == "account_deleted"
    assert event.user is None
    assert event.user_ref == public_id
    assert "alice" not in str(event).lower()
    assert mail.outbox == []


def test_the_deleted_account_cannot_sign_in(alice, password, alices_plan):
    _signed_in(alice, password).post(DELETE, {"confirm": alice.email})
    response = Client().post(
        reverse("account_login"), {"login": "alice@example.com", "password": password}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in response.wsgi_request.session
