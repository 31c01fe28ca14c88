"""A mentor reads exactly the parts of the self-assessment the planner shares with them, on the
mentee's shared plan, read-only; the assessment's own pages stay the planner's."""

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.assessment.models import CareerValue, Insight, Skill, VisionVersion
from tests.assessment.factories import (
    InsightFactory,
    InterestResultFactory,
    SkillFactory,
    ValueFactory,
    VisionFactory,
    WeaknessFactory,
)
from tests.factories import MentorshipFactory


@pytest.fixture
def assessment(alice):
    VisionFactory(owner=alice, text="I lead a calm, curious team.")
    ValueFactory(owner=alice, name="Autonomy", rank=1)
    InsightFactory(owner=alice, text="Patient explainer")
    WeaknessFactory(owner=alice, text="Says yes too often")
    InterestResultFactory(owner=alice)
    SkillFactory(owner=alice, name="Negotiation", rating=2, target=4)


def _mentee_page(client, mentorship) -> str:
    response = client.get(reverse("mentorship:mentee", args=[mentorship.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_mentor_sees_the_vision_and_the_parts_shared_only(bob_client, alice, bob, assessment):
    mentorship = MentorshipFactory(
        planner=alice, mentor=bob, share_vision=True, assessment_parts=["values", "skills"]
    )
    page = _mentee_page(bob_client, mentorship)
    assert "Alice's self-assessment" in page
    assert "I lead a calm, curious team." in page
    assert "Autonomy" in page
    assert "Negotiation" in page
    assert "Patient explainer" not in page
    assert "Says yes too often" not in page
    assert "Work interests" not in page


def test_the_planners_access_log_says_the_mentor_read_the_vision_and_the_assessment(
    bob_client, alice_client, alice, bob, assessment
):
    mentorship = MentorshipFactory(
        planner=alice, mentor=bob, share_vision=True, assessment_parts=["values", "skills"]
    )
    _mentee_page(bob_client, mentorship)
    log = alice_client.get(reverse("mentorship:access-log", args=[mentorship.public_id]))
    text = log.content.decode()
    assert "your vision" in text
    assert "your self-assessment: values, skills" in text


def test_nothing_of_the_assessment_shows_without_a_share(bob_client, alice, bob, assessment):
    mentorship = MentorshipFactory(planner=alice, mentor=bob, share_vision=False)
    page = _mentee_page(bob_client, mentorship)
    assert "self-assessment" not in page
    assert "I lead a calm, curious team." not in page


def test_the_planners_preview_shows_what_the_mentor_sees(alice_client, alice, bob, assessment):
    mentorship = MentorshipFactory(
        planner=alice, mentor=bob, share_vision=False, assessment_parts=["strengths"]
    )
    page = alice_client.get(reverse("mentorship:preview", args=[mentorship.public_id]))
    text = page.content.decode()
    assert "Your self-assessment, as shared" in text
    assert "Patient explainer" in text
    assert "I lead a calm, curious team." not in text


def test_the_share_ends_with_the_mentorship(alice, bob, dora, assessment):
    MentorshipFactory(
        planner=alice,
        mentor=dora,
        share_vision=True,
        assessment_parts=["values", "strengths", "interests", "skills"],
        ended_at=timezone.now(),
    )
    MentorshipFactory(planner=alice, mentor=bob, assessment_parts=["skills"])
    for model in (VisionVersion, CareerValue, Insight, Skill):
        assert not model.objects.visible_to(dora).exists()
    assert Skill.objects.visible_to(bob).count() == 1
    assert not CareerValue.objects.visible_to(bob).exists()


def test_a_shared_part_is_still_not_editable_by_the_mentor(bob_client, alice, bob, assessment):
    MentorshipFactory(planner=alice, mentor=bob, assessment_parts=["skills"])
    skill = Skill.objects.get(owner=alice)
    edit = reverse("assessment:skill-edit", args=[skill.public_id])
    assert bob_client.get(edit).status_code == 404
    assert bob_client.get(reverse("assessment:skills")).content.decode().count("Negotiation") == 0


# session, user, the mentorship, shared goals, their unread comments, recent check-ins, the six
# parts of the self-assessment the mentor may read, the access log rows for the vision and the
# assessment, the navigation's unread count, the mentor's running mentorships
SHARED_PLAN_QUERIES = 16


@pytest.mark.parametrize("size", [3, 100])
def test_the_shared_plan_query_count_is_pinned(
    bob_client, alice, bob, size, django_assert_num_queries
):
    VisionFactory(owner=alice)
    Skill.objects.bulk_create(
        Skill(owner=alice, name=f"Skill {n}", kind="hard") for n in range(size)
    )
    Insight.objects.bulk_create(
        Insight(owner=alice, kind="strength", text=f"Strength {n}", source="self")
        for n in range(size)
    )
    mentorship = MentorshipFactory(
        planner=alice,
        mentor=bob,
        share_vision=True,
        assessment_parts=["values", "strengths", "interests", "skills"],
    )
    with django_assert_num_queries(SHARED_PLAN_QUERIES):
        page = _mentee_page(bob_client, mentorship)
    assert page.count('<th scope="row">Skill ') == size


def test_the_planners_own_pages_say_which_parts_a_mentor_reads(alice_client, alice, bob):
    MentorshipFactory(planner=alice, mentor=bob, share_vision=True, assessment_parts=["values"])
    for name in ("values", "vision"):
        text = alice_client.get(reverse(f"assessment:{name}")).content.decode()
        assert '<p class="shared-mark">Shared with Bob' in text
    for name in ("skills", "insights", "interests"):
        text = alice_client.get(reverse(f"assessment:{name}")).content.decode()
        assert "Shared with Bob" not in text
