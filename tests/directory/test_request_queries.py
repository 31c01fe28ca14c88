"""The mentor's requests page and one request take the same queries however many requests and
offered goals there are."""

import pytest
from django.urls import reverse

from apps.directory.models import MentorRequest, RequestStatus
from tests.factories import GoalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _requests(mentor, count: int) -> list[MentorRequest]:
    made = []
    for number in range(count):
        planner = UserFactory(display_name=f"Planner {number}")
        status = RequestStatus.OPEN if number % 2 == 0 else RequestStatus.DECLINED
        made.append(
            MentorRequest.objects.create(
                planner=planner, mentor=mentor, message=f"Please, {number}", status=status
            )
        )
        # What the mentor asked of others shows on the same page.
        MentorRequest.objects.create(planner=mentor, mentor=planner, message="And you?")
    return made


# session, user, the open requests received, the answered ones, the ones sent (each with the
# other person), the navigation's unread notifications
REQUESTS_QUERIES = 6


@pytest.mark.parametrize("count", [1, 20])
def test_the_requests_page_does_not_grow_with_the_requests(
    bob, bob_client, count, django_assert_num_queries
):
    made = _requests(bob, count)
    with django_assert_num_queries(REQUESTS_QUERIES):
        page = bob_client.get(reverse("directory:requests")).content.decode()
    assert page.count("Planner ") >= count
    assert made[-1].planner.display_name in page


# session, user, the request with its planner, the goals it offers, the navigation's unread
# notifications
REQUEST_QUERIES = 5


@pytest.mark.parametrize("goals", [1, 12])
def test_one_request_does_not_grow_with_the_goals_it_offers(
    alice, bob, bob_client, goals, django_assert_num_queries
):
    found = MentorRequest.objects.create(planner=alice, mentor=bob, message="Would you?")
    found.goals.set([GoalFactory(owner=alice, title=f"Goal {n}") for n in range(goals)])
    with django_assert_num_queries(REQUEST_QUERIES):
        page = bob_client.get(reverse("directory:request", args=[found.public_id])).content
    assert page.decode().count("Goal ") >= goals
