from django.urls import path

from apps.core.ratelimit import rate_limited
from apps.plan.views import calendar, create, goal_page, matrix, roadmap

app_name = "plan"

# The goal page and goal creation, the matrix, the roadmap and the private calendar feed.
# Included at the root; goals keep their /goals/ addresses.
urlpatterns = [
    path("goals/new/", create.goal_create, name="goal-create"),
    path("goals/<uuid:public_id>/", goal_page.goal_page, name="goal"),
    path("goals/<uuid:public_id>/status/", goal_page.goal_status, name="goal-status"),
    path("goals/<uuid:public_id>/progress/", goal_page.goal_progress, name="goal-progress"),
    path("goals/<uuid:public_id>/delete/", goal_page.goal_delete, name="goal-delete"),
    path("goals/matrix/", matrix.matrix, name="matrix"),
    path("goals/matrix/reorder/", matrix.reorder, name="reorder"),
    path("goals/matrix/<uuid:public_id>/move/", matrix.move, name="move"),
    path("goals/timeline/", roadmap.timeline, name="timeline"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/reset/", calendar.calendar_reset, name="calendar-reset"),
    # Limited here rather than on the view: calendar.py belongs to the GET-writes work.
    path(
        "calendar/<str:token>.ics",
        rate_limited("calendar_feed")(calendar.calendar_feed),
        name="feed",
    ),
]
