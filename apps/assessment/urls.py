from django.urls import path

from apps.assessment.views import (
    insights,
    interests,
    overview,
    profile,
    skills,
    snapshots,
    values,
    vision,
)

app_name = "assessment"

# The self-assessment, included at /assessment/. Rows are addressed by their public UUID; a
# reflection prompt by its built-in key or, for the planner's own, its UUID.
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("start/", overview.start, name="start"),
    path("first-goal/", overview.first_goal, name="first-goal"),
    path("values/", values.values_page, name="values"),
    path("values/pick/", values.values_pick, name="values-pick"),
    path("values/add/", values.value_add, name="value-add"),
    path("values/rank/", values.values_rank, name="values-rank"),
    path("values/<uuid:public_id>/move/", values.value_move, name="value-move"),
    path("values/<uuid:public_id>/remove/", values.value_remove, name="value-remove"),
    path("strengths/", insights.insights_page, name="insights"),
    path("strengths/new/", insights.insight_create, name="insight-create"),
    path("strengths/<uuid:public_id>/edit/", insights.insight_edit, name="insight-edit"),
    path("strengths/<uuid:public_id>/delete/", insights.insight_delete, name="insight-delete"),
    path("interests/", interests.interests_page, name="interests"),
    path("interests/new/", interests.prompt_create, name="prompt-create"),
    path("interests/<str:key>/answer/", interests.prompt_answer, name="prompt-answer"),
    path("interests/<str:key>/hide/", interests.prompt_hide, name="prompt-hide"),
    path("interests/<uuid:public_id>/delete/", interests.prompt_delete, name="prompt-delete"),
    path("work-interests/", profile.profile_page, name="profile"),
    path("work-interests/take/", profile.profile_take, name="profile-take"),
    path("skills/", skills.skills_page, name="skills"),
    path("skills/new/", skills.skill_create, name="skill-create"),
    path("skills/starter/", skills.skill_starter, name="skill-starter"),
    path("skills/gaps/", skills.skill_gaps, name="gaps"),
    path("skills/<uuid:public_id>/level/", skills.skill_level, name="skill-level"),
    path("skills/<uuid:public_id>/edit/", skills.skill_edit, name="skill-edit"),
    path("skills/<uuid:public_id>/delete/", skills.skill_delete, name="skill-delete"),
    path("vision/", vision.vision_page, name="vision"),
    path("vision/<uuid:public_id>/restore/", vision.vision_restore, name="vision-restore"),
    path("snapshots/", snapshots.snapshot_list, name="snapshots"),
    path("snapshots/new/", snapshots.snapshot_take, name="snapshot-take"),
    path("snapshots/compare/", snapshots.snapshot_compare, name="compare"),
    path("snapshots/<uuid:public_id>/delete/", snapshots.snapshot_delete, name="snapshot-delete"),
]
