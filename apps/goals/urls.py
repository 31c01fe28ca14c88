from django.urls import path

from apps.goals import views

app_name = "goals"

# Goal list, creation, detail, edit, status, SMART check, obstacles, resources, history.
# Included at /goals/; objects are addressed by their public UUID.
urlpatterns = [
    path("", views.goal_list, name="list"),
    path("new/", views.goal_create, name="create"),
    path("smart-check/", views.smart_check, name="smart-check"),
    path("<uuid:public_id>/", views.goal_detail, name="detail"),
    path("<uuid:public_id>/edit/", views.goal_edit, name="edit"),
    path("<uuid:public_id>/status/", views.goal_status, name="status"),
    path("<uuid:public_id>/delete/", views.goal_delete, name="delete"),
    path("<uuid:public_id>/obstacles/new/", views.obstacle_create, name="obstacle-create"),
    path("obstacles/<uuid:public_id>/edit/", views.obstacle_edit, name="obstacle-edit"),
    path("obstacles/<uuid:public_id>/delete/", views.obstacle_delete, name="obstacle-delete"),
    path("<uuid:public_id>/resources/new/", views.resource_create, name="resource-create"),
    path("resources/<uuid:public_id>/edit/", views.resource_edit, name="resource-edit"),
    path("resources/<uuid:public_id>/status/", views.resource_status, name="resource-status"),
    path("resources/<uuid:public_id>/delete/", views.resource_delete, name="resource-delete"),
]
