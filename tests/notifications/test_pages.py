"""The notification list, the unread count in the navigation, opening one, mark all read and
the email choice — through the test client."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.notifications.models import EmailChoice, Notification, NotificationPreference
from apps.notifications.services import notify
from tests.notifications.kinds import KIND

LIST = reverse("notifications:list")


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


def _notes(alice, bob, count, *, start=None):
    from tests.factories import GoalFactory

    made = []
    start = start or timezone.now()
    for number in range(count):
        goal = GoalFactory(owner=alice, title=f"Goal number {number}")
        notification = notify(recipient=bob, kind=KIND, target=goal, actor=alice)
        Notification.objects.filter(pk=notification.pk).update(
            created_at=start + timedelta(minutes=number)
        )
        made.append(notification)
    return made


def _nav_count(html: str) -> str | None:
    marker = '<span class="nav-count">'
    if marker not in html:
        return None
    return html.split(marker, 1)[1].split("<", 1)[0]


def test_the_list_shows_newest_first_and_the_navigation_counts_unread(
    bob_client, alice, bob, mentored
):
    _notes(alice, bob, 3)
    html = bob_client.get(LIST).content.decode()
    assert html.index("Goal number 2") < html.index("Goal number 1") < html.index("Goal number 0")
    assert "Alice wrote about “Goal number 2”" in html
    assert _nav_count(html) == "3"
    assert "Mark all read" in html


def test_the_list_is_paginated(bob_client, alice, bob, mentored):
    _notes(alice, bob, 30)
    first = bob_client.get(LIST).content.decode()
    assert "Goal number 29" in first
    assert "Goal number 4" not in first
    assert "Page 1 of 2" in first
    second = bob_client.get(LIST, {"page": 2}).content.decode()
    assert "Goal number 4" in second
    assert "Goal number 29" not in second


def test_an_empty_list_says_why_and_what_to_do(bob_client):
    html = bob_client.get(LIST).content.decode()
    assert "Nothing new." in html
    assert reverse("mentorship:home") in html
    assert _nav_count(html) is None


def test_opening_one_marks_it_read_and_goes_to_its_target(bob_client, alice, bob, mentored):
    [note] = _notes(alice, bob, 1)
    goal = note.target
    response = bob_client.post(reverse("notifications:open", args=[note.public_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:goal", args=[goal.public_id])
    note.refresh_from_db()
    assert note.read_at is not None
    assert bob_client.get(response["Location"]).status_code == 200
    assert _nav_count(bob_client.get(LIST).content.decode()) is None


def test_following_the_link_without_posting_reads_nothing(bob_client, alice, bob, mentored):
    [note] = _notes(alice, bob, 1)
    response = bob_client.get(reverse("notifications:open", args=[note.public_id]))
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is None


def test_someone_elses_notification_is_a_404(client, charlie, alice, bob, mentored):
    [note] = _notes(alice, bob, 1)
    client.force_login(charlie)
    assert client.post(reverse("notifications:open", args=[note.public_id])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_after_the_mentorship_ends_the_mentor_sees_nothing_of_it(bob_client, alice, bob, mentored):
    [note] = _notes(alice, bob, 1)
    type(mentored).objects.filter(pk=mentored.pk).update(ended_at=timezone.now())
    html = bob_client.get(LIST).content.decode()
    assert "Goal number 0" not in html
    assert "Nothing new." in html
    assert _nav_count(html) is None  # and the count follows the list
    assert bob_client.post(reverse("notifications:open", args=[note.public_id])).status_code == 404
    assert bob_client.get(reverse("plan:goal", args=[note.target.public_id])).status_code == 404


def test_mark_all_read_as_a_plain_form_and_with_htmx(bob_client, alice, bob, mentored):
    _notes(alice, bob, 2)
    response = bob_client.post(reverse("notifications:read-all"), follow=True)
    assert "every notification is marked read" in response.content.decode()
    assert not Notification.objects.filter(recipient=bob, read_at=None).exists()

    _notes(alice, bob, 1)
    response = bob_client.post(reverse("notifications:read-all"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    partial = response.content.decode()
    assert partial.lstrip().startswith('<section id="notifications"')
    assert "Mark all read" not in partial
    # The navigation's count goes too, out of band.
    assert '<span hx-swap-oob="innerHTML:.nav-unread">' in partial
    assert "nav-count" not in partial
    assert not Notification.objects.filter(recipient=bob, read_at=None).exists()


def test_the_email_choice_defaults_to_each_email_and_can_be_changed(bob_client, bob):
    response = bob_client.get(LIST)
    assert response.context["form"]["email"].value() == EmailChoice.EACH
    assert 'value="each"' in response.content.decode()
    response = bob_client.post(reverse("notifications:email"), {"email": "digest"}, follow=True)
    assert "one email a day, at 8:00 your time" in response.content.decode()
    assert NotificationPreference.objects.get(owner=bob).email == EmailChoice.DIGEST


def test_a_made_up_email_choice_is_refused_at_the_field(bob_client, bob):
    response = bob_client.post(reverse("notifications:email"), {"email": "hourly"})
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    assert not NotificationPreference.objects.filter(owner=bob).exists()


@pytest.mark.parametrize("count", [1, 40])
def test_the_list_takes_the_same_queries_whatever_the_number(
    bob_client, alice, bob, mentored, count, django_assert_num_queries
):
    _notes(alice, bob, count)
    bob_client.get(LIST)  # warm the content type cache, like a running server
    # Session, user, paginator count, the page, the goals (one query for every target of that
    # model, access condition included), the email choice, the navigation's count, the
    # reader's running mentorships.
    with django_assert_num_queries(8):
        assert bob_client.get(LIST).status_code == 200


@pytest.mark.parametrize("count", [0, 150])
def test_the_navigation_count_is_one_query_that_does_not_grow(
    bob_client, alice, bob, mentored, count, django_assert_max_num_queries
):
    _notes(alice, bob, count)
    dashboard = reverse("dashboard:index")
    bob_client.get(dashboard)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = bob_client.get(dashboard).content.decode()
    counting = [q["sql"] for q in queries if "notifications_notification" in q["sql"]]
    assert len(counting) == 1
    assert "LIMIT 100" in counting[0]
    assert _nav_count(html) == (None if count == 0 else "99+")


def test_the_unread_count_is_the_orm_count_it_replaces(alice, bob, mentored):
    """The plain-SQL count against `owned_by(user).unread()` capped at UNREAD_CAP: read ones,
    someone else's, and more than the cap."""
    from apps.notifications.access import UNREAD_CAP, unread_count

    def orm(user):
        return Notification.objects.owned_by(user).unread().order_by()[:UNREAD_CAP].count()

    assert unread_count(bob) == orm(bob) == 0
    made = _notes(alice, bob, 5)
    Notification.objects.filter(pk__in=[n.pk for n in made[:2]]).update(read_at=timezone.now())
    notify(recipient=alice, kind=KIND, target=made[0].target, actor=bob)
    assert unread_count(bob) == orm(bob) == 3
    assert unread_count(alice) == orm(alice) == 1
    _notes(alice, bob, UNREAD_CAP)
    assert unread_count(bob) == orm(bob) == UNREAD_CAP
