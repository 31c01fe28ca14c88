"""The overview, the skills page and the comparison cost the same number of queries with 3
of everything as with 100: skills, prompts, values, insights, results, versions, snapshots."""

import pytest

from apps.assessment import services
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from tests.assessment.conftest import page
from tests.assessment.factories import InterestResultFactory

# The session, the user and the navigation's unread count, then each page's own: the overview
# reads the six parts and the latest snapshot; the skills page its skills and the mentors who
# read them; the comparison the list of snapshots to choose from, the one compared, and the six
# parts of the assessment as it is now.
OVERVIEW_QUERIES = 3 + 7
SKILLS_QUERIES = 3 + 2
COMPARE_QUERIES = 3 + 8


def _fill(user, size: int) -> None:
    owner = {"owner": user}
    CareerValue.objects.bulk_create(
        CareerValue(**owner, name=f"Value {i}", rank=i + 1 if i < 5 else None) for i in range(size)
    )
    Insight.objects.bulk_create(
        Insight(
            **owner, kind="weakness" if i % 2 else "strength", text=f"Insight {i}", source="self"
        )
        for i in range(size)
    )
    Skill.objects.bulk_create(
        Skill(
            **owner, name=f"Skill {i}", kind="hard" if i % 2 else "soft", rating=i % 5 + 1, target=5
        )
        for i in range(size)
    )
    Reflection.objects.bulk_create(
        Reflection(**owner, question=f"Question {i}?", answer="An answer") for i in range(size)
    )
    result = InterestResultFactory.build(owner=user)
    InterestResult.objects.bulk_create(
        InterestResult(**owner, answers=result.answers, scores=result.scores, code=result.code)
        for _ in range(size)
    )
    VisionVersion.objects.bulk_create(
        VisionVersion(**owner, text=f"Version {i}") for i in range(size)
    )
    snapshot = services.snapshot_take(owner=user)
    Snapshot.objects.bulk_create(
        Snapshot(**owner, data=snapshot.data, note=f"Snapshot {i}") for i in range(size - 1)
    )


@pytest.mark.parametrize("size", [3, 100])
def test_the_overview(alice, alice_client, url, django_assert_num_queries, size):
    _fill(alice, size)
    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = alice_client.get(url("overview"))
    assert response.status_code == 200
    text = page(response)
    assert "Version " in text
    assert f"{size // 2 + size % 2} strengths" in text
    assert "Biggest skill gaps" in text


@pytest.mark.parametrize("size", [3, 100])
def test_the_skills_page(alice, alice_client, url, django_assert_num_queries, size):
    _fill(alice, size)
    with django_assert_num_queries(SKILLS_QUERIES):
        response = alice_client.get(url("skills"))
    assert response.status_code == 200
    text = page(response)
    assert f"{size} skills" in text
    assert text.count('class="skill-row"') == size


@pytest.mark.parametrize("size", [3, 100])
def test_the_comparison(alice, alice_client, url, django_assert_num_queries, size):
    _fill(alice, size)
    oldest = Snapshot.objects.filter(owner=alice).last()
    with django_assert_num_queries(COMPARE_QUERIES):
        response = alice_client.get(url("compare"), {"then": str(oldest.public_id), "now": "now"})
    assert response.status_code == 200
    text = page(response)
    assert text.count("<option ") == 2 * size + 1  # each snapshot on both sides, and now
    assert "Nothing changed between these two." in text
    assert 'id="skills-radar-data"' in text
