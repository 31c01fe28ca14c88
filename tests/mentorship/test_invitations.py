"""Inviting a mentor, and every way an invitation link can be misused."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.mentorship.models import Invitation, InvitationStatus, Mentorship
from apps.mentorship.services import invitation_send
from tests.factories import GoalFactory, InvitationFactory, UserFactory

INVITE = reverse("mentorship:invite")


def _invite(client, captured, email="bob@example.com", **extra):
    with captured(execute=True):
        return client.post(INVITE, {"email": email, "message": "Would you?", **extra})


def _link_in(message) -> str:
    return re.search(r"https?://\S+/mentorship/invitations/[\w-]+/", message.body).group(0)


def _path(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_an_invitation_mails_a_single_use_link_and_keeps_only_its_hash(
    alice_client, alice, django_capture_on_commit_callbacks
):
    goal = GoalFactory(owner=alice, title="Speak at a conference")
    response = _invite(
        alice_client, django_capture_on_commit_callbacks, goals=[goal.public_id], share_vision="on"
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["bob@example.com"]
    assert "Would you?" in message.body
    token = _link_in(message).rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get(planner=alice)
    assert token not in invitation.token_hash
    assert len(invitation.token_hash) == 64
    assert list(invitation.goals.all()) == [goal]
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - timedelta(days=14)) < timedelta(seconds=5)


def test_the_planner_hears_the_same_whether_or_not_the_address_has_an_account(
    alice_client, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.com")
    answers = []
    for email in ("known@example.com", "unknown@example.com"):
        response = _invite(alice_client, django_capture_on_commit_callbacks, email=email)
        # Following the redirect shows the flash and clears it for the next round; the
        # request that queued it still holds it.
        alice_client.get(response.url)
        flash = [str(m).replace(email, "EMAIL") for m in get_messages(response.wsgi_request)]
        answers.append((response.status_code, response.url, flash))
    assert answers[0] == answers[1]
    assert answers[0][2] == ["Your invitation is on its way to EMAIL."]
    assert [m.to for m in mail.outbox] == [["known@example.com"], ["unknown@example.com"]]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("self", "your own address"),
        ("twice", "already invited"),
        ("mentor", "already mentors you"),
    ],
)
def test_inviting_yourself_or_the_same_person_twice_is_refused_at_the_field(
    alice_client, alice, bob, setup, message
):
    from tests.factories import MentorshipFactory

    email = {"self": alice.email, "twice": "carol@example.com", "mentor": bob.email}[setup]
    if setup == "twice":
        InvitationFactory(planner=alice, email=email)
    if setup == "mentor":
        MentorshipFactory(planner=alice, mentor=bob)
    response = alice_client.post(INVITE, {"email": email.upper()})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_more_than_twenty_open_invitations_a_day_are_refused(alice_client, alice):
    for n in range(20):
        InvitationFactory(planner=alice, email=f"friend{n}@example.com")
    response = alice_client.post(INVITE, {"email": "one-more@example.com"})
    assert response.status_code == 422
    assert "20 open invitations" in response.content.decode()


def test_sending_is_rate_limited_per_planner(alice):
    from django.core.exceptions import ValidationError

    for n in range(10):
        invitation_send(
            planner=alice, email=f"p{n}@example.com", message="", goals=[], share_vision=False
        )
    with pytest.raises(ValidationError, match="many invitations"):
        invitation_send(
            planner=alice, email="p11@example.com", message="", goals=[], share_vision=False
        )


def test_the_invitee_signs_in_reads_what_is_shared_and_accepts(
    client, alice, bob, django_capture_on_commit_callbacks
):
    goal = GoalFactory(owner=alice, title="Speak at a conference")
    invitation = InvitationFactory(planner=alice, email=bob.email, raw_token="t" * 43)
    invitation.goals.set([goal])
    url = reverse("mentorship:invitation", args=["t" * 43])
    anonymous = client.get(url).content.decode()
    assert "Sign in" in anonymous
    assert bob.email in anonymous
    client.force_login(bob)
    page = client.get(url).content.decode()
    assert "Speak at a conference" in page
    assert "Their career vision" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"answer": "accept"})
    mentorship = Mentorship.objects.get(planner=alice, mentor=bob)
    assert response.status_code == 302
    assert response.url == reverse("mentorship:mentee", args=[mentorship.public_id])
    assert list(mentorship.goals.all()) == [goal]
    assert mentorship.share_vision
    assert not mentorship.all_goals
    assert not mentorship.share_checkins
    [answer] = mail.outbox
    assert answer.to == [alice.email]
    assert "accepted" in answer.subject


def test_declining_tells_the_planner_and_creates_nothing(
    client, alice, bob, django_capture_on_commit_callbacks
):
    InvitationFactory(planner=alice, email=bob.email, raw_token="d" * 43)
    client.force_login(bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("mentorship:invitation", args=["d" * 43]), {"answer": "decline"}
        )
    assert response.status_code == 302
    assert not Mentorship.objects.exists()
    assert "declined" in mail.outbox[0].subject


def _answer(client, token):
    return client.post(reverse("mentorship:invitation", args=[token]), {"answer": "accept"})


def test_a_token_used_twice_says_so(client, alice, bob):
    InvitationFactory(planner=alice, email=bob.email, raw_token="u" * 43)
    client.force_login(bob)
    assert _answer(client, "u" * 43).status_code == 302
    response = _answer(client, "u" * 43)
    assert response.status_code == 410
    assert "already been answered" in response.content.decode()
    assert Mentorship.objects.count() == 1


def test_an_expired_token_says_so(client, alice, bob):
    InvitationFactory(planner=alice, email=bob.email, raw_token="e" * 43)
    client.force_login(bob)
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = _answer(client, "e" * 43)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Mentorship.objects.exists()


def test_a_token_for_another_address_says_so(client, alice, charlie):
    InvitationFactory(planner=alice, email="bob@example.com", raw_token="o" * 43)
    client.force_login(charlie)
    response = _answer(client, "o" * 43)
    assert response.status_code == 403
    assert "sent to bob@example.com" in response.content.decode()
    assert not Mentorship.objects.exists()


def test_a_guessed_token_says_so(bob_client):
    response = bob_client.get(reverse("mentorship:invitation", args=["guessed"]))
    assert response.status_code == 404
    assert "not valid" in response.content.decode()


def test_the_planner_cannot_accept_their_own_invitation(alice_client, alice):
    InvitationFactory(planner=alice, email="bob@example.com", raw_token="p" * 43)
    response = _answer(alice_client, "p" * 43)
    assert response.status_code == 403
    assert "your own invitation" in response.content.decode()
    assert not Mentorship.objects.exists()


def test_a_withdrawn_invitation_cannot_be_accepted(alice_client, client, alice, bob):
    invitation = InvitationFactory(planner=alice, email=bob.email, raw_token="w" * 43)
    url = reverse("mentorship:invitation-withdraw", args=[invitation.public_id])
    assert alice_client.post(url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN
    client.force_login(bob)
    response = _answer(client, "w" * 43)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
