"""The second audience of a planner's data: a mentor with a running mentorship.

Registered on the lower apps' querysets in `MentorshipConfig.ready()`, so goals and check-ins
never import mentorship. Each condition is a subquery on the mentorships running today, so a
row is never repeated and access ends the moment a mentorship ends or its end date passes.
What hangs off a goal (milestones, steps, obstacles, resources, history) follows the goal.
Wins are not shared: the journal is the planner's own, also for a shared goal.
"""

from collections.abc import Callable

from django.db.models import Q

from apps.mentorship.models import Mentorship, MentorshipQuerySet

NOTHING = Q(pk__in=[])


def _running_for(user) -> MentorshipQuerySet | None:
    if not user.is_authenticated:
        return None
    return Mentorship.objects.active().filter(mentor=user)


def goals_shared_with(user) -> Q:
    running = _running_for(user)
    if running is None:
        return NOTHING
    everything = running.filter(all_goals=True).values("planner")
    chosen = running.filter(all_goals=False, goals__isnull=False).values("goals")
    return Q(owner__in=everything) | Q(pk__in=chosen)


def checkins_shared_with(user) -> Q:
    """Completed check-ins only: a draft is still the planner's scratch paper."""
    running = _running_for(user)
    if running is None:
        return NOTHING
    sharing = running.filter(share_checkins=True).values("planner")
    return Q(owner__in=sharing, completed_at__isnull=False)


def vision_shared_with(user) -> Q:
    running = _running_for(user)
    if running is None:
        return NOTHING
    return Q(owner__in=running.filter(share_vision=True).values("planner"))


def _part_shared_with(part: str) -> Callable[[object], Q]:
    """The reader condition of one part of the self-assessment (a name of ASSESSMENT_PARTS)."""

    def condition(user) -> Q:
        running = _running_for(user)
        if running is None:
            return NOTHING
        sharing = running.filter(assessment_parts__contains=[part]).values("planner")
        return Q(owner__in=sharing)

    return condition


# Made once, so that registering them again (a second ready()) stays a no-op.
values_shared_with = _part_shared_with("values")
insights_shared_with = _part_shared_with("strengths")
interests_shared_with = _part_shared_with("interests")
skills_shared_with = _part_shared_with("skills")
