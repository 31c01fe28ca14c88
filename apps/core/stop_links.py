"""One-click stop links for email that works without signing in (RFC 8058 `List-Unsubscribe`).

A token is signed and dated and carries only a random stop key kept on a per-person settings
row (a model with an `owner` and a `stop_key`), never who the person is. It is refused when the
signature fails, reads as expired when it is older than `max_age` or its key was replaced, and
"stop every old link" replaces the key. Each kind of mail keeps its own salt and row, so one
kind's links never stop another's.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core import signing
from django.db import models, transaction

# Long enough for an email found again after a holiday; older links show the expired page.
MAX_AGE = timedelta(days=90)


@dataclass(frozen=True)
class StopLink:
    user: Any | None
    expired: bool = False


class StopKeys:
    def __init__(
        self, model: type[models.Model], *, salt: str, claim: str, max_age: timedelta = MAX_AGE
    ) -> None:
        self.model, self.salt, self.claim, self.max_age = model, salt, claim, max_age

    def _row(self, user: Any) -> Any:
        return self.model._default_manager.select_for_update().get_or_create(owner=user)[0]

    def key_for(self, user: Any) -> str:
        with transaction.atomic():
            row = self._row(user)
            if not row.stop_key:
                row.stop_key = secrets.token_urlsafe(32)
                row.save(update_fields=["stop_key"])
            return row.stop_key

    def token(self, user: Any) -> str:
        return signing.dumps({self.claim: self.key_for(user)}, salt=self.salt, compress=True)

    def read(self, token: str) -> StopLink | None:
        """The link a token stands for; None for a token the product never made. One too old
        or revoked comes back `expired`, so the page can say so kindly."""
        try:
            payload = signing.loads(token, salt=self.salt, max_age=self.max_age)
            expired = False
        except signing.SignatureExpired:
            payload, expired = signing.loads(token, salt=self.salt), True
        except signing.BadSignature:
            return None
        key = payload.get(self.claim) if isinstance(payload, dict) else None
        if not isinstance(key, str):
            return None
        user = None
        if not expired and key:
            found = self.model._default_manager.filter(stop_key=key, owner__is_active=True)
            row = found.select_related("owner").first()
            user = row.owner if row else None  # type: ignore[attr-defined]
        return StopLink(user=user, expired=user is None)

    def revoke(self, user: Any) -> None:
        with transaction.atomic():
            row = self._row(user)
            row.stop_key = secrets.token_urlsafe(32)
            row.save(update_fields=["stop_key"])
