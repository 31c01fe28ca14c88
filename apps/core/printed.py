"""What long pages hand their templates for each row: a small base for the rows' classes."""

from typing import Any


class PrintedRow:
    """A row a template prints many times per page. The template engine looks each
    `{{ row.field }}` up as an item before it tries the attribute, and on an object without
    item lookup that first try raises and catches an exception: answering it with the
    attribute saves one per field printed (hundreds on a goal page). A name the row does not
    have still fails as it did, and the template prints nothing for it."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)
