from django.apps import AppConfig


class MentorshipConfig(AppConfig):
    name = "apps.mentorship"
    label = "mentorship"

    def ready(self) -> None:
        # Mentors join the readers of goals, check-ins and the shared parts of the
        # self-assessment, and the goal page says so.
        from apps.assessment import models as assessment
        from apps.checkins.models import CheckInQuerySet
        from apps.core.models import register_reader
        from apps.core.sharing import register_observer, register_panel
        from apps.goals.models import GoalQuerySet
        from apps.mentorship import conversation, notices, readers, viewing
        from apps.notifications.registry import register_kind

        register_reader(GoalQuerySet, readers.goals_shared_with)
        register_reader(CheckInQuerySet, readers.checkins_shared_with)
        register_reader(assessment.VisionQuerySet, readers.vision_shared_with)
        register_reader(assessment.ValueQuerySet, readers.values_shared_with)
        register_reader(assessment.InsightQuerySet, readers.insights_shared_with)
        register_reader(assessment.InterestsQuerySet, readers.interests_shared_with)
        register_reader(assessment.SkillQuerySet, readers.skills_shared_with)
        register_observer("goal", viewing.goal_viewed)
        register_observer("checkin", viewing.checkin_viewed)
        # The conversation joins the goal and check-in pages.
        register_panel("goal", conversation.goal_panel)
        register_panel("checkin", conversation.checkin_panel)
        register_kind(notices.KIND, describe=notices.describe, related=notices.RELATED)
        register_observer("assessment", viewing.assessment_viewed)
        # Nudges and deadline requests.
        from apps.mentorship import deadline_panel, stalls

        register_panel("goal", deadline_panel.goal_panel)
        nudge, deadline = notices.describe_nudge, notices.describe_deadline
        register_kind(notices.NUDGE_KIND, describe=nudge, related=notices.NUDGE_RELATED)
        for kind in notices.DEADLINE_KINDS:
            register_kind(kind, describe=deadline, related=notices.DEADLINE_RELATED)
        stalls.register_builtin_checks()
