from datetime import UTC, date, datetime, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from apps.checkins.services.checkins import checkin_complete, checkin_start
from tests.assessment.factories import (
    SkillFactory,
    ValueFactory,
    VisionFactory,
    fill_assessment,
)
from tests.factories import (
    ActionStepFactory,
    GoalFactory,
    MilestoneFactory,
    UserFactory,
    WinFactory,
)

DASHBOARD = reverse("dashboard:index")
TODAY = date(2026, 3, 10)


@pytest.fixture
def march_tenth(time_machine):
    time_machine.move_to(datetime(2026, 3, 10, 12, tzinfo=UTC))


def test_new_planner_is_led_to_profile_two_factor_and_a_first_goal(client, db):
    newcomer = UserFactory(display_name="", timezone="UTC")
    client.force_login(newcomer)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Complete your profile" in page
    assert "Set up two-factor" in page
    assert "No goals yet — start from a template" in page
    assert "This week" not in page  # nothing to show until there is a plan


def test_dashboard_greets_by_name_and_marks_profile_done(alice_client):
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Welcome, Alice" in page
    assert "Complete your profile" not in page
    assert "Done — deadlines follow your clock (Europe/Berlin)" in page
    assert 'aria-current="page"' in page  # the Dashboard entry of the main navigation


def test_next_steps_shrink_to_one_line_once_done(alice, alice_client):
    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={"secret": "x"})
    fill_assessment(alice)
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Your next steps" not in page
    assert "two-factor authentication protects your plan" in page
    assert "your self-assessment is done" in page


def test_the_self_assessment_is_a_next_step_until_complete(alice, alice_client):
    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={"secret": "x"})
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Your next steps" in page
    assert "Know yourself: your self-assessment" in page
    assert "0 of 6 parts done" in page
    assert f'href="{reverse("assessment:start")}"' in page
    VisionFactory(owner=alice)
    page = alice_client.get(DASHBOARD).content.decode()
    assert "1 of 6 parts done" in page
    assert "Next: <strong>Values</strong>" in page
    assert f'href="{reverse("assessment:values")}?guide=1"' in page


def test_the_vision_heads_the_dashboard(alice, alice_client):
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Write your vision" in page
    VisionFactory(owner=alice, text="I run a studio of five people.")
    VisionFactory(owner=alice, text="I run a calm studio of five people.")
    page = alice_client.get(DASHBOARD).content.decode()
    assert "I run a calm studio of five people." in page
    assert page.index("I run a calm studio") < page.index("Your next steps")
    assert "Write your vision" not in page


def test_this_week_lists_overdue_and_upcoming_work_across_goals(
    alice, alice_client, charlie, march_tenth
):
    goal = GoalFactory(owner=alice, title="Get certified")
    MilestoneFactory(goal=goal, title="Pass the mock test", due_date=TODAY - timedelta(days=3))
    booking = MilestoneFactory(goal=goal, title="Book the exam", due_date=TODAY + timedelta(days=5))
    ActionStepFactory(
        milestone=booking, title="Ask for the fee", due_date=TODAY + timedelta(days=2)
    )
    MilestoneFactory(goal=goal, title="Far away", due_date=TODAY + timedelta(days=40))
    MilestoneFactory(goal=GoalFactory(owner=charlie), title="Charlie's deadline", due_date=TODAY)

    page = alice_client.get(DASHBOARD).content.decode()

    assert "Overdue · 1" in page
    assert "Pass the mock test" in page
    assert "3 days ago" in page
    assert "Coming up in the next 14 days · 2" in page
    assert "Step: Ask for the fee" in page
    assert "Book the exam" in page
    assert page.index("Ask for the fee") < page.index("Book the exam")  # soonest first
    assert "Far away" not in page
    assert "Charlie&#x27;s deadline" not in page


def test_a_quiet_fortnight_points_at_the_roadmap(alice, alice_client, march_tenth):
    GoalFactory(owner=alice, title="Get certified")
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Nothing due in the next 14 days" in page
    assert reverse("plan:timeline") in page


def test_active_goals_show_progress_with_meaning(alice, alice_client, charlie, march_tenth):
    goal = GoalFactory(owner=alice, title="Get certified", target_date=TODAY + timedelta(days=12))
    MilestoneFactory.create_batch(3, goal=goal, done_at=datetime(2026, 3, 1, tzinfo=UTC))
    MilestoneFactory.create_batch(2, goal=goal)
    GoalFactory(owner=alice, title="Late one", target_date=TODAY - timedelta(days=1))
    GoalFactory(owner=alice, title="A draft", status="draft")
    GoalFactory(owner=charlie, title="Charlie's goal")

    page = alice_client.get(DASHBOARD).content.decode()

    assert "Your active goals · 2" in page
    assert "3 of 5 milestones" in page
    assert 'value="60"' in page
    assert "due <time" in page
    assert "Overdue</strong>: was due" in page
    assert "A draft" not in page
    assert "Charlie" not in page.split("Your active goals")[1]


def test_recent_wins_show_the_latest_five(alice, alice_client, charlie, march_tenth):
    for n in range(7):
        WinFactory(owner=alice, title=f"Win number {n}", happened_on=TODAY - timedelta(days=n))
    WinFactory(owner=charlie, title="Charlie's win")
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Win number 0" in page
    assert "Win number 4" in page
    assert "Win number 5" not in page
    assert "Charlie&#x27;s win" not in page


def test_no_wins_yet_says_how_they_come(alice_client):
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Your wins collect here" in page


def _plan(owner, goals: int) -> None:
    for n in range(goals):
        goal = GoalFactory(owner=owner)
        for m, milestone in enumerate(
            MilestoneFactory.create_batch(8, goal=goal, due_date=TODAY + timedelta(days=n % 20 - 5))
        ):
            ActionStepFactory.create_batch(
                3, milestone=milestone, due_date=TODAY + timedelta(days=m)
            )
        WinFactory(owner=owner, goal=goal)


@pytest.mark.parametrize("checkins", [0, 3])
@pytest.mark.parametrize("goals", [2, 40])
def test_dashboard_query_count_is_pinned(
    alice, alice_client, django_assert_num_queries, march_tenth, goals, checkins
):
    _plan(alice, goals)
    fill_assessment(alice)
    SkillFactory.create_batch(goals, owner=alice)
    ValueFactory.create_batch(goals, owner=alice)
    for _ in range(checkins):
        checkin_complete(checkin=checkin_start(user=alice))
    # session, user, MFA state, the milestones and steps due (overdue and upcoming, with their
    # totals, in one query), the self-assessment's counts and vision (one query),
    # active goals, recent wins, the check-in schedule, the running mentorships on either side
    # (the mentees count; with no mentor of her own, her mentorships need no query), the
    # navigation's unread count, the last check-ins and, once there are two to draw, their
    # goals' progress
    with django_assert_num_queries(11 + (checkins > 1)):
        response = alice_client.get(DASHBOARD)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="progress-line"') == min(goals, 12)
    assert f"Your active goals · {goals}" in page
    assert "Overdue ·" in page


def test_signed_out_visitor_is_sent_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_dashboard_is_get_only(alice_client):
    assert alice_client.post(DASHBOARD).status_code == 405


def test_this_week_shows_the_most_pressing_and_counts_the_rest(alice, alice_client, march_tenth):
    goal = GoalFactory(owner=alice)
    for days in range(1, 13):
        MilestoneFactory(goal=goal, title=f"Late {days}", due_date=TODAY - timedelta(days=days))
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Overdue · 12" in page
    assert "And 4 more" in page
    assert "Late 12" in page  # the longest overdue come first
    assert "Late 1<" not in page


def test_a_long_plan_shows_the_first_goals_and_links_to_all(alice, alice_client, march_tenth):
    GoalFactory.create_batch(15, owner=alice)
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Your active goals · 15" in page
    # Twelve goal cards, and the self-assessment's bar among the next steps.
    assert page.count('class="progress-line"') == 13
    assert "see all 15 active goals" in page


def test_the_next_check_in_is_one_click_away(alice, alice_client, march_tenth):
    from apps.checkins.services.schedules import schedule_save

    GoalFactory(owner=alice)
    page = alice_client.get(DASHBOARD).content.decode()
    assert "No check-in rhythm yet" in page
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Next check-in:" in page
    assert "Mon 16 Mar, 08:30" in page  # alice's own clock
