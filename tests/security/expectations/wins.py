"""Who may use the wins journal: every signed-in person has their own; another person's win is
a 404. An empty POST adds nothing (a win needs a title and a date) and deletes nothing (deleting
needs `confirm`), so it is a 422. A valid POST by the owner does its job (`valid`)."""

from django.utils import timezone

from apps.goals.models import Win
from tests.factories import WinFactory
from tests.security.access import Expect, Valid, owned, signed_in

EXPECTATIONS = {
    "wins:list": Expect(get=signed_in(200), post=signed_in(405)),
    "wins:create": Expect(
        get=signed_in(405),
        post=signed_in(422),
        valid=Valid(
            data=lambda cast, kw: {
                "title": "Ran my first retro",
                "happened_on": timezone.localdate().isoformat(),
            },
            check=lambda cast, kw: Win.objects.filter(
                owner=cast["owner"], title="Ran my first retro"
            ).exists(),
        ),
    ),
    "wins:delete": Expect(
        get=owned(200),
        post=owned(422),
        kwargs=lambda cast: {"public_id": WinFactory(owner=cast["owner"]).public_id},
        valid=Valid(
            data=lambda cast, kw: {"confirm": "yes"},
            check=lambda cast, kw: not Win.objects.filter(**kw).exists(),
        ),
    ),
}
