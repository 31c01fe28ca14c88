from django.urls import path

from apps.milestones import views

app_name = "milestones"

# Milestones and action steps: add, edit, reorder, tick, delete. Included at the site root, so
# every path starts with what it is about.
urlpatterns = [
    path("goals/<uuid:public_id>/milestones/", views.milestone_list, name="list"),
    path("goals/<uuid:public_id>/milestones/new/", views.milestone_create, name="create"),
    path("milestones/<uuid:public_id>/edit/", views.milestone_edit, name="edit"),
    path("milestones/<uuid:public_id>/done/", views.milestone_done, name="done"),
    path("milestones/<uuid:public_id>/move/", views.milestone_move, name="move"),
    path("milestones/<uuid:public_id>/delete/", views.milestone_delete, name="delete"),
    path("milestones/<uuid:public_id>/steps/new/", views.step_create, name="step-create"),
    path("steps/<uuid:public_id>/edit/", views.step_edit, name="step-edit"),
    path("steps/<uuid:public_id>/done/", views.step_done, name="step-done"),
    path("steps/<uuid:public_id>/move/", views.step_move, name="step-move"),
    path("steps/<uuid:public_id>/delete/", views.step_delete, name="step-delete"),
]
