"""The pieces of `make bench` that can be checked in a second: no server, no load.

The load test itself is `benchmarks/run.py`; here its reading of locust's statistics, its
output lines, its throwaway database name, its planner data and its signed-in baseline.
"""

import pytest
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse

from apps.goals.models import Goal, Horizon, Win
from apps.milestones.models import ActionStep, Milestone
from benchmarks import report, stack
from benchmarks.data import create_planner, signed_in_cookie

# The header locust 2.x writes to <prefix>_stats.csv, and two rows.
STATS_CSV = """\
Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,\
Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,\
80%,90%,95%,98%,99%,99.9%,99.99%,100%
GET,dashboard,2410,0,16,17.2,4,95,24817.0,160.6,0.0,16,18,19,20,23,27,33,38,80,95,95
,Aggregated,2410,0,16,17.2,4,95,24817.0,160.6,0.0,16,18,19,20,23,27,33,38,80,95,95
"""


def _result(name: str, rps: float) -> report.Result:
    return report.Result(name=name, requests=100, failures=0, rps=rps, p50_ms=5, p95_ms=9)


def test_reads_throughput_and_percentiles_of_the_named_row():
    result = report.parse_stats_csv(STATS_CSV, "dashboard")
    assert result == report.Result(
        name="dashboard", requests=2410, failures=0, rps=160.6, p50_ms=16, p95_ms=27
    )


def test_a_page_locust_never_asked_for_is_an_error():
    with pytest.raises(ValueError, match="goal_list"):
        report.parse_stats_csv(STATS_CSV, "goal_list")


def test_prints_each_page_then_its_share_of_the_baseline():
    lines = report.metric_lines(
        [_result("baseline", 800), _result("dashboard", 96), _result("baseline", 800)]
    )
    assert lines == [
        "baseline_rps: 800.0",
        "baseline_p50_ms: 5",
        "baseline_p95_ms: 9",
        "dashboard_rps: 96.0",
        "dashboard_p50_ms: 5",
        "dashboard_p95_ms: 9",
        "baseline_min_rps: 800.0",
        "baseline_max_rps: 800.0",
        "dashboard_ratio: 0.120",
    ]
    metrics = report.parse_metric_lines("\n".join(["warming up: 3 s", *lines]))
    assert metrics["dashboard_ratio"] == pytest.approx(0.12)
    assert "warming up" not in metrics


def test_each_page_is_compared_with_the_baseline_measured_next_to_it():
    # The machine slowed down by half between the first pages and the last.
    runs = [
        _result("baseline", 1000),
        _result("dashboard", 100),
        _result("baseline", 1000),
        _result("goal_detail", 60),
        _result("baseline", 500),
        _result("goal_list", 50),
        _result("baseline", 500),
    ]
    metrics = report.parse_metric_lines("\n".join(report.metric_lines(runs)))
    assert metrics["dashboard_ratio"] == pytest.approx(0.100)
    assert metrics["goal_detail_ratio"] == pytest.approx(60 / 750)
    assert metrics["goal_list_ratio"] == pytest.approx(0.100)
    assert metrics["baseline_rps"] == pytest.approx(750)
    assert (metrics["baseline_min_rps"], metrics["baseline_max_rps"]) == (500, 1000)
    # A page measured after the last baseline is compared with that one.
    lines = report.metric_lines([_result("baseline", 400), _result("goal_list", 40)])
    assert "goal_list_ratio: 0.100" in lines


def test_a_baseline_without_requests_gives_no_ratio():
    with pytest.raises(ValueError, match="baseline"):
        report.ratio(_result("dashboard", 10), _result("baseline", 0))


def test_markdown_rows_for_the_table_of_runs():
    rows = report.markdown_rows(
        [
            _result("baseline", 800),
            _result("goal_list", 100),
            _result("baseline", 1200),
            _result("dashboard", 100),
            _result("baseline", 800),
        ],
        day="2026-05-01",
        commit="abc1234",
    )
    assert rows == [
        "| 2026-05-01 | `abc1234` | baseline | 933.3 | 5 | 9 | — |",
        "| 2026-05-01 | `abc1234` | goal_list | 100.0 | 5 | 9 | 0.100 |",
        "| 2026-05-01 | `abc1234` | dashboard | 100.0 | 5 | 9 | 0.100 |",
    ]


def test_the_benchmark_never_touches_the_database_you_work_with():
    url = "postgres://postgres@127.0.0.1:5432/careerplan?sslmode=disable"
    assert stack.bench_database_url(url) == (
        "postgres://postgres@127.0.0.1:5432/careerplan_bench?sslmode=disable"
    )


@pytest.mark.django_db
def test_planner_has_the_requested_shape_with_done_and_overdue_work():
    user, goals = create_planner(stack.Shape(goals=9, milestones=3, steps=2))
    assert len(goals) == Goal.objects.filter(owner=user).count() == 9
    assert Milestone.objects.filter(goal__owner=user).count() == 27
    assert ActionStep.objects.filter(milestone__goal__owner=user).count() == 54
    assert Goal.objects.filter(owner=user, horizon=Horizon.LONG, children__isnull=False).exists()
    done = Milestone.objects.filter(goal__owner=user, done_at__isnull=False)
    assert done.exists()
    assert Win.objects.filter(owner=user, milestone__in=done).count() == done.count()


@pytest.mark.django_db
def test_a_second_planner_replaces_the_first():
    first, _ = create_planner(stack.Shape(goals=2, milestones=1, steps=1))
    second, _ = create_planner(stack.Shape(goals=2, milestones=1, steps=1))
    assert Goal.objects.filter(owner__email=second.email).count() == 2
    assert not Goal.objects.filter(owner_id=first.pk).exists()


def test_baseline_is_not_a_url_of_the_product():
    with pytest.raises(NoReverseMatch):
        reverse("bench-baseline")


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="benchmarks.urls")
def test_baseline_answers_the_signed_in_cookie_and_sends_strangers_to_sign_in(alice):
    path = reverse("bench-baseline")
    signed_in = Client(HTTP_COOKIE=signed_in_cookie(alice)).get(path)
    assert signed_in.status_code == 200
    assert signed_in.content == b"ok"
    # A valid CSRF cookie came along, so the response sets no cookie of its own.
    assert not signed_in.cookies
    assert Client().get(path).status_code == 302
    # The product's pages are still there under the benchmark's URLconf.
    assert reverse("dashboard:index") == "/"


@pytest.mark.django_db
def test_the_mentor_pages_answer_the_mentors_cookie_with_30_mentees_and_the_conversation():
    from benchmarks.mentoring import COMMENTS, MENTEES, bench_meeting, create_mentor

    planner, goals = create_planner(stack.Shape(goals=2, milestones=1, steps=1))
    user = create_mentor(planner, goals)
    mentor = Client(HTTP_COOKIE=signed_in_cookie(user))
    meeting = mentor.get(reverse("meetings:meeting", args=[bench_meeting(user).public_id]))
    assert meeting.status_code == 200
    assert meeting.content.decode().count("to talk over") == COMMENTS
    mentees = mentor.get(reverse("mentorship:mentees"))
    assert mentees.status_code == 200
    assert mentees.content.decode().count('<th scope="row">') == MENTEES
    # Every other generated mentee has stalled (15 of 29), and so has the bench planner, whose
    # plan has long-overdue work: the page runs every stall check with something to find.
    assert mentees.content.decode().count("May be stalled") == 15 + 1
    # Each stalled mentee's last word is the mentor's two-week-old question.
    assert mentees.content.decode().count("has had no answer for 2 weeks") == 15
    goal = mentor.get(reverse("plan:goal", args=[goals[0].public_id]))
    assert goal.status_code == 200
    assert goal.content.decode().count('class="comment comment-shared"') == 2 * COMMENTS
