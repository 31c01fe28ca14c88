"""Who may use the mentor directory. Every signed-in person sees the directory, a listed
mentor's card and their own profile and requests; a request's page and its answer belong to
the mentor it was sent to (the owner here) — everyone else, mentors of the owner included,
gets a 404. Withdrawing a request belongs to the planner who sent it."""

from apps.directory.models import MentorProfile, MentorRequest, RequestStatus
from tests.factories import GoalFactory, UserFactory
from tests.security.access import Expect, Valid, signed_in


def _listed_mentor(cast: dict) -> dict:
    mara = UserFactory(email="mara@example.com", display_name="Mara")
    profile = MentorProfile.objects.create(
        user=mara, headline="Design lead", areas=["design"], capacity=3
    )
    return {"public_id": profile.public_id}


def _request_to_owner(cast: dict) -> dict:
    pat = UserFactory(email="pat@example.com", display_name="Pat")
    MentorProfile.objects.create(user=cast["owner"], headline="Happy to help", capacity=3)
    request = MentorRequest.objects.create(planner=pat, mentor=cast["owner"], message="Hi")
    request.goals.set([GoalFactory(owner=pat, title="Pat's secret goal")])
    return {"public_id": request.public_id}


def _request_from_owner(cast: dict) -> dict:
    mara = UserFactory(email="mara@example.com", display_name="Mara")
    MentorProfile.objects.create(user=mara, headline="Design lead", capacity=3)
    request = MentorRequest.objects.create(planner=cast["owner"], mentor=mara, message="Hi")
    return {"public_id": request.public_id}


def _request_of(kw: dict) -> MentorRequest:
    return MentorRequest.objects.get(public_id=kw["public_id"])


RECIPIENT_ONLY = {**signed_in(200), "other": 404, "staff": 404}
ANSWER_POST = {**signed_in(422), "other": 404, "staff": 404}

EXPECTATIONS = {
    "directory:index": Expect(get=signed_in(200), post=signed_in(405)),
    "directory:requests": Expect(get=signed_in(200), post=signed_in(405)),
    # An empty profile comes back with its errors.
    "directory:profile": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {
                "headline": "Ten years of hiring engineers",
                "areas": "Hiring, interviews",
                "capacity": "2",
                "listed": "on",
            },
            check=lambda cast, kw: MentorProfile.objects.filter(
                user=cast["owner"], areas=["hiring", "interviews"], listed=True
            ).exists(),
        ),
    ),
    # A listed mentor's card: any signed-in person may read it and ask (an empty message is
    # refused next to the field).
    "directory:mentor": Expect(
        get=signed_in(200),
        post=signed_in(422),
        kwargs=_listed_mentor,
        valid=Valid(
            data=lambda cast, kw: {"message": "Would you mentor me?", "share_vision": "on"},
            check=lambda cast, kw: MentorRequest.objects.filter(
                planner=cast["owner"], mentor__email="mara@example.com", status="open"
            ).exists(),
        ),
    ),
    "directory:request": Expect(
        get=RECIPIENT_ONLY,
        post=signed_in(405),
        kwargs=_request_to_owner,
    ),
    # Only the planner who sent it withdraws it; the mentor asked, and everyone else, get a 404.
    "directory:withdraw": Expect(
        get=signed_in(405),
        post={**signed_in(404), "anonymous": 302, "owner": 302},
        # HTMX is sent where to go next.
        htmx_post={**signed_in(404), "anonymous": 302, "owner": 200},
        kwargs=_request_from_owner,
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: _request_of(kw).status == RequestStatus.WITHDRAWN,
        ),
    ),
    "directory:answer": Expect(
        get=signed_in(405),
        post=ANSWER_POST,
        kwargs=_request_to_owner,
        valid=Valid(
            data=lambda cast, kw: {"answer": "decline", "note": "Not this year"},
            check=lambda cast, kw: _request_of(kw).status == RequestStatus.DECLINED,
        ),
    ),
}
