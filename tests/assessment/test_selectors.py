"""What other apps will read: the vision, completeness, the values, and whether the
assessment changed since its last snapshot (the offer at the end of a check-in)."""

from apps.assessment import selectors, services
from tests.assessment.factories import SkillFactory, ValueFactory, VisionFactory


def test_the_vision_completeness_and_values_of_a_planner(alice, charlie):
    VisionFactory(owner=charlie, text="Not Alice's")
    assert selectors.vision_of(alice) is None
    VisionFactory(owner=alice, text="First")
    VisionFactory(owner=alice, text="Now")
    assert selectors.vision_of(alice).text == "Now"
    assert selectors.completeness_of(alice).words == "1 of 6 parts done"
    ValueFactory(owner=alice, name="Later")
    ValueFactory(owner=alice, name="Top", rank=1)
    ValueFactory(owner=charlie, name="Theirs", rank=1)
    assert [v.name for v in selectors.values_of(alice)] == ["Top", "Later"]


def test_a_snapshot_is_worth_offering_once_something_moved(alice):
    assert not selectors.since_last_snapshot(alice).worth_a_snapshot
    skill = SkillFactory(owner=alice, rating=2, target=4)
    assert selectors.since_last_snapshot(alice).worth_a_snapshot
    services.snapshot_take(owner=alice)
    since = selectors.since_last_snapshot(alice)
    assert since.latest is not None
    assert not since.worth_a_snapshot
    services.skill_rate(skill=skill, rating=3, target=4)
    since = selectors.since_last_snapshot(alice)
    assert since.worth_a_snapshot
    assert since.changes == ["Skill levels: 1 went up"]
