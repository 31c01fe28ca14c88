"""A fixed-window counter in the default cache (the database, so it holds across processes)."""

from django.core.cache import cache


def allow(key: str, *, limit: int, seconds: int) -> bool:
    """Count one more use of `key`; False once it passes `limit` within the window."""
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=seconds):
        return True
    try:
        used = cache.incr(cache_key)
    except ValueError:
        # The window closed between the two calls: this use opens the next one.
        cache.set(cache_key, 1, timeout=seconds)
        return True
    return used <= limit
