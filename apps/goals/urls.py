from django.urls import path

from apps.goals.views import goals, obstacles, resources

app_name = "goals"

# The goal list, editing, the SMART check, obstacles and resources. Included at /goals/;
# objects are addressed by their public UUID. The goal page itself is apps.plan's.
urlpatterns = [
    path("", goals.goal_list, name="list"),
    path("smart-check/", goals.smart_check, name="smart-check"),
    path("<uuid:public_id>/edit/", goals.goal_edit, name="edit"),
    path("<uuid:public_id>/obstacles/new/", obstacles.obstacle_create, name="obstacle-create"),
    path("obstacles/<uuid:public_id>/edit/", obstacles.obstacle_edit, name="obstacle-edit"),
    path("obstacles/<uuid:public_id>/delete/", obstacles.obstacle_delete, name="obstacle-delete"),
    path("<uuid:public_id>/resources/new/", resources.resource_create, name="resource-create"),
    path("resources/<uuid:public_id>/edit/", resources.resource_edit, name="resource-edit"),
    path("resources/<uuid:public_id>/status/", resources.resource_status, name="resource-status"),
    path("resources/<uuid:public_id>/delete/", resources.resource_delete, name="resource-delete"),
]
