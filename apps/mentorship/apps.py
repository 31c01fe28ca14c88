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
        from apps.core.sharing import register_observer
        from apps.goals.models import GoalQuerySet
        from apps.mentorship import readers, viewing

        register_reader(GoalQuerySet, readers.goals_shared_with)
        register_reader(CheckInQuerySet, readers.checkins_shared_with)
        register_reader(assessment.VisionQuerySet, readers.vision_shared_with)
        register_reader(assessment.ValueQuerySet, readers.values_shared_with)
        register_reader(assessment.InsightQuerySet, readers.insights_shared_with)
        register_reader(assessment.InterestsQuerySet, readers.interests_shared_with)
        register_reader(assessment.SkillQuerySet, readers.skills_shared_with)
        register_observer("goal", viewing.goal_viewed)
        register_observer("checkin", viewing.checkin_viewed)
        register_observer("assessment", viewing.assessment_viewed)
