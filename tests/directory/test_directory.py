"""The directory page and one's own mentor profile: who is listed, what is shown, filters,
pages, and a query count that does not grow with the number of mentors."""

import pytest
from django.urls import reverse

from apps.directory.models import MentorProfile
from tests.factories import MentorshipFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("directory:index")
# session, user, the viewer's own profile, the page count, the page of mentors with their
# mentee counts, the areas for the filter, the viewer's open requests and running mentors, the
# navigation's unread notifications
DIRECTORY_QUERIES = 9


def _mentors(count: int, **fields) -> list[MentorProfile]:
    return [
        MentorProfile.objects.create(
            user=UserFactory(display_name=f"Mentor {n}"),
            headline=fields.get("headline", f"Mentor number {n}"),
            areas=fields.get("areas", ["leadership", f"area {n % 7}"]),
            capacity=1,
        )
        for n in range(count)
    ]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_saving_a_profile_normalises_areas_and_lists_it(alice_client, alice, charlie, client):
    response = alice_client.post(
        reverse("directory:profile"),
        {
            "headline": "  Product   designer  ",
            "areas": "UX Research, ux  research,  Hiring ,",
            "capacity": "3",
            "listed": "on",
        },
    )
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=alice)
    assert (profile.headline, profile.areas) == ("Product designer", ["ux research", "hiring"])
    client.force_login(charlie)
    page = client.get(INDEX).content.decode()
    assert "Product designer" in page
    assert "ux research" in page
    assert alice.email not in page


def test_a_hidden_profile_is_not_listed_and_its_card_is_a_404(alice, charlie, client):
    hidden = MentorProfile.objects.create(user=alice, headline="Quiet for now", listed=False)
    client.force_login(charlie)
    assert "Quiet for now" not in client.get(INDEX).content.decode()
    assert client.get(reverse("directory:mentor", args=[hidden.public_id])).status_code == 404


def test_the_viewer_is_never_offered_to_themselves(alice_client, alice, bob_profile):
    mine = MentorProfile.objects.create(user=alice, headline="Alice the mentor")
    page = alice_client.get(INDEX).content.decode()
    assert "Alice the mentor" not in page
    assert bob_profile.headline in page
    card = alice_client.get(reverse("directory:mentor", args=[mine.public_id])).content.decode()
    assert "This is how planners see you" in card
    assert "Send request" not in card


def test_filter_by_area_and_search_by_headline(alice_client):
    MentorProfile.objects.create(
        user=UserFactory(display_name="Pia"), headline="Data science lead", areas=["python"]
    )
    MentorProfile.objects.create(
        user=UserFactory(display_name="Quinn"), headline="Sales director", areas=["sales"]
    )
    by_area = alice_client.get(INDEX, {"area": " Python "}).content.decode()
    assert "Data science lead" in by_area
    assert "Sales director" not in by_area
    by_words = alice_client.get(INDEX, {"q": "director"}).content.decode()
    assert "Sales director" in by_words
    assert "Data science lead" not in by_words
    nothing = alice_client.get(INDEX, {"q": "astronaut"}).content.decode()
    assert "No mentor matches" in nothing


def test_the_htmx_filter_answers_with_the_results_only(alice_client, bob_profile):
    response = alice_client.get(INDEX, {"q": "engineering"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert bob_profile.headline in body
    assert "<html" not in body


def test_mentors_come_twenty_to_a_page(alice_client):
    _mentors(25)
    first = alice_client.get(INDEX).content.decode()
    assert "25 mentors" in first
    assert "Page 1 of 2" in first
    second = alice_client.get(INDEX, {"page": "2"}).content.decode()
    assert second.count('class="mentor-card"') == 5
    assert alice_client.get(INDEX, {"page": "nonsense"}).status_code == 200


def test_a_mentor_at_capacity_is_shown_as_such(alice_client, charlie, bob, bob_profile):
    bob_profile.capacity = 1
    bob_profile.save()
    MentorshipFactory(planner=charlie, mentor=bob)
    page = alice_client.get(INDEX).content.decode()
    assert "At capacity" in page
    assert "not taking new requests" in page
    card = alice_client.get(reverse("directory:mentor", args=[bob_profile.public_id]))
    assert "is at capacity" in card.content.decode()
    assert "Send request" not in card.content.decode()


@pytest.mark.parametrize("count", [10, 500])
def test_the_directory_query_count_does_not_grow_with_mentors(
    alice_client, django_assert_num_queries, count
):
    mentors = _mentors(count)
    for profile in mentors[:3]:
        MentorshipFactory(mentor=profile.user)
    with django_assert_num_queries(DIRECTORY_QUERIES):
        response = alice_client.get(INDEX)
    assert response.status_code == 200
    assert response.content.decode().count('class="mentor-card"') == min(count, 20)
