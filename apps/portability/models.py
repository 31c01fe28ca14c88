"""A prepared download of the planner's data, kept until its link expires."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from apps.core.models import OwnedQuerySet, PublicIdModel

# How long a download link works once the file is ready.
LINK_LIFETIME = timedelta(hours=24)


class ExportStatus(models.TextChoices):
    PREPARING = "preparing", "Being prepared"
    READY = "ready", "Ready"


class DataExportQuerySet(OwnedQuerySet):
    def live(self, now=None) -> "DataExportQuerySet":
        """Prepared or still downloadable: expired files are as good as gone."""
        now = now or timezone.now()
        return self.filter(models.Q(status=ExportStatus.PREPARING) | models.Q(expires_at__gt=now))


class DataExport(PublicIdModel):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=16, choices=ExportStatus.choices, default=ExportStatus.PREPARING
    )
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The JSON document, gzip-compressed; emptied when the link expires.
    content = models.BinaryField(default=bytes, editable=False)
    size = models.PositiveIntegerField(default=0)

    objects = DataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"Export of {self.created_at:%Y-%m-%d %H:%M}"

    def is_downloadable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.status == ExportStatus.READY and bool(self.expires_at and self.expires_at > now)
