"""Asking a listed mentor, and their answer: refusals at the field, the mentorship an accepted
request starts (the same as an accepted invitation's), and what the planner hears."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.directory import services
from apps.directory.models import MentorRequest, RequestStatus
from apps.mentorship.models import Mentorship
from apps.notifications.models import Notification
from apps.notifications.registry import describe_all
from tests.factories import GoalFactory, MentorshipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _ask(client, profile, **data):
    data = {"message": "Would you mentor me?", **data}
    return client.post(reverse("directory:mentor", args=[profile.public_id]), data)


def _summaries(user) -> list[str]:
    found = describe_all(user, Notification.objects.filter(recipient=user).order_by("pk"))
    return [described.summary for _, described in found]


def test_a_request_tells_the_mentor_and_offers_the_chosen_scope(
    alice_client, alice, bob, bob_profile, bob_client
):
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    GoalFactory(owner=alice, title="Kept to myself")
    response = _ask(alice_client, bob_profile, goals=[goal.public_id])
    assert response.status_code == 302
    request = MentorRequest.objects.get(planner=alice, mentor=bob)
    assert (request.status, request.share_vision) == (RequestStatus.OPEN, False)
    assert list(request.goals.all()) == [goal]
    assert _summaries(bob) == ["Alice asks you to mentor them"]
    page = bob_client.get(reverse("directory:request", args=[request.public_id])).content.decode()
    assert "Would you mentor me?" in page
    assert "Lead a team of five" in page
    assert "Kept to myself" not in page


def test_accepting_starts_the_mentorship_an_invitation_would(
    alice_client, alice, bob, bob_profile, bob_client, django_capture_on_commit_callbacks
):
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    _ask(alice_client, bob_profile, goals=[goal.public_id], share_vision="on")
    request = MentorRequest.objects.get(planner=alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(
            reverse("directory:answer", args=[request.public_id]), {"answer": "accept"}
        )
    mentorship = Mentorship.objects.active().get(planner=alice, mentor=bob)
    assert response["Location"] == reverse("mentorship:mentee", args=[mentorship.public_id])
    assert (mentorship.share_vision, mentorship.all_goals, mentorship.share_checkins) == (
        True,
        False,
        False,
    )
    assert list(mentorship.goals.all()) == [goal]
    request.refresh_from_db()
    assert (request.status, request.mentorship) == (RequestStatus.ACCEPTED, mentorship)
    # One email for the answer, though she asked for an email for each notification.
    [answer] = [m for m in mail.outbox if m.to == [alice.email]]
    assert answer.subject == "Bob accepted your mentoring request"
    assert "Bob accepted your request and now mentors you" in _summaries(alice)
    home = alice_client.get(reverse("mentorship:home")).content.decode()
    assert "Bob" in home
    assert "Manage sharing and agreement" in home


def test_declining_with_a_note_tells_the_planner_and_shows_nothing_of_the_plan(
    alice_client, alice, bob_profile, bob, bob_client, django_capture_on_commit_callbacks
):
    bob.display_name = "Bob <b>& co"
    bob.save()
    GoalFactory(owner=alice, title="Lead a team of five")
    _ask(alice_client, bob_profile, goals=[alice.goals.get().public_id], share_vision="on")
    request = MentorRequest.objects.get(planner=alice)
    note = "Not this year. See https://example.org <i>sorry</i>"
    with django_capture_on_commit_callbacks(execute=True):
        bob_client.post(
            reverse("directory:answer", args=[request.public_id]),
            {"answer": "decline", "note": note},
        )
    assert not Mentorship.objects.filter(planner=alice, mentor=bob).exists()
    [answer] = [m for m in mail.outbox if "mentoring request" in m.subject]
    assert answer.subject == "Bob <b>& co declined your mentoring request"
    assert note in answer.body
    html = answer.alternatives[0][0]
    assert "&lt;i&gt;sorry&lt;/i&gt;" in html
    assert 'href="https://example.org' not in html
    assert "Bob <b>& co declined your request" in _summaries(alice)
    page = bob_client.get(reverse("directory:request", args=[request.public_id])).content.decode()
    assert "You declined" in page
    assert "Lead a team of five" not in page
    assert "career vision" not in page
    sent = alice_client.get(reverse("directory:requests")).content.decode()
    assert "Declined" in sent
    assert "&lt;i&gt;sorry&lt;/i&gt;" in sent
    assert '<a href="https://example.org' not in sent


def test_a_request_is_answered_once(alice, bob, bob_profile, bob_client):
    request = services.request_send(planner=alice, profile=bob_profile, message="Hi")
    url = reverse("directory:answer", args=[request.public_id])
    bob_client.post(url, {"answer": "decline"})
    response = bob_client.post(url, {"answer": "accept"})
    assert response.status_code == 422
    assert "already been answered" in response.content.decode()
    assert not Mentorship.objects.filter(planner=alice, mentor=bob).exists()


def test_an_empty_answer_is_refused(alice, bob_profile, bob_client):
    request = services.request_send(planner=alice, profile=bob_profile, message="Hi")
    response = bob_client.post(reverse("directory:answer", args=[request.public_id]), {})
    assert response.status_code == 422
    assert "Choose Accept or Decline" in response.content.decode()


def test_asking_yourself_is_refused(alice, alice_client):
    from apps.directory.models import MentorProfile

    mine = MentorProfile.objects.create(user=alice, headline="Me")
    with pytest.raises(ValidationError, match="This is you"):
        services.request_send(planner=alice, profile=mine, message="Hi")
    assert _ask(alice_client, mine).status_code == 422
    assert not MentorRequest.objects.exists()


def test_a_second_open_request_or_a_running_mentor_is_refused_at_the_field(
    alice_client, alice, bob, bob_profile, charlie
):
    _ask(alice_client, bob_profile)
    again = _ask(alice_client, bob_profile)
    assert again.status_code == 422
    assert "You have already asked Bob" in again.content.decode()
    from apps.directory.models import MentorProfile

    charlies = MentorProfile.objects.create(user=charlie, headline="Sales")
    MentorshipFactory(planner=alice, mentor=charlie)
    response = _ask(alice_client, charlies)
    assert response.status_code == 422
    assert "Charlie already mentors you" in (response.content.decode())
    assert MentorRequest.objects.filter(planner=alice).count() == 1


def test_a_mentor_at_capacity_receives_no_request(alice_client, alice, bob, bob_profile):
    bob_profile.capacity = 1
    bob_profile.save()
    MentorshipFactory(planner=UserFactory(), mentor=bob)
    response = _ask(alice_client, bob_profile)
    assert response.status_code == 422
    assert "is at capacity" in response.content.decode()
    with pytest.raises(ValidationError, match="at capacity"):
        services.request_send(planner=alice, profile=bob_profile, message="Please")
    assert not MentorRequest.objects.exists()


def test_more_than_a_few_requests_a_day_are_refused(alice_client, alice):
    from apps.directory.models import MentorProfile

    profiles = [
        MentorProfile.objects.create(user=UserFactory(), headline=f"Mentor {n}") for n in range(4)
    ]
    for profile in profiles[:3]:
        assert _ask(alice_client, profile).status_code == 302
    response = _ask(alice_client, profiles[3])
    assert response.status_code == 422
    assert "You have sent 3 requests today" in response.content.decode()


def test_sending_is_rate_limited_per_planner(alice, settings):
    from apps.directory.models import MentorProfile

    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentor_request": "1/d"}
    first, second = (
        MentorProfile.objects.create(user=UserFactory(), headline=f"M{n}") for n in range(2)
    )
    services.request_send(planner=alice, profile=first, message="Hi")
    with pytest.raises(ValidationError, match="many requests"):
        services.request_send(planner=alice, profile=second, message="Hi")


def test_only_the_recipient_opens_or_answers_a_request(alice, bob_profile, alice_client):
    request = services.request_send(planner=alice, profile=bob_profile, message="Hi")
    # The planner follows it on the requests page, not on the mentor's.
    url = reverse("directory:request", args=[request.public_id])
    assert alice_client.get(url).status_code == 404
    assert (
        alice_client.post(
            reverse("directory:answer", args=[request.public_id]), {"answer": "accept"}
        ).status_code
        == 404
    )
    assert not Mentorship.objects.exists()


def test_the_card_says_when_you_already_asked_or_are_mentored(
    alice_client, alice, bob, bob_profile
):
    card = reverse("directory:mentor", args=[bob_profile.public_id])
    _ask(alice_client, bob_profile)
    page = alice_client.get(card).content.decode()
    assert "You asked Bob on" in page
    assert "Send request" not in page
    MentorRequest.objects.all().delete()
    MentorshipFactory(planner=alice, mentor=bob)
    page = alice_client.get(card).content.decode()
    assert "Bob already mentors you" in page
    assert "Send request" not in page


def test_the_planner_withdraws_an_open_request_and_nothing_stays_offered(
    alice, alice_client, bob, bob_profile, bob_client
):
    goal = GoalFactory(owner=alice, title="Lead a team of five")
    _ask(alice_client, bob_profile, goals=[goal.public_id], share_vision="on")
    request = MentorRequest.objects.get(planner=alice, mentor=bob)
    sent = alice_client.get(reverse("directory:requests")).content.decode()
    withdraw = reverse("directory:withdraw", args=[request.public_id])
    assert f'action="{withdraw}"' in sent

    response = alice_client.post(withdraw, follow=True)
    assert "You withdrew your request to Bob." in response.content.decode()
    assert "You withdrew it" in response.content.decode()
    assert f'action="{withdraw}"' not in response.content.decode()
    request.refresh_from_db()
    assert (request.status, request.share_vision) == (RequestStatus.WITHDRAWN, False)
    assert not request.goals.exists()
    # The mentor's list no longer asks them for an answer; the request's page says why.
    waiting = bob_client.get(reverse("directory:requests")).content.decode()
    assert "asks you to mentor them</a>" not in waiting
    page = bob_client.get(reverse("directory:request", args=[request.public_id]))
    assert "withdrew this request" in page.content.decode()
    assert "asked you to mentor them</h1>" in page.content.decode()
    assert "Lead a team of five" not in page.content.decode()
    assert 'name="answer"' not in page.content.decode()
    # Nor can they still accept it.
    answer = reverse("directory:answer", args=[request.public_id])
    assert bob_client.post(answer, {"answer": "accept"}).status_code == 422
    assert not Mentorship.objects.filter(planner=alice, mentor=bob).exists()
    # And the planner may ask again later.
    assert _ask(alice_client, bob_profile).status_code == 302


def test_an_answered_request_cannot_be_withdrawn(alice, alice_client, bob, bob_profile, bob_client):
    request = services.request_send(planner=alice, profile=bob_profile, message="Hi")
    bob_client.post(reverse("directory:answer", args=[request.public_id]), {"answer": "accept"})
    response = alice_client.post(
        reverse("directory:withdraw", args=[request.public_id]), follow=True
    )
    assert "They have already answered this request." in response.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert Mentorship.objects.active().filter(planner=alice, mentor=bob).exists()


def test_only_the_planner_withdraws_their_request(alice, bob, bob_profile, bob_client):
    request = services.request_send(planner=alice, profile=bob_profile, message="Hi")
    url = reverse("directory:withdraw", args=[request.public_id])
    assert bob_client.post(url).status_code == 404
    assert bob_client.get(url).status_code == 405
    request.refresh_from_db()
    assert request.is_open
    with pytest.raises(ValidationError):
        services.request_withdraw(request=request, by=bob)
