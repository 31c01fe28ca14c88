"""Plain-SQL reads: the few whose ORM form cost far more to build than to run (the list is in
docs/architecture.md). Each has a test comparing its answer with the ORM query it replaces."""

from typing import Any

from django.db import connections, router
from django.db.models import Model


def fetch_rows(model: type[Model], sql: str, params: dict[str, Any]) -> tuple[str, list[tuple]]:
    """The rows `sql` reads for `model`, from the database `model` is read from, and that
    database's alias, which `Model.from_db` takes to make instances of the rows."""
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return alias, cursor.fetchall()
