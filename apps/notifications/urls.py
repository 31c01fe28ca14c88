from django.urls import path

from apps.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.read_all, name="read-all"),
    path("email/", views.email_preference, name="email"),
    path("stop/<str:token>/", views.stop, name="stop"),
    path("stop-links/reset/", views.stop_links_reset, name="stop-links-reset"),
    path("<uuid:public_id>/", views.notification_open, name="open"),
]
