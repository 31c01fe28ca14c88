"""Factories for the self-assessment's rows, for bulk data and the access harness."""

import factory

from apps.assessment import riasec
from tests.factories import UserFactory


class InsightFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Insight"

    owner = factory.SubFactory(UserFactory)
    kind = "strength"
    text = factory.Sequence(lambda n: f"Insight {n}")
    source = "self"


class WeaknessFactory(InsightFactory):
    kind = "weakness"
    improvement = "Practise once a week"


class ValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.CareerValue"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Value {n}")


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Skill"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")
    kind = "hard"
    rating = 2
    target = 4


class PromptFactory(factory.django.DjangoModelFactory):
    """A prompt the planner wrote themselves."""

    class Meta:
        model = "assessment.Reflection"

    owner = factory.SubFactory(UserFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")


def _answers(level: int) -> dict[str, int]:
    return {key: level for key, _ in riasec.ITEMS}


class InterestResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.InterestResult"

    owner = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(lambda: _answers(3))
    scores = factory.LazyAttribute(lambda o: riasec.scores(o.answers))
    code = factory.LazyAttribute(lambda o: riasec.code(o.scores))


class VisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.VisionVersion"

    owner = factory.SubFactory(UserFactory)
    text = "I lead a small team that builds things people love."


def empty_data() -> dict:
    return {
        "version": 1,
        "values": [],
        "insights": [],
        "skills": [],
        "reflections": [],
        "interests": None,
        "vision": "",
    }


class SnapshotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessment.Snapshot"

    owner = factory.SubFactory(UserFactory)
    data = factory.LazyFunction(empty_data)


def fill_assessment(user) -> None:
    """Every part done: three ranked values, a strength and a weakness, three answers, a
    profile, three skills with a level and a target, a vision."""
    from apps.assessment import services

    for place in (1, 2, 3):
        ValueFactory(owner=user, rank=place)
    InsightFactory(owner=user)
    WeaknessFactory(owner=user, text="Rushing", improvement="Plan the week on Mondays")
    for key in ("energises", "ideal_day", "proudest"):
        services.reflection_answer(
            reflection=services.reflection_create(owner=user, question=f"{key}?"), answer="Yes"
        )
    InterestResultFactory(owner=user)
    for _ in range(3):
        SkillFactory(owner=user, rating=2, target=4)
    VisionFactory(owner=user)
