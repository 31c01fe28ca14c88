"""Goals in the admin: read-mostly. Staff look things up to help people; planners change their
own plans in the product, where every change goes through the services and the history."""

from django.contrib import admin

from apps.goals.models import Goal, GoalRevision, Obstacle, Resource, Win


class ReadOnlyAdmin(admin.ModelAdmin):
    """Everything visible, nothing editable or addable; deleting stays possible for support."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class ObstacleInline(admin.TabularInline):
    model = Obstacle
    fields = ("kind", "description", "strategy")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ResourceInline(admin.TabularInline):
    model = Resource
    fields = ("kind", "title", "url", "status")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Goal)
class GoalAdmin(ReadOnlyAdmin):
    list_display = ("title", "owner", "status", "goal_type", "horizon", "target_date", "created_at")
    list_filter = ("status", "goal_type", "horizon")
    search_fields = ("title", "owner__email", "public_id")
    list_select_related = ("owner",)
    date_hierarchy = "created_at"
    inlines = [ObstacleInline, ResourceInline]


@admin.register(Obstacle)
class ObstacleAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "goal")
    list_filter = ("kind",)
    search_fields = ("description", "goal__title", "goal__owner__email")
    list_select_related = ("goal",)


@admin.register(Resource)
class ResourceAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "status", "goal")
    list_filter = ("kind", "status")
    search_fields = ("title", "goal__title", "goal__owner__email")
    list_select_related = ("goal",)


@admin.register(GoalRevision)
class GoalRevisionAdmin(ReadOnlyAdmin):
    list_display = ("goal", "author", "created_at", "reason")
    search_fields = ("goal__title", "author__email", "reason")
    list_select_related = ("goal", "author")
    date_hierarchy = "created_at"


@admin.register(Win)
class WinAdmin(ReadOnlyAdmin):
    list_display = ("title", "owner", "happened_on", "goal")
    search_fields = ("title", "owner__email")
    list_select_related = ("owner", "goal")
    date_hierarchy = "happened_on"
