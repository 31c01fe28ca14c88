from django.urls import path

from apps.checkins import views

app_name = "checkins"

urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("pause/<str:token>/", views.pause, name="pause"),
]
