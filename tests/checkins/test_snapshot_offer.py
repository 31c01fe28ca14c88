"""A check-in's summary offers a snapshot of the self-assessment when it changed since the
last one, and only then."""

from django.urls import reverse

from apps.assessment import services as assessment
from apps.assessment.models import Snapshot
from apps.checkins.services.checkins import checkin_complete, checkin_start
from tests.assessment.factories import SkillFactory, ValueFactory

OFFER = "Keep your self-assessment as it is now?"


def _summary(client, user) -> str:
    done = checkin_complete(checkin=checkin_start(user=user))
    response = client.get(reverse("checkins:detail", kwargs={"public_id": done.public_id}))
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_assessment_is_not_offered(alice_client, alice):
    assert OFFER not in _summary(alice_client, alice)


def test_a_first_snapshot_is_offered_once_something_is_written(alice_client, alice):
    ValueFactory(owner=alice, name="Autonomy", rank=1)
    page = _summary(alice_client, alice)
    assert OFFER in page
    assert "You have not taken a snapshot yet" in page
    assert f'action="{reverse("assessment:snapshot-take")}"' in page


def test_the_offer_names_what_changed_and_takes_the_snapshot(alice_client, alice):
    ValueFactory(owner=alice, name="Autonomy", rank=1)
    assessment.snapshot_take(owner=alice)
    assert OFFER not in _summary(alice_client, alice)  # nothing moved since
    SkillFactory(owner=alice, name="Negotiation", rating=2, target=4)
    page = _summary(alice_client, alice)
    assert OFFER in page
    assert "1 new skill" in page
    response = alice_client.post(
        reverse("assessment:snapshot-take"), {"taking": "1", "note": "After the check-in"}
    )
    assert response.status_code == 302
    assert Snapshot.objects.filter(owner=alice).count() == 2
    assert OFFER not in _summary(alice_client, alice)
