"""How a view gets one of the planner's prepared downloads: only the planner's own."""

from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
from apps.portability.models import DataExport


def access_export(user: User, public_id: UUID | str) -> DataExport:
    return access_object(DataExport.objects.all(), user, public_id, for_write=True)
