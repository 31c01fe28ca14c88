from django.urls import path

from apps.goals import views_plan

app_name = "plan"

# The matrix, reordering, the timeline and the private calendar feed.
urlpatterns = [
    path("goals/matrix/", views_plan.matrix, name="matrix"),
    path("goals/matrix/reorder/", views_plan.reorder, name="reorder"),
    path("goals/matrix/<uuid:public_id>/move/", views_plan.move, name="move"),
    path("goals/timeline/", views_plan.timeline, name="timeline"),
    path("calendar/", views_plan.calendar_page, name="calendar"),
    path("calendar/reset/", views_plan.calendar_reset, name="calendar-reset"),
    path("calendar/<str:token>.ics", views_plan.calendar_feed, name="feed"),
]
