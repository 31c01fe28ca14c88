"""Plain-SQL reads: the few whose ORM form cost far more to build than to run (the list is in
docs/architecture.md). Each has a test comparing its answer with the ORM query it replaces."""

from functools import cache
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


@cache
def columns(model: type[Model], table: str) -> str:
    """Every column of `model` in its fields' order, each as `table.column`: the select list
    whose rows `model.from_db` turns into whole instances, kept in step with the model."""
    return ", ".join(f"{table}.{field.column}" for field in model._meta.concrete_fields)


def width(model: type[Model]) -> int:
    """How many values of a row `columns(model, …)` selects."""
    return len(model._meta.concrete_fields)


@cache
def _converters(model: type[Model], alias: str) -> tuple[tuple[int, Any, tuple], ...]:
    """Where in a row of `columns(model, …)` the ORM converts what `alias` returns, with the
    column and its converters: the database hands a JSON field over as text, which the ORM
    decodes (and `from_db` does not)."""
    connection = connections[alias]
    found = []
    for place, field in enumerate(model._meta.concrete_fields):
        column = field.cached_col
        convert = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if convert:
            found.append((place, column, tuple(convert)))
    return tuple(found)


def instance[M: Model](model: type[M], alias: str, values: tuple | list) -> M:
    """`model` made from the values `columns(model, …)` selected, as the ORM makes it."""
    converters = _converters(model, alias)
    if converters:
        connection = connections[alias]
        values = list(values)
        for place, column, convert in converters:
            for converter in convert:
                values[place] = converter(values[place], column, connection)
    return model.from_db(alias, None, values)  # type: ignore[arg-type]
