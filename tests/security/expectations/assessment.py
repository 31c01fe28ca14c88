"""Who may use the self-assessment's URLs. Every row belongs to one planner: anyone else,
staff included, gets a 404 for it. A bare POST changes nothing: each form sends a field that
says what it is (or a confirmation), and without it the answer is the form with its message."""

from apps.assessment import riasec
from apps.assessment.models import (
    CareerValue,
    Insight,
    InterestResult,
    Reflection,
    Skill,
    Snapshot,
    VisionVersion,
)
from tests.assessment.factories import (
    InsightFactory,
    PromptFactory,
    SkillFactory,
    SnapshotFactory,
    ValueFactory,
    VisionFactory,
)
from tests.security import access
from tests.security.access import Expect, Valid

MENTOR_ROLES = ("mentor", "mentor_uncovered", "ended_mentor")


def owned(status: int, **kwargs) -> dict[str, int]:
    """The planner's own row. Even bob, whose running mentorship shares the vision and every
    part, gets a 404: these are the planner's working pages, and a mentor reads what is
    shared on the mentee's plan (tests/mentorship/test_shared_assessment.py). So do erin (a
    share that covers none of it) and dora (a mentorship that has ended)."""
    statuses = access.owned(status, **kwargs)
    return {**statuses, **dict.fromkeys(MENTOR_ROLES, statuses["other"])}


def signed_in(status: int) -> dict[str, int]:
    """A page about the signed-in person's own assessment: a mentor gets their own, never the
    planner's, whatever the planner shares."""
    statuses = access.signed_in(status)
    return {**statuses, **dict.fromkeys(MENTOR_ROLES, status)}


NO_GET = signed_in(405)
PAGE = Expect(get=signed_in(200), post=signed_in(405))


def _value(cast: dict) -> dict:
    return {"public_id": ValueFactory(owner=cast["owner"]).public_id}


def _insight(cast: dict) -> dict:
    return {"public_id": InsightFactory(owner=cast["owner"]).public_id}


def _prompt(cast: dict) -> dict:
    return {"public_id": PromptFactory(owner=cast["owner"]).public_id}


def _prompt_key(cast: dict) -> dict:
    return {"key": str(PromptFactory(owner=cast["owner"]).public_id)}


def _skill(cast: dict) -> dict:
    return {"public_id": SkillFactory(owner=cast["owner"]).public_id}


def _snapshot(cast: dict) -> dict:
    return {"public_id": SnapshotFactory(owner=cast["owner"]).public_id}


def _older_vision(cast: dict) -> dict:
    older = VisionFactory(owner=cast["owner"], text="The first version.")
    VisionFactory(owner=cast["owner"], text="The second version.")
    return {"public_id": older.public_id}


def _mine(model, cast: dict, **lookup) -> bool:
    return model.objects.filter(owner=cast["owner"], **lookup).exists()


def _ranked_one(cast: dict, kw: dict) -> dict:
    # Asked more than once per test (the hostile-input test sends it again and again).
    value = CareerValue.objects.filter(owner=cast["owner"], name="Ranked by the harness").first()
    value = value or ValueFactory(owner=cast["owner"], name="Ranked by the harness")
    return {"ranking": "1", "ranked": [str(value.public_id)]}


CONFIRM = {"confirm": "on"}

EXPECTATIONS = {
    "assessment:overview": PAGE,
    "assessment:start": PAGE,
    "assessment:first-goal": PAGE,
    "assessment:values": PAGE,
    "assessment:values-pick": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"picking": "1", "keys": ["autonomy", "learning"]},
            check=lambda cast, kw: _mine(CareerValue, cast, key__in=["autonomy", "learning"]),
        ),
    ),
    "assessment:value-add": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"name": "Craftsmanship"},
            check=lambda cast, kw: _mine(CareerValue, cast, name="Craftsmanship"),
        ),
    ),
    "assessment:values-rank": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=_ranked_one,
            check=lambda cast, kw: _mine(CareerValue, cast, name="Ranked by the harness", rank=1),
        ),
    ),
    "assessment:value-move": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_value,
        valid=Valid(
            data=lambda cast, kw: {"move": "in"},
            check=lambda cast, kw: CareerValue.objects.get(**kw).rank == 1,
        ),
    ),
    "assessment:value-remove": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_value,
        valid=Valid(
            data=lambda cast, kw: CONFIRM,
            check=lambda cast, kw: not CareerValue.objects.filter(**kw).exists(),
        ),
    ),
    "assessment:insights": PAGE,
    "assessment:insight-create": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"kind": "strength", "text": "I listen well", "source": "self"},
            check=lambda cast, kw: _mine(Insight, cast, text="I listen well"),
        ),
    ),
    "assessment:insight-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_insight,
        valid=Valid(
            data=lambda cast, kw: {"kind": "strength", "text": "Reworded", "source": "review"},
            check=lambda cast, kw: Insight.objects.get(**kw).text == "Reworded",
        ),
    ),
    "assessment:insight-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_insight,
        valid=Valid(
            data=lambda cast, kw: CONFIRM,
            check=lambda cast, kw: not Insight.objects.filter(**kw).exists(),
        ),
    ),
    "assessment:interests": PAGE,
    "assessment:prompt-create": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"question": "What would I do for free?"},
            check=lambda cast, kw: _mine(Reflection, cast, question="What would I do for free?"),
        ),
    ),
    # Addressed by a prompt of the owner's own; a built-in prompt's key is everyone's own row.
    "assessment:prompt-answer": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_prompt_key,
        valid=Valid(
            data=lambda cast, kw: {"answering": "1", "answer": "Building things."},
            check=lambda cast, kw: _mine(Reflection, cast, answer="Building things."),
        ),
    ),
    "assessment:prompt-hide": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_prompt_key,
        valid=Valid(
            data=lambda cast, kw: {"hidden": "on"},
            check=lambda cast, kw: Reflection.objects.get(public_id=kw["key"]).hidden,
        ),
    ),
    "assessment:prompt-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_prompt,
        valid=Valid(
            data=lambda cast, kw: CONFIRM,
            check=lambda cast, kw: not Reflection.objects.filter(**kw).exists(),
        ),
    ),
    "assessment:profile": PAGE,
    "assessment:profile-take": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {key: "4" for key, _ in riasec.ITEMS},
            check=lambda cast, kw: _mine(InterestResult, cast),
        ),
    ),
    "assessment:skills": PAGE,
    "assessment:skill-create": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"name": "Rust", "kind": "hard", "rating": "2", "target": "4"},
            check=lambda cast, kw: _mine(Skill, cast, name="Rust", rating=2, target=4),
        ),
    ),
    "assessment:skill-starter": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"name": "SQL"},
            check=lambda cast, kw: _mine(Skill, cast, name="SQL", rating=None),
        ),
    ),
    "assessment:skill-level": Expect(
        get=NO_GET,
        post=owned(422),
        kwargs=_skill,
        valid=Valid(
            data=lambda cast, kw: {"rating_sent": "1", "rating": "3", "target": "5"},
            check=lambda cast, kw: Skill.objects.get(**kw).target == 5,
        ),
    ),
    "assessment:skill-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_skill,
        valid=Valid(
            data=lambda cast, kw: {"name": "Renamed", "kind": "soft", "rating": "1"},
            check=lambda cast, kw: Skill.objects.get(**kw).name == "Renamed",
        ),
    ),
    "assessment:skill-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_skill,
        valid=Valid(
            data=lambda cast, kw: CONFIRM,
            check=lambda cast, kw: not Skill.objects.filter(**kw).exists(),
        ),
    ),
    "assessment:gaps": PAGE,
    "assessment:vision": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"text": "I teach what I love."},
            check=lambda cast, kw: _mine(VisionVersion, cast, text="I teach what I love."),
        ),
    ),
    # Restoring needs nothing but the version in the address, and repeating it changes nothing.
    "assessment:vision-restore": Expect(
        get=NO_GET,
        post=owned(302),
        htmx_post=owned(200),
        kwargs=_older_vision,
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: (
                VisionVersion.objects.filter(owner=cast["owner"]).first().text
                == "The first version."
            ),
        ),
    ),
    "assessment:snapshots": PAGE,
    "assessment:snapshot-take": Expect(
        get=NO_GET,
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"taking": "1", "note": "After the course"},
            check=lambda cast, kw: _mine(Snapshot, cast, note="After the course"),
        ),
    ),
    "assessment:snapshot-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_snapshot,
        valid=Valid(
            data=lambda cast, kw: CONFIRM,
            check=lambda cast, kw: not Snapshot.objects.filter(**kw).exists(),
        ),
    ),
    "assessment:compare": PAGE,
}
