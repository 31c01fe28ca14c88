from apps.checkins import services
from tests.security.access import Expect, everyone, signed_in


def _pause_kwargs(cast):
    return {"token": services.pause_token(user=cast["owner"])}


EXPECTATIONS = {
    # An empty POST is an invalid schedule: the form comes back with its errors.
    "checkins:schedule": Expect(get=signed_in(200), post=signed_in(422)),
    # The signed token is the credential (one click from an email, no sign-in needed).
    "checkins:pause": Expect(get=everyone(200), post=everyone(200), kwargs=_pause_kwargs),
}
