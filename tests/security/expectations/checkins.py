from apps.checkins import services
from tests.security.access import Expect, everyone, owned, signed_in


def _pause_kwargs(cast):
    return {"token": services.pause_token(user=cast["owner"])}


EXPECTATIONS = {
    # An empty POST is an invalid schedule: the form comes back with its errors.
    "checkins:schedule": Expect(get=signed_in(200), post=signed_in(422)),
    # The signed token is the credential (one click from an email, no sign-in needed).
    "checkins:pause": Expect(get=everyone(200), post=everyone(200), kwargs=_pause_kwargs),
}


def _draft(cast):
    from apps.checkins import reviews

    return {"public_id": reviews.checkin_start(user=cast["owner"]).public_id}


def _done(cast):
    from apps.checkins import reviews

    return {
        "public_id": reviews.checkin_complete(
            checkin=reviews.checkin_start(user=cast["owner"])
        ).public_id
    }


EXPECTATIONS.update(
    {
        "checkins:history": Expect(get=signed_in(200), post=everyone(405)),
        # Starting (or resuming) a check-in needs no fields: it redirects to the review.
        "checkins:start": Expect(get=signed_in(302), post=signed_in(302)),
        # An empty POST saves an empty draft (every field is optional) and comes back.
        "checkins:review": Expect(
            get=owned(200), post=owned(302), htmx_post=owned(200), kwargs=_draft
        ),
        "checkins:detail": Expect(get=owned(200), post=everyone(405), kwargs=_done),
    }
)
