"""Rows as entries of the file and back: the shared shape of every section.

Each entry carries `id` (the row's public id, only to tie entries of the file together; an
import gives every row a new one) and `created_at` (kept by an import, so histories stay in
order), then the fields the section names.
"""

from typing import Any

from apps.portability.encoding import check, dump, encode, load

ORDER = ("created_at", "id")


def entry(obj: Any, names: tuple[str, ...], **more: Any) -> dict[str, Any]:
    return {
        "id": str(obj.public_id),
        "created_at": encode(obj.created_at),
        **dump(obj, names),
        **more,
    }


def build(model: type[Any], data: dict, names: tuple[str, ...], where: str, **fixed: Any) -> Any:
    """An unsaved row from an entry, checked against the rules of its model."""
    obj = model(**load(model, data, names, where), **fixed)
    obj.created_at = load(model, data, ("created_at",), where)["created_at"]
    check(obj, where, exclude=tuple(fixed))
    return obj


def save_all(model: type[Any], rows: list) -> list:
    """Insert in one statement, then put back the dates the file gave (an insert stamps now)."""
    stamps = [row.created_at for row in rows]
    created = model.objects.bulk_create(rows)
    for row, stamp in zip(created, stamps, strict=True):
        row.created_at = stamp
    if any(stamp is not None for stamp in stamps):
        model.objects.bulk_update([r for r in created if r.created_at], ["created_at"])
    return created


def ordered(queryset: Any) -> Any:
    return queryset.order_by(*ORDER)
