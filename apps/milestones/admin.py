from django.contrib import admin

from apps.milestones.models import ActionStep, Milestone


class ActionStepInline(admin.TabularInline):
    model = ActionStep
    fields = ("title", "due_date", "done_at", "position")
    extra = 0


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ("title", "goal", "due_date", "done_at")
    list_filter = ("done_at",)
    search_fields = ("title", "goal__title", "goal__owner__email")
    list_select_related = ("goal",)
    raw_id_fields = ("goal",)
    # The win is written by milestone_complete and taken back by milestone_reopen.
    readonly_fields = ("public_id", "win", "created_at", "updated_at")
    inlines = (ActionStepInline,)
