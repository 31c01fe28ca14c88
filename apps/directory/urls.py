from django.urls import path

from apps.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.index, name="index"),
    path("me/", views.profile, name="profile"),
    path("requests/", views.requests, name="requests"),
    path("requests/<uuid:public_id>/", views.request_detail, name="request"),
    path("requests/<uuid:public_id>/answer/", views.answer, name="answer"),
    path("requests/<uuid:public_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<uuid:public_id>/", views.mentor, name="mentor"),
]
