from django.contrib import admin

from apps.meetings.models import MeetingReminder


@admin.register(MeetingReminder)
class MeetingReminderAdmin(admin.ModelAdmin):
    """The outbox, for staff watching delivery: states and errors, never notes or agendas."""

    list_display = ("meeting", "recipient", "status", "attempts", "sent_at")
    list_filter = ("status",)
    readonly_fields = [f.name for f in MeetingReminder._meta.fields]
    list_select_related = (
        "meeting__mentorship__planner",
        "meeting__mentorship__mentor",
        "recipient",
    )

    def has_add_permission(self, request) -> bool:
        return False
