from django.contrib import admin, messages

from apps.accounts.audit import record
from apps.accounts.models import AuditKind
from apps.checkins.models import CheckinSchedule, DeliveryStatus, ReminderDelivery
from apps.checkins.services.delivery import delivery_retry


@admin.register(CheckinSchedule)
class CheckinScheduleAdmin(admin.ModelAdmin):
    list_display = ("owner", "frequency", "local_time", "timezone", "paused", "next_due_at")
    list_filter = ("frequency", "paused")
    search_fields = ("owner__email",)
    readonly_fields = ("next_due_at", "next_due_key", "version", "updated_at")
    list_select_related = ("owner",)


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "occurrence_key", "status", "attempts", "due_at", "sent_at")
    list_filter = ("status", "kind")
    search_fields = ("user__email", "occurrence_key")
    list_select_related = ("user",)
    readonly_fields = [f.name for f in ReminderDelivery._meta.fields]
    actions = ("retry",)

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Retry the selected failed deliveries")
    def retry(self, request, queryset):
        failed = list(queryset.filter(status=DeliveryStatus.FAILED).select_related("user"))
        for delivery in failed:
            delivery_retry(delivery=delivery)
            record(
                kind=AuditKind.DELIVERY_RETRIED,
                user=delivery.user,
                actor=request.user,
                request=request,
                detail=delivery.get_kind_display(),
            )
        self.message_user(
            request, f"{len(failed)} deliveries will be sent with the next sweep.", messages.SUCCESS
        )
