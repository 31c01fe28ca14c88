"""Who may use the mentorship pages. A mentorship is visible to its planner (the owner here)
and, while it runs, to its mentor (bob); the sharing scope, the preview and the access log are
the planner's alone. The invitation link's token is the credential: only the invited address
may answer, everyone else signed in gets a 403 page that says why."""

from apps.mentorship.models import Invitation, InvitationStatus, Mentorship
from tests.factories import GoalFactory, InvitationFactory
from tests.security.access import Expect, Valid, owned, shared, signed_in

PARTIES_ONLY = shared(200)


def _mentorship(cast: dict) -> dict:
    return {"public_id": cast["mentorship"].public_id}


def _preview_goal(cast: dict) -> dict:
    goal = GoalFactory(owner=cast["owner"], title="Seen through bob's eyes")
    return {"public_id": cast["mentorship"].public_id, "goal_id": goal.public_id}


def _open_invitation(cast: dict) -> dict:
    return {"public_id": InvitationFactory(planner=cast["owner"]).public_id}


def _token(cast: dict) -> dict:
    return {"token": cast["invitation_token"]}


def _mentorship_of(kw: dict) -> Mentorship:
    return Mentorship.objects.get(public_id=kw["public_id"])


def _no_relationship(cast: dict, kw: dict) -> bool:
    invitation = Invitation.objects.get(pk=cast["invitation"].pk)
    return (
        invitation.status == InvitationStatus.OPEN
        and not Mentorship.objects.filter(invitation=invitation).exists()
    )


# The token page: anyone holding the link may read it (anonymous: how to sign in), but only
# the invited address may answer; others signed in get a 403 that says why.
TOKEN_GET = {
    "anonymous": 200,
    "owner": 403,
    "other": 403,
    "staff": 403,
    "mentor": 403,
    "mentor_uncovered": 403,
    "ended_mentor": 403,
    "invitee": 200,
}
TOKEN_POST = {**TOKEN_GET, "anonymous": 403, "invitee": 422}

EXPECTATIONS = {
    "mentorship:home": Expect(get=signed_in(200), post=signed_in(405)),
    "mentorship:mentees": Expect(get=signed_in(200), post=signed_in(405)),
    "mentorship:invite": Expect(
        get=signed_in(200),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {"email": "Mentor@Example.org", "message": "Hello"},
            check=lambda cast, kw: Invitation.objects.filter(
                planner=cast["owner"], email="mentor@example.org"
            ).exists(),
        ),
    ),
    "mentorship:invitation-withdraw": Expect(
        get=signed_in(405),
        post=owned(302),
        htmx_post=owned(200),
        kwargs=_open_invitation,
        valid=Valid(
            data=lambda cast, kw: {},
            check=lambda cast, kw: (
                Invitation.objects.get(**kw).status == InvitationStatus.WITHDRAWN
            ),
        ),
    ),
    # The planner cannot answer their own invitation: the valid post proves nothing happens.
    "mentorship:invitation": Expect(
        get=TOKEN_GET,
        post=TOKEN_POST,
        kwargs=_token,
        valid=Valid(data=lambda cast, kw: {"answer": "accept"}, check=_no_relationship, status=403),
    ),
    "mentorship:mentee": Expect(
        get={**owned(200), "owner": 404, "mentor": 200},
        post=signed_in(405),
        kwargs=_mentorship,
    ),
    "mentorship:manage": Expect(get=PARTIES_ONLY, post=signed_in(405), kwargs=_mentorship),
    # An empty agreement is a valid one (every field is optional).
    "mentorship:agreement": Expect(
        get=signed_in(405),
        post=shared(302),
        htmx_post=shared(200),
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: {"purpose": "Land a lead role", "rhythm": "monthly"},
            check=lambda cast, kw: _mentorship_of(kw).rhythm == "monthly",
        ),
    ),
    "mentorship:sharing": Expect(
        get=signed_in(405),
        post=owned(302),
        htmx_post=owned(200),
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: {"share_checkins": "on"},
            check=lambda cast, kw: not _mentorship_of(kw).all_goals,
        ),
    ),
    "mentorship:end": Expect(
        get=PARTIES_ONLY,
        post=shared(422),
        kwargs=_mentorship,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: _mentorship_of(kw).ended_at is not None,
        ),
    ),
    "mentorship:preview": Expect(get=owned(200), post=signed_in(405), kwargs=_mentorship),
    "mentorship:preview-goal": Expect(get=owned(200), post=signed_in(405), kwargs=_preview_goal),
    "mentorship:access-log": Expect(get=owned(200), post=signed_in(405), kwargs=_mentorship),
}
