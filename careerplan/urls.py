from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# Staff sign in to the admin through allauth, so MFA and rate limits apply there too. This is
# how allauth documents it: the site's own login view is replaced on the instance.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "careerplan administration"
admin.site.site_title = "careerplan admin"

urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.dashboard.urls")),
    path("", include("apps.plan.urls")),
    path("assessment/", include("apps.assessment.urls")),
    path("goals/", include("apps.goals.urls")),
    path("", include("apps.milestones.urls")),
    path("wins/", include("apps.plan.urls_wins")),
    path("checkins/", include("apps.checkins.urls")),
    path("mentorship/", include("apps.mentorship.urls")),
    path("meetings/", include("apps.meetings.urls")),
    path("mentors/", include("apps.directory.urls")),
    path("notifications/", include("apps.notifications.urls")),
    path("account/data/", include("apps.portability.urls")),
    path("account/", include("apps.accounts.urls")),
    path("staff/", include("apps.staff.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
