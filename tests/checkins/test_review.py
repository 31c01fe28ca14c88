import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.checkins.models import CheckIn
from apps.checkins.services.checkins import checkin_complete, checkin_start, streak
from apps.goals.models import Win
from tests.factories import GoalFactory, MilestoneFactory, ObstacleFactory

# A link to one completed check-in's summary, as the history lists them.
CHECKIN_LINK = re.compile(r'href="/checkins/[0-9a-f-]{36}/"')


def _review_url(checkin):
    return reverse("checkins:review", kwargs={"public_id": checkin.public_id})


@pytest.fixture
def plan(alice):
    numbers = GoalFactory(
        owner=alice,
        title="Run 10 km",
        measure_kind="number",
        measure_unit="km",
        baseline=Decimal(2),
        target_value=Decimal(10),
        current_value=Decimal(2),
    )
    stepped = GoalFactory(owner=alice, title="Get certified")
    first = MilestoneFactory(goal=stepped, title="Pass the mock exam")
    MilestoneFactory(goal=stepped, title="Pass the real exam")
    obstacle = ObstacleFactory(goal=stepped, description="Long work days")
    return {"numbers": numbers, "stepped": stepped, "milestone": first, "obstacle": obstacle}


def _form(plan, **overrides):
    numbers, stepped = plan["numbers"].public_id.hex, plan["stepped"].public_id.hex
    return {
        f"value_{numbers}": "5",
        f"milestones_{stepped}": [plan["milestone"].public_id.hex],
        f"obstacle_{stepped}": plan["obstacle"].public_id.hex,
        f"note_{stepped}": "Studied on the train.",
        "went_well": "Ran 5 km without stopping\n- Booked the exam",
        "challenges": "A busy week at work.",
        "next_steps": "Book the real exam.",
        "confidence": "4",
        "note": "",
        **overrides,
    }


def test_opening_the_start_page_creates_no_draft(alice_client, alice, plan):
    response = alice_client.get(reverse("checkins:start"))

    assert response.status_code == 200
    assert "Start my check-in" in response.content.decode()
    assert not CheckIn.objects.filter(owner=alice).exists()

    alice_client.post(reverse("checkins:start"))
    resumed = alice_client.get(reverse("checkins:start")).content.decode()
    assert _review_url(CheckIn.objects.get(owner=alice)) in resumed
    assert "Continue your check-in" in resumed


def test_starting_twice_resumes_the_same_draft(alice_client, alice, plan):
    first = alice_client.post(reverse("checkins:start"))
    second = alice_client.post(reverse("checkins:start"))
    assert first["Location"] == second["Location"]
    assert CheckIn.objects.filter(owner=alice).count() == 1


def test_a_draft_keeps_partial_work(alice_client, alice, plan):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    response = alice_client.post(_review_url(checkin), _form(plan, save="1"))
    assert response.status_code == 302
    page = alice_client.get(_review_url(checkin)).content.decode()
    assert "Book the real exam." in page
    assert "Studied on the train." in page
    checkin.refresh_from_db()
    assert checkin.is_draft


def test_finishing_updates_goals_records_wins_and_shows_the_summary(
    alice_client, alice, plan, django_capture_on_commit_callbacks
):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    alice_client.post(_review_url(checkin), _form(plan, save="1"))  # saving twice is harmless
    response = alice_client.post(_review_url(checkin), _form(plan, complete="1"), follow=True)

    page = response.content.decode()
    assert "Check-in done" in page
    assert "your streak starts here" in page
    plan["numbers"].refresh_from_db()
    assert plan["numbers"].current_value == Decimal(5)
    plan["milestone"].refresh_from_db()
    assert plan["milestone"].done_at is not None
    titles = set(Win.objects.filter(owner=alice).values_list("title", flat=True))
    assert {"Ran 5 km without stopping", "Booked the exam"} <= titles
    assert sum("Pass the mock exam" in t for t in titles) == 1  # one win, not one per save
    entries = {e.goal_id: e.progress for e in checkin.goal_entries.all()}
    assert entries[plan["numbers"].pk] == 37  # 2 → 5 of 2 → 10 km
    assert entries[plan["stepped"].pk] == 50


def test_a_saved_draft_changes_no_goal_until_the_check_in_is_finished(alice_client, alice, plan):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    numbers, milestone = plan["numbers"], plan["milestone"]

    response = alice_client.post(_review_url(checkin), _form(plan, save="1"))

    assert response.status_code == 302
    numbers.refresh_from_db()
    milestone.refresh_from_db()
    assert (numbers.current_value, milestone.done_at) == (Decimal(2), None)
    assert not Win.objects.filter(owner=alice).exists()
    goal_page = alice_client.get(reverse("plan:goal", kwargs={"public_id": numbers.public_id}))
    assert "2 of 10 km" in goal_page.content.decode()  # as before the draft
    # The draft remembers what it proposes.
    page = alice_client.get(_review_url(checkin)).content.decode()
    assert re.search(rf'name="value_{numbers.public_id.hex}"[^>]*value="5(\.00)?"', page)
    assert re.search(rf'value="{milestone.public_id.hex}"[^>]*checked', page)

    alice_client.post(_review_url(checkin), _form(plan, complete="1"))

    numbers.refresh_from_db()
    milestone.refresh_from_db()
    assert numbers.current_value == Decimal(5)
    assert milestone.done_at is not None


def test_unticking_in_a_draft_reopens_only_when_finished(alice_client, alice, plan):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    milestone = plan["milestone"]
    alice_client.post(
        reverse("milestones:done", kwargs={"public_id": milestone.public_id}), {"done": "1"}
    )
    milestone.refresh_from_db()
    assert milestone.done_at is not None

    alice_client.post(
        _review_url(checkin),
        _form(
            plan,
            save="1",
            **{
                f"milestones_{plan['stepped'].public_id.hex}": [],
            },
        ),
    )
    milestone.refresh_from_db()
    assert milestone.done_at is not None

    alice_client.post(
        _review_url(checkin),
        _form(
            plan,
            complete="1",
            **{
                f"milestones_{plan['stepped'].public_id.hex}": [],
            },
        ),
    )
    milestone.refresh_from_db()
    assert milestone.done_at is None


def test_a_finished_check_in_cannot_be_changed(alice_client, alice, plan):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    alice_client.post(_review_url(checkin), _form(plan, complete="1"))
    response = alice_client.post(_review_url(checkin), _form(plan, went_well="rewritten"))
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert "rewritten" not in checkin.went_well


@pytest.mark.parametrize(
    ("field", "value"), [("confidence", "9"), ("value", "five"), ("went_well", "x" * 6000)]
)
def test_bad_input_is_explained_next_to_its_field(alice_client, alice, plan, field, value):
    alice_client.post(reverse("checkins:start"))
    checkin = CheckIn.objects.get(owner=alice)
    name = f"value_{plan['numbers'].public_id.hex}" if field == "value" else field
    response = alice_client.post(_review_url(checkin), _form(plan, **{name: value}))
    assert response.status_code == 422
    assert f'id="id_{name}_error"' in response.content.decode()
    plan["numbers"].refresh_from_db()
    assert plan["numbers"].current_value == Decimal(2)


def test_another_planner_cannot_see_or_change_a_check_in(client, charlie, alice, plan):
    draft = checkin_start(user=alice)
    client.force_login(charlie)
    assert client.get(_review_url(draft)).status_code == 404
    assert client.post(_review_url(draft), _form(plan)).status_code == 404
    assert (
        client.get(reverse("checkins:detail", kwargs={"public_id": draft.public_id})).status_code
        == 404
    )


def test_streak_counts_check_ins_kept_on_schedule(alice, time_machine):
    start = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)
    for week in [0, 1, 2, 5, 6, 7]:  # a gap of three weeks breaks the streak
        time_machine.move_to(start + timedelta(weeks=week), tick=False)
        checkin_complete(checkin=checkin_start(user=alice))
    assert streak(user=alice, today=timezone.localdate()) == 3


def test_history_shows_streak_and_charts(alice_client, alice, plan, time_machine):
    start = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)
    for week, confidence in enumerate([2, 3, 4]):
        time_machine.move_to(start + timedelta(weeks=week), tick=False)
        draft = checkin_start(user=alice)
        draft.confidence = confidence
        draft.save()
        checkin_complete(checkin=draft)
    page = alice_client.get(reverse("checkins:history")).content.decode()
    assert "3 check-ins in a row" in page
    assert "<td>4 of 5</td>" in page
    assert 'data-time-chart="confidence-chart-data"' in page


def _checkins(user, count, time_machine):
    start = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for n in range(count):
        time_machine.move_to(start + timedelta(days=3 * n), tick=False)
        checkin_complete(checkin=checkin_start(user=user))


@pytest.mark.parametrize("count", [1, 100])
def test_history_query_count_does_not_grow(
    alice_client, alice, plan, time_machine, count, django_assert_num_queries
):
    _checkins(alice, count, time_machine)
    with django_assert_num_queries(9):  # 8 + the navigation's unread count
        response = alice_client.get(reverse("checkins:history"))
    assert response.status_code == 200
    assert len(CHECKIN_LINK.findall(response.content.decode())) == count


@pytest.mark.parametrize("goals", [2, 40])
def test_review_query_count_does_not_grow(alice_client, alice, goals, django_assert_num_queries):
    for _ in range(goals):
        goal = GoalFactory(owner=alice)
        MilestoneFactory.create_batch(2, goal=goal)
        ObstacleFactory(goal=goal)
    draft = checkin_start(user=alice)
    # Two of them read what the draft proposes for the milestones, once for every goal.
    with django_assert_num_queries(10):  # 9 + the navigation's unread count
        response = alice_client.get(_review_url(draft))
    assert response.status_code == 200
    assert response.content.decode().count('class="checkin-goal"') == goals


@pytest.mark.parametrize("goals", [2, 40])
def test_summary_query_count_does_not_grow(alice_client, alice, goals, django_assert_num_queries):
    for _ in range(goals):
        ObstacleFactory(goal=GoalFactory(owner=alice))
    done = checkin_complete(checkin=checkin_start(user=alice))
    # The page's own six, the conversation on it (its comments), the navigation's unread
    # notifications, and (the owner only) the six parts of the self-assessment and the latest
    # snapshot, for the snapshot offer; the viewer's running mentorships.
    with django_assert_num_queries(16):
        response = alice_client.get(
            reverse("checkins:detail", kwargs={"public_id": done.public_id})
        )
    assert response.status_code == 200
    assert response.content.decode().count("Progress of ") == goals
