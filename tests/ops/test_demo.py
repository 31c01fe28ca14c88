"""`make run`'s demo: the planner finds a lived-in career plan, once; the others start empty."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.models import CheckIn, CheckinSchedule
from apps.checkins.services.checkins import streak
from apps.checkins.services.sweep import dispatch_due_reminders
from apps.goals.models import Goal, GoalRevision, Horizon, Obstacle, Resource, Win
from apps.goals.services import goal_delete
from apps.milestones.models import ActionStep, Milestone

pytestmark = pytest.mark.django_db


def _seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def planner():
    _seed()
    return User.objects.get(email="planner@example.com")


def _counts(user: User) -> tuple[int, ...]:
    return (
        Goal.objects.filter(owner=user).count(),
        Milestone.objects.filter(goal__owner=user).count(),
        ActionStep.objects.filter(milestone__goal__owner=user).count(),
        Win.objects.filter(owner=user).count(),
        GoalRevision.objects.filter(goal__owner=user).count(),
        CheckIn.objects.filter(owner=user).count(),
        CheckinSchedule.objects.filter(owner=user).count(),
    )


def test_second_run_creates_nothing_more(planner):
    before = _counts(planner)
    _seed()
    assert _counts(planner) == before
    assert User.objects.filter(email="planner@example.com").count() == 1


def test_plan_has_long_term_goal_with_two_stepping_stones_and_more(planner):
    goals = Goal.objects.filter(owner=planner)
    assert goals.count() >= 4
    long_term = goals.get(horizon=Horizon.LONG)
    assert long_term.children.count() == 2
    assert goals.filter(parent__isnull=True).exclude(pk=long_term.pk).exists()
    assert {"networking", "work_life_balance"} & set(goals.values_list("goal_type", flat=True))


def test_plan_mixes_done_overdue_and_upcoming_milestones(planner):
    today = date.today()
    mine = Milestone.objects.filter(goal__owner=planner)
    done = mine.filter(done_at__isnull=False)
    overdue = mine.filter(done_at__isnull=True, due_date__lt=today)
    upcoming = mine.filter(done_at__isnull=True, due_date__gt=today)
    assert done.count() >= 2
    assert overdue.count() >= 2
    assert upcoming.exists()
    assert ActionStep.objects.filter(milestone__goal__owner=planner).exists()


def test_completed_milestones_are_wins_and_one_win_was_written_by_hand(planner):
    wins = Win.objects.filter(owner=planner)
    done = Milestone.objects.filter(goal__owner=planner, done_at__isnull=False)
    assert set(wins.exclude(milestone=None).values_list("milestone", flat=True)) == set(
        done.values_list("pk", flat=True)
    )
    assert wins.filter(milestone=None).exists()


def test_plan_has_obstacles_with_strategies_resources_and_reasoned_revisions(planner):
    obstacles = Obstacle.objects.filter(goal__owner=planner)
    assert obstacles.exists()
    assert all(obstacle.strategy for obstacle in obstacles)
    statuses = set(Resource.objects.filter(goal__owner=planner).values_list("status", flat=True))
    assert len(statuses) >= 2
    revisions = GoalRevision.objects.filter(goal__owner=planner)
    assert revisions.count() >= 2
    assert all(revision.reason for revision in revisions)


def test_mentor_and_admin_start_empty(planner):
    for email in ("mentor@example.com", "admin@example.com"):
        other = User.objects.get(email=email)
        assert not Goal.objects.filter(owner=other).exists()
        assert not Win.objects.filter(owner=other).exists()


def test_planner_who_deleted_the_demo_goals_keeps_an_empty_plan(planner):
    for goal in Goal.objects.filter(owner=planner, parent__isnull=False):
        goal_delete(goal=goal)
    for goal in Goal.objects.filter(owner=planner):
        goal_delete(goal=goal)
    _seed()
    assert not Goal.objects.filter(owner=planner).exists()


def test_planner_sees_the_plan_on_the_dashboard(planner, client):
    client.force_login(planner)
    page = client.get(reverse("dashboard:index")).content.decode()
    assert "Become an engineering manager" in page
    assert "Overdue" in page


def test_planners_first_reminder_is_due_within_minutes_and_sent_once_due(
    time_machine, django_capture_on_commit_callbacks
):
    before = timezone.now()
    _seed()
    planner = User.objects.get(email="planner@example.com")
    schedule = CheckinSchedule.objects.get(owner=planner)
    assert not schedule.paused
    assert schedule.frequency == "weekly"
    assert schedule.timezone == planner.timezone
    assert before + timedelta(minutes=2) < schedule.next_due_at <= before + timedelta(minutes=5)

    # The minute sweep that beat runs under `make run`, once the reminder is due.
    time_machine.move_to(schedule.next_due_at + timedelta(seconds=30), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_reminders()
    assert [message.to for message in mail.outbox] == [[planner.email]]
    assert mail.outbox[0].subject.startswith("Time for your check-in, Pat Planner")


def test_planner_has_past_check_ins_a_streak_and_charts(planner, client):
    done = CheckIn.objects.filter(owner=planner).completed()
    assert done.count() == 2
    assert not CheckIn.objects.filter(owner=planner, completed_at=None).exists()
    assert all(checkin.completed_at < timezone.now() for checkin in done)
    assert streak(user=planner, today=date.today()) == 2

    client.force_login(planner)
    page = client.get(reverse("checkins:history")).content.decode()
    assert "2 check-ins in a row" in page
    assert 'id="confidence-chart"' in page
    assert 'id="progress-chart"' in page


def test_the_demo_mentor_mentors_the_planner_with_two_goals_and_the_vision(planner, client):
    from apps.mentorship.models import Mentorship

    mentorship = Mentorship.objects.active().get(planner=planner)
    assert mentorship.mentor.email == "mentor@example.com"
    assert mentorship.share_vision
    assert mentorship.goals.count() == 2
    client.force_login(mentorship.mentor)
    page = client.get(reverse("mentorship:mentees")).content.decode()
    assert "Pat Planner" in page
    goal = mentorship.goals.first()
    response = client.get(reverse("plan:goal", args=[goal.public_id]))
    assert response.status_code == 200
    assert "Shared with you by Pat Planner" in response.content.decode()


def test_the_demo_pair_has_talked_about_the_first_shared_goal(planner, client):
    from apps.mentorship.models import Mentorship

    mentorship = Mentorship.objects.active().get(planner=planner)
    goal = Goal.objects.owned_by(planner).get(title="Become an engineering manager")
    client.force_login(mentorship.mentor)
    mentors_view = client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()
    assert "What would <strong>your manager</strong> need" in mentors_view
    assert "Private note · only you see it" in mentors_view
    assert "budget side" not in mentors_view
    client.force_login(planner)
    planners_view = client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()
    assert "running the team" in planners_view
    assert "Your own note · only you see it" in planners_view
    assert "undersells" not in planners_view


def test_other_has_a_plan_of_their_own_and_no_relationship(planner, client):
    from apps.mentorship.models import Mentorship

    other = User.objects.get(email="other@example.com")
    assert Goal.objects.owned_by(other).exists()
    assert not Mentorship.objects.filter(planner=other).exists()
    assert not Mentorship.objects.filter(mentor=other).exists()
    client.force_login(other)
    goal = Goal.objects.owned_by(planner).first()
    assert client.get(reverse("plan:goal", args=[goal.public_id])).status_code == 404


def test_the_output_lists_every_account_and_its_role(db):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    for email in ("planner@", "mentor@", "other@", "admin@"):
        assert email in out.getvalue()
    assert "mentor of Pat" in out.getvalue()


def test_the_demo_mentor_sees_one_stalled_mentee_and_why(planner, client):
    client.force_login(User.objects.get(email="mentor@example.com"))
    page = client.get(reverse("mentorship:mentees")).content.decode()
    assert page.count("May be stalled") == 1
    assert "Sam Stalled" in page
    assert "Milestone “Finish the testing fundamentals course” and 1 more overdue by" in page
    assert "No check-in yet for 5 weeks" in page
    assert "Your comment on “Move from support into QA engineering” has had no answer" in page


def test_pat_has_an_open_request_for_a_new_date(planner, client):
    from apps.mentorship.models import DeadlineRequest

    request = DeadlineRequest.objects.get(planner=planner)
    assert request.is_open
    client.force_login(User.objects.get(email="mentor@example.com"))
    page = client.get(reverse("plan:goal", args=[request.goal.public_id])).content.decode()
    assert "The reorganisation at work" in page
