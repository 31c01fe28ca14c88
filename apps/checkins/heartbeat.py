"""When the reminder sweep last ran, for the staff console and the status page. Kept in the
default cache (the database), so it survives a Redis outage and needs no table."""

from datetime import datetime

from django.core.cache import cache
from django.utils import timezone

LAST_SWEEP_KEY = "checkins:last-sweep"


def sweep_ran(at: datetime | None = None) -> None:
    cache.set(LAST_SWEEP_KEY, (at or timezone.now()).isoformat(), timeout=None)


def last_sweep() -> datetime | None:
    value = cache.get(LAST_SWEEP_KEY)
    return datetime.fromisoformat(value) if value else None
