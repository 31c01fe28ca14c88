from django.urls import path

from apps.mentorship.views import invitee, planner, relationship

app_name = "mentorship"

urlpatterns = [
    path("", planner.home, name="home"),
    path("invite/", planner.invite, name="invite"),
    path(
        "invitations/<uuid:public_id>/withdraw/",
        planner.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path("invitations/<str:token>/", invitee.invitation, name="invitation"),
    path("mentees/", planner.mentees, name="mentees"),
    path("mentees/<uuid:public_id>/", relationship.mentee, name="mentee"),
    path("<uuid:public_id>/", relationship.manage, name="manage"),
    path("<uuid:public_id>/agreement/", relationship.agreement, name="agreement"),
    path("<uuid:public_id>/sharing/", relationship.sharing, name="sharing"),
    path("<uuid:public_id>/end/", relationship.end, name="end"),
    path("<uuid:public_id>/as-mentor/", planner.preview, name="preview"),
    path("<uuid:public_id>/as-mentor/<uuid:goal_id>/", planner.preview_goal, name="preview-goal"),
    path("<uuid:public_id>/log/", planner.access_log, name="access-log"),
]
