"""A mentor nudges a mentee from the Mentees page: the mentor's own words only, at most once
a week per mentee, and never after the mentorship ended."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from apps.mentorship.models import Nudge
from apps.mentorship.services import mentorship_end


def _nudge(client, mentorship, message="", **extra):
    url = reverse("mentorship:nudge", args=[mentorship.public_id])
    return client.post(url, {"message": message}, **extra)


def test_a_nudge_reaches_the_planner_in_the_app_and_by_email(
    mentorship, alice_client, bob_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _nudge(bob_client, mentorship, "Coffee & a <b>chat</b> soon? https://x.example")
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    # The mentor's words as they wrote them: never escaped in the subject or plain text,
    # never made into a link, and nothing of the plan.
    assert "A nudge from Bob: “Coffee & a <b>chat</b> soon? https://x.example”" in message.body
    assert "Lead a team of five" not in message.body
    assert message.subject.startswith("Nudge: A nudge from Bob: “Coffee & a <b>chat</b>")
    html = message.alternatives[0][0]
    assert "&lt;b&gt;chat&lt;/b&gt;" in html
    assert 'href="https://x.example' not in html
    listed = alice_client.get(reverse("notifications:list")).content.decode()
    assert "A nudge from Bob" in listed


def test_an_empty_nudge_is_a_friendly_one(mentorship, alice_client, bob_client):
    assert _nudge(bob_client, mentorship).status_code == 302
    listed = alice_client.get(reverse("notifications:list")).content.decode()
    assert "A nudge from Bob — they are thinking of your plan." in listed


def test_one_nudge_a_week_says_when_the_next_is_possible(mentorship, bob_client):
    assert _nudge(bob_client, mentorship, "First").status_code == 302
    refused = _nudge(bob_client, mentorship, "Second")
    assert refused.status_code == 429
    page = refused.content.decode()
    again = timezone.localdate() + timedelta(days=7)
    assert "You nudged them this week already. You can again from" in page
    assert str(again.year) in page
    assert Nudge.objects.count() == 1
    mentees = bob_client.get(reverse("mentorship:mentees")).content.decode()
    assert "You nudged them this week; you can again from" in mentees
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        bob_client.force_login(mentorship.mentor)
        assert _nudge(bob_client, mentorship, "Third").status_code == 302
    assert Nudge.objects.count() == 2


def test_a_long_nudge_gets_a_field_message(mentorship, bob_client):
    response = _nudge(bob_client, mentorship, "x" * 501)
    assert response.status_code == 422
    assert "at most 500 characters" in response.content.decode()
    assert not Nudge.objects.exists()


def test_an_ended_mentorship_cannot_nudge(mentorship, bob, bob_client):
    mentorship_end(mentorship=mentorship, by=bob)
    assert _nudge(bob_client, mentorship, "Still there?").status_code == 404
    assert not Nudge.objects.exists()


def test_the_planner_and_strangers_cannot_nudge(mentorship, alice_client, client, charlie):
    assert _nudge(alice_client, mentorship).status_code == 404
    client.force_login(charlie)
    assert _nudge(client, mentorship).status_code == 404
    assert not Nudge.objects.exists()


def test_the_mentees_page_offers_the_nudge(mentorship, bob_client):
    page = bob_client.get(reverse("mentorship:mentees")).content.decode()
    assert "Send a friendly nudge" in page
    assert reverse("mentorship:nudge", args=[mentorship.public_id]) in page
