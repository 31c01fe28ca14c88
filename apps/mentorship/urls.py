from django.urls import path

from apps.mentorship.views import comments, invitee, planner, relationship, rhythm

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
    path("mentees/<uuid:public_id>/nudge/", rhythm.nudge, name="nudge"),
    # Deadline renegotiation on a shared goal (or one of its milestones).
    path("goals/<uuid:public_id>/new-date/", rhythm.deadline_propose, name="deadline-propose"),
    path("new-dates/<uuid:public_id>/comment/", rhythm.deadline_comment, name="deadline-comment"),
    path("new-dates/<uuid:public_id>/decide/", rhythm.deadline_decide, name="deadline-decide"),
    path("<uuid:public_id>/", relationship.manage, name="manage"),
    path("<uuid:public_id>/agreement/", relationship.agreement, name="agreement"),
    path("<uuid:public_id>/sharing/", relationship.sharing, name="sharing"),
    path("<uuid:public_id>/end/", relationship.end, name="end"),
    path("<uuid:public_id>/as-mentor/", planner.preview, name="preview"),
    path("<uuid:public_id>/as-mentor/<uuid:goal_id>/", planner.preview_goal, name="preview-goal"),
    path("<uuid:public_id>/log/", planner.access_log, name="access-log"),
    # The conversation on a goal or a completed check-in ("goal" or "checkin").
    path("comments/on/<slug:target>/<uuid:public_id>/", comments.comment_add, name="comment-add"),
    path(
        "conversation/<slug:target>/<uuid:public_id>/",
        comments.conversation_page,
        name="conversation",
    ),
    path("comments/<uuid:public_id>/reply/", comments.comment_reply, name="comment-reply"),
    path("comments/<uuid:public_id>/edit/", comments.comment_edit, name="comment-edit"),
    path("comments/<uuid:public_id>/delete/", comments.comment_delete, name="comment-delete"),
]
