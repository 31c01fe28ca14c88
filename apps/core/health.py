"""Liveness of the shared state the app depends on: PostgreSQL and Redis."""

import redis
from django.conf import settings
from django.db import connection


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def redis_ok() -> bool:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.RedisError:
        return False


def queue_depth(queue: str = "celery") -> int | None:
    """Tasks waiting in the broker's queue (Celery keeps each queue as a Redis list); None
    when Redis cannot be reached."""
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        try:
            return int(client.llen(queue))
        finally:
            client.close()
    except redis.RedisError:
        return None
