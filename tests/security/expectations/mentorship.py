"""Who may use the mentorship pages. A mentorship is visible to its planner (the owner here)
and, while it runs, to its mentor (bob); the sharing scope, the preview and the access log are
the planner's alone. The invitation link's token is the credential: only the invited address
may answer, everyone else signed in gets a 403 page that says why."""

from apps.mentorship.models import Comment, Invitation, InvitationStatus, Mentorship
from tests.factories import CommentFactory, GoalFactory, InvitationFactory
from tests.security.access import Expect, Valid, owned, shared, signed_in

PARTIES_ONLY = shared(200)


def _mentorship(cast: dict) -> dict:
    return {"public_id": cast["mentorship"].public_id}


def _preview_goal(cast: dict) -> dict:
    goal = GoalFactory(owner=cast["owner"], title="Seen through bob's eyes")
    return {"public_id": cast["mentorship"].public_id, "goal_id": goal.public_id}


def _open_invitation(cast: dict) -> dict:
    return {"public_id": InvitationFactory(planner=cast["owner"]).public_id}


def _goal_to_comment_on(cast: dict) -> dict:
    return {"target": "goal", "public_id": GoalFactory(owner=cast["owner"]).public_id}


def _owners_comment(cast: dict) -> dict:
    goal = GoalFactory(owner=cast["owner"], title="Talked about")
    return {"public_id": CommentFactory(goal=goal, body="What do you think?").public_id}


def _comment_of(kw: dict) -> Comment:
    return Comment.objects.get(public_id=kw["public_id"])


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
    # The conversation: the planner and a mentor whose share covers the goal write (an empty
    # comment comes back with its error); everyone else, the uncovered and ended mentors
    # included, gets a 404. Only the author changes a comment; the planner deletes any.
    "mentorship:comment-add": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_goal_to_comment_on,
        valid=Valid(
            data=lambda cast, kw: {"body": "Is **this** the right order?", "kind": "shared"},
            check=lambda cast, kw: Comment.objects.filter(
                goal__public_id=kw["public_id"], author=cast["owner"], kind="shared"
            ).exists(),
        ),
    ),
    # The whole conversation, which the goal page's "Show all" control opens: read like the goal.
    "mentorship:conversation": Expect(
        get=shared(200), post=signed_in(405), kwargs=_goal_to_comment_on
    ),
    "mentorship:comment-reply": Expect(
        get=signed_in(405),
        post=shared(422),
        kwargs=_owners_comment,
        valid=Valid(
            data=lambda cast, kw: {"body": "Answering myself"},
            check=lambda cast, kw: _comment_of(kw).replies.filter(body="Answering myself").exists(),
        ),
    ),
    "mentorship:comment-edit": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_owners_comment,
        valid=Valid(
            data=lambda cast, kw: {"body": "What do you think, really?"},
            check=lambda cast, kw: _comment_of(kw).body == "What do you think, really?",
        ),
    ),
    "mentorship:comment-delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=_owners_comment,
        valid=Valid(
            data=lambda cast, kw: {"confirm": "on"},
            check=lambda cast, kw: not Comment.objects.filter(**kw).exists(),
        ),
    ),
}
