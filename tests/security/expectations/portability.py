"""Who may use "Your data": every signed-in person has their own page, downloads, CSV files,
printable plan and import; another person's download link is a 404. An empty POST to prepare a
download prepares one (there is nothing to fill in); an empty import is a 422 (no file)."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.goals.models import Goal
from apps.portability.models import DataExport
from apps.portability.services import export_request
from tests.security.access import Expect, Valid, owned, signed_in


def _export_file(cast, kw) -> dict:
    from apps.portability.document import build
    from tests.factories import UserFactory

    blank = UserFactory()
    document = build(blank)
    document["goals"] = [
        {
            **_goal_defaults(),
            "id": "0b0b0b0b-0000-4000-8000-000000000001",
            "created_at": "2026-01-05T09:00:00+00:00",
            "title": "Imported goal",
        }
    ]
    return {"file": SimpleUploadedFile("plan.json", json.dumps(document).encode())}


def _goal_defaults() -> dict:
    from apps.portability.sections.plan import dump_goals
    from tests.factories import GoalFactory, UserFactory

    sample = UserFactory()
    GoalFactory(owner=sample)
    (goal,) = dump_goals(sample)
    sample.delete()
    return goal


def _empty_account(client, cast) -> None:
    # The harness's owner already has a goal (the one shared with one mentor); an import
    # needs an empty account.
    Goal.objects.filter(owner=cast["owner"]).delete()


EXPECTATIONS = {
    "portability:data": Expect(get=signed_in(200), post=signed_in(405)),
    "portability:export": Expect(
        get=signed_in(405),
        post=signed_in(302),
        htmx_post=signed_in(200),
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: DataExport.objects.filter(owner=cast["owner"]).exists(),
        ),
    ),
    "portability:download": Expect(
        get=owned(200),
        post=owned(405, stranger=405),
        kwargs=lambda cast: {"public_id": export_request(user=cast["owner"]).public_id},
        logs_get=True,
    ),
    "portability:goals-csv": Expect(get=signed_in(200), post=signed_in(405), logs_get=True),
    "portability:milestones-csv": Expect(get=signed_in(200), post=signed_in(405), logs_get=True),
    "portability:print": Expect(get=signed_in(200), post=signed_in(405)),
    "portability:pdf": Expect(get=signed_in(200), post=signed_in(405), logs_get=True),
    "portability:import": Expect(
        get=signed_in(405),
        post=signed_in(422),
        valid=Valid(
            prepare=_empty_account,
            data=_export_file,
            check=lambda cast, kw: Goal.objects.filter(
                owner=cast["owner"], title="Imported goal"
            ).exists(),
        ),
    ),
}
