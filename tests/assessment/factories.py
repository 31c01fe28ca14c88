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
