"""The page-weight benchmark (`benchmarks/weights.py`) counts what a browser downloads: the
compressed page and each static file it links, the chart library only where a chart is drawn;
and it says which pages are over their budget."""

from benchmarks import weights
from benchmarks.data import create_planner
from benchmarks.stack import Shape


def _by_name(results):
    return {shape.name: (sent, total) for shape, sent, total in results}


def test_pages_are_weighed_compressed_with_what_they_load(db):
    user, goals = create_planner(Shape(goals=3, milestones=2, steps=1))
    weights._check_ins(user, 2)

    found = _by_name(weights._measure(user, goals[0]))

    assert set(found) == {shape.name for shape in weights.SHAPES}
    html, dashboard = found["dashboard"]
    assert 0 < html < dashboard
    # The dashboard draws a chart and loads Chart.js (about 70 kB compressed); the list does not.
    assert dashboard - found["goal_list"][1] > 60_000
    assert found["goal_list"][1] < weights.FIRST_LOAD_KB * 1000
    assert found["goal_list_results"][0] < weights.PARTIAL_KB * 1000


def test_a_page_over_its_budget_is_named_and_counted():
    chart_page = next(s for s in weights.SHAPES if s.name == "dashboard")
    plain = next(s for s in weights.SHAPES if s.name == "goal_list")
    lines = weights.metric_lines([(chart_page, 4_000, 150_000), (plain, 4_000, 120_000)])
    assert lines == [
        "dashboard_kb: 150.0",
        "dashboard_html_kb: 4.0",
        "goal_list_kb: 120.0",
        "goal_list_html_kb: 4.0",
        "over_budget: 1",
    ]
