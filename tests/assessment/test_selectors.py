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


def test_the_counted_tally_matches_the_loaded_assessment(alice, charlie, django_assert_num_queries):
    from apps.assessment import progress, state
    from apps.assessment.models import Reflection
    from tests.assessment.factories import (
        InsightFactory,
        InterestResultFactory,
        PromptFactory,
        WeaknessFactory,
    )

    def same() -> None:
        with django_assert_num_queries(1):
            counted = state.tally(alice)
        assert counted == state.load(alice).tally
        assert progress.completeness(counted) == progress.completeness(state.load(alice))

    same()  # nothing written yet
    ValueFactory(owner=alice, rank=1)
    ValueFactory(owner=alice)
    InsightFactory(owner=alice)
    WeaknessFactory(owner=alice)
    WeaknessFactory(owner=alice)
    PromptFactory(owner=alice, answer="Mine")
    PromptFactory(owner=alice, answer="Hidden", hidden=True)
    PromptFactory(owner=alice)  # own, not answered
    Reflection.objects.create(owner=alice, key="energises", answer="Hidden too", hidden=True)
    Reflection.objects.create(owner=alice, key="ideal_day", answer="Answered")
    InterestResultFactory(owner=alice, code="AIS")
    InterestResultFactory(owner=alice, code="RIA")
    SkillFactory(owner=alice, rating=2, target=4)
    SkillFactory(owner=alice, rating=None, target=None)
    SkillFactory(owner=alice, rating=3, target=None)
    VisionFactory(owner=alice, text="Old")
    VisionFactory(owner=alice, text="New")
    for factory in (ValueFactory, InsightFactory, SkillFactory, VisionFactory):
        factory(owner=charlie)
    InterestResultFactory(owner=charlie, code="CES")
    PromptFactory(owner=charlie, answer="Not alice's")
    same()
    counted = state.tally(alice)
    assert (counted.profile_code, counted.vision.text) == ("RIA", "New")
    assert counted.vision.pk == state.load(alice).vision.pk
