from django.urls import path

from apps.staff import views

app_name = "staff"

urlpatterns = [
    path("", views.index, name="index"),
    path("users/", views.users, name="users"),
    path("users/<uuid:public_id>/", views.user, name="user"),
    path("users/<uuid:public_id>/deactivate/", views.user_deactivate, name="user-deactivate"),
    path(
        "users/<uuid:public_id>/resend-verification/",
        views.user_resend_verification,
        name="user-resend-verification",
    ),
    path("users/<uuid:public_id>/delete/", views.user_delete, name="user-delete"),
    path("failed-mail/", views.failed, name="failed"),
    path("failed-mail/retry/", views.retry, name="retry"),
    path("status/", views.status, name="status"),
]
