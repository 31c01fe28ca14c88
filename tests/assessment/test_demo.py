"""The demo planner's assessment: complete, with two snapshots months apart that differ."""

import io

from django.core.management import call_command

from apps.accounts.models import User
from apps.assessment.models import InterestResult, Snapshot
from apps.demo.assessment import seed_demo_assessment
from apps.goals.models import Goal
from tests.assessment.conftest import page


def test_the_demo_assessment_is_complete_with_two_snapshots_that_differ(alice, alice_client, url):
    seed_demo_assessment(owner=alice)
    early, later = Snapshot.objects.filter(owner=alice).order_by("taken_at")
    assert (later.taken_at - early.taken_at).days >= 90
    assert early.data != later.data
    assert InterestResult.objects.filter(owner=alice).count() == 2

    assert "6 of 6 parts done." in page(alice_client.get(url("overview")))
    response = alice_client.get(url("compare"))
    assert response.status_code == 200
    text = page(response)
    assert "New in your top five: Impact, Autonomy" in text
    assert "Left your top five: Income" in text
    assert "1 strength and 1 weakness added" in text
    assert "Your interests code moved from ISA to SIA" in text
    assert "You wrote a vision" in text


def test_seeding_the_demo_fills_the_planners_assessment(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    planner = User.objects.get(email="planner@example.com")
    assert Snapshot.objects.filter(owner=planner).count() == 2
    assert "self-assessment" in out.getvalue()
    lead = Goal.objects.get(owner=planner, title="Become an engineering manager")
    assert sorted(lead.values.values_list("name", flat=True)) == ["Autonomy", "Impact"]
