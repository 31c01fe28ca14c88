from django.urls import path

from apps.milestones.views import milestones, steps

app_name = "milestones"

# Milestones and action steps: add, edit, reorder, tick, delete. Included at the site root, so
# every path starts with what it is about.
urlpatterns = [
    path("goals/<uuid:public_id>/milestones/", milestones.milestone_list, name="list"),
    path("goals/<uuid:public_id>/milestones/new/", milestones.milestone_create, name="create"),
    path("milestones/<uuid:public_id>/edit/", milestones.milestone_edit, name="edit"),
    path("milestones/<uuid:public_id>/done/", milestones.milestone_done, name="done"),
    path("milestones/<uuid:public_id>/move/", milestones.milestone_move, name="move"),
    path("milestones/<uuid:public_id>/delete/", milestones.milestone_delete, name="delete"),
    path("milestones/<uuid:public_id>/steps/new/", steps.step_create, name="step-create"),
    path("steps/<uuid:public_id>/edit/", steps.step_edit, name="step-edit"),
    path("steps/<uuid:public_id>/done/", steps.step_done, name="step-done"),
    path("steps/<uuid:public_id>/move/", steps.step_move, name="step-move"),
    path("steps/<uuid:public_id>/delete/", steps.step_delete, name="step-delete"),
]
