from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db.models import Count
from django.utils.translation import ngettext

from apps.accounts.models import User
from apps.accounts.services import account_deactivate


class UserCreateForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreateForm
    form = UserEditForm
    ordering = ("email",)
    list_display = ("email", "display_name", "is_active", "is_staff", "date_joined", "last_login")
    list_filter = ("is_active", "is_staff", "is_superuser")
    search_fields = ("email", "display_name")
    readonly_fields = ("public_id", "date_joined", "last_login", "plan_size")
    actions = ("activate", "deactivate")
    fieldsets = (
        (None, {"fields": ("email", "password", "public_id")}),
        ("Profile", {"fields": ("display_name", "timezone")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("date_joined", "last_login")}),
        ("Plan", {"fields": ("plan_size",)}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )

    @admin.action(description="Activate selected accounts")
    def activate(self, request, queryset):
        count = queryset.update(is_active=True)
        self.message_user(
            request, ngettext("%d account activated.", "%d accounts activated.", count) % count
        )

    @admin.action(description="Deactivate selected accounts (they can no longer sign in)")
    def deactivate(self, request, queryset):
        # Staff cannot lock themselves out by accident. Through the service, so each one's
        # sessions end at once and the security log says who did it.
        count = sum(
            account_deactivate(user=user, by=request.user, request=request)
            for user in queryset.exclude(pk=request.user.pk)
        )
        self.message_user(
            request,
            ngettext("%d account deactivated.", "%d accounts deactivated.", count) % count,
            messages.SUCCESS,
        )

    @admin.display(description="Their plan")
    def plan_size(self, user: User) -> str:
        """How much the person has planned, never what: staff run the service, they do not
        read plans. Counted through the relations' names, so accounts imports no domain app."""
        # One count per relation: joining them all at once would multiply the rows.
        mine = User.objects.filter(pk=user.pk)
        counts = {
            relation: mine.aggregate(n=Count(relation))["n"]
            for relation in ("goals", "goals__milestones", "checkins", "wins")
        }
        return ", ".join(
            f"{n} {word}{'' if n == 1 else 's'}"
            for word, n in (
                ("goal", counts["goals"]),
                ("milestone", counts["goals__milestones"]),
                ("check-in", counts["checkins"]),
                ("win", counts["wins"]),
            )
        )
