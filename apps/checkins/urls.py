from django.urls import path

from apps.checkins import views, views_review

app_name = "checkins"

urlpatterns = [
    path("", views_review.history, name="history"),
    path("new/", views_review.start, name="start"),
    path("<uuid:public_id>/review/", views_review.review, name="review"),
    path("<uuid:public_id>/", views_review.detail, name="detail"),
    path("schedule/", views.schedule, name="schedule"),
    path("pause/<str:token>/", views.pause, name="pause"),
    path("pause-links/reset/", views.pause_links_reset, name="pause-links-reset"),
]
