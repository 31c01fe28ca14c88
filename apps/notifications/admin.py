"""Staff see the state of notification mail, never what a notification says: the rows hold
only a kind and a target id, and nothing here describes them."""

from django.contrib import admin

from apps.notifications.models import DigestDelivery, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "created_at", "read_at", "mail_state", "attempts")
    list_filter = ("mail_state", "kind")
    search_fields = ("recipient__email",)
    list_select_related = ("recipient",)
    exclude = ("target_type", "target_id", "actor")
    readonly_fields = [
        f.name
        for f in Notification._meta.fields
        if f.name not in ("target_type", "target_id", "actor")
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ("user", "day", "status", "attempts", "sent_at")
    list_filter = ("status",)
    search_fields = ("user__email",)
    list_select_related = ("user",)
    readonly_fields = [f.name for f in DigestDelivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
