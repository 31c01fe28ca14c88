"""The goal page's plain-SQL reads of one goal: each answers with the instances, in the order, of
the ORM query it replaces, in one query, and what the ORM caches on them is there too."""

from datetime import UTC, datetime, timedelta

from apps.goals.models import GoalRevision, Obstacle, Resource
from apps.goals.selectors import obstacles_of, resources_of, revisions_of, values_served
from tests.assessment.factories import ValueFactory
from tests.factories import (
    GoalFactory,
    GoalRevisionFactory,
    ObstacleFactory,
    ResourceFactory,
)

NOON = datetime(2026, 3, 10, 12, tzinfo=UTC)


def _whole(row):
    """Every column's value, and how the ORM marks a loaded row."""
    if row is None:
        return None
    values = tuple(
        (field.attname, getattr(row, field.attname)) for field in row._meta.concrete_fields
    )
    return type(row), values, row._state.db, row._state.adding, row.get_deferred_fields()


def _created(model, rows, hours):
    """Gives `rows` creation times that are not the order they were made in."""
    for row, hour in zip(rows, hours, strict=True):
        model.objects.filter(pk=row.pk).update(created_at=NOON + timedelta(hours=hour))


def test_obstacles_match_the_orms(alice, charlie, django_assert_num_queries):
    goal, other = GoalFactory(owner=alice), GoalFactory(owner=alice)
    # No tie: `Meta.ordering` is the creation time alone, so the ORM leaves ties in no order.
    _created(Obstacle, ObstacleFactory.create_batch(4, goal=goal), [3, 1, 2, 0])
    _created(Obstacle, [ObstacleFactory(goal=other, strategy="")], [2])
    ObstacleFactory(goal=GoalFactory(owner=charlie))

    with django_assert_num_queries(1):
        obstacles = obstacles_of(goal)
    expected = list(goal.obstacles.all())
    assert [_whole(o) for o in obstacles] == [_whole(o) for o in expected]
    assert len(obstacles) == 4
    with django_assert_num_queries(0):
        assert all(obstacle.goal is goal for obstacle in obstacles)
    assert obstacles_of(GoalFactory(owner=alice)) == []


def test_resources_match_the_orms(alice, charlie, django_assert_num_queries):
    goal, other = GoalFactory(owner=alice), GoalFactory(owner=alice)
    made = [
        ResourceFactory(goal=goal, status="done"),
        ResourceFactory(goal=goal, kind="book", url=""),
        ResourceFactory(goal=goal, status="in_progress"),
        ResourceFactory(goal=goal, kind="person"),
    ]
    _created(Resource, made, [2, 0, 3, 1])
    _created(Resource, [ResourceFactory(goal=other)], [1])
    ResourceFactory(goal=GoalFactory(owner=charlie))

    with django_assert_num_queries(1):
        resources = resources_of(goal)
    expected = list(goal.resources.all())
    assert [_whole(r) for r in resources] == [_whole(r) for r in expected]
    assert len(resources) == 4
    with django_assert_num_queries(0):
        assert all(resource.goal is goal for resource in resources)
    assert resources_of(GoalFactory(owner=alice)) == []


def test_values_served_match_the_orms(alice, charlie, django_assert_num_queries):
    goal, other = GoalFactory(owner=alice), GoalFactory(owner=alice)
    # Ranked first, then the unranked by name whatever its case: "Banana" sorts after "apple".
    names_and_ranks = [
        ("cherry", None),
        ("Zeta", 2),
        ("Banana", None),
        ("apple", None),
        ("beta", 1),
    ]
    served = [ValueFactory(owner=alice, name=name, rank=rank) for name, rank in names_and_ranks]
    ValueFactory(owner=alice, name="Not served")
    goal.values.set(served)
    other.values.set([served[0], ValueFactory(owner=alice, name="Another goal's")])
    GoalFactory(owner=charlie).values.set([ValueFactory(owner=charlie, name="aardvark")])

    with django_assert_num_queries(1):
        values = values_served(goal)
    expected = list(goal.values.all())
    assert [_whole(v) for v in values] == [_whole(v) for v in expected]
    assert [v.name for v in values] == ["beta", "Zeta", "apple", "Banana", "cherry"]
    assert values_served(GoalFactory(owner=alice)) == []


def test_revisions_match_the_orms(alice, bob, charlie, django_assert_num_queries):
    goal = GoalFactory(owner=alice)
    made = [
        GoalRevisionFactory(goal=goal),
        GoalRevisionFactory(goal=goal, author=None, reason=""),
        GoalRevisionFactory(goal=goal, author=bob, changes={"current_value": ["1", "2.5"]}),
        # A history imported by hand may hold what is not an object of changes.
        GoalRevisionFactory(goal=goal, changes=["not", "a", "change"]),
        GoalRevisionFactory(goal=goal, author=None, changes="text"),
    ]
    # Three at the same moment: the ORM's tiebreaker, the newest id first, orders them.
    _created(GoalRevision, made, [1, 1, 3, 0, 1])
    GoalRevisionFactory(goal=GoalFactory(owner=alice))
    GoalRevisionFactory(goal=GoalFactory(owner=charlie))

    with django_assert_num_queries(1):
        revisions = revisions_of(goal)
    expected = list(goal.revisions.select_related("author"))
    assert [_whole(r) for r in revisions] == [_whole(r) for r in expected]
    assert [r.pk for r in revisions] == [made[2].pk, made[4].pk, made[1].pk, made[0].pk, made[3].pk]
    with django_assert_num_queries(0):
        authors = [revision.author for revision in revisions]
        assert all(revision.goal is goal for revision in revisions)
    assert [_whole(a) for a in authors] == [_whole(r.author) for r in expected]
    assert [a and a.email for a in authors] == [bob.email, None, None, alice.email, alice.email]
    assert isinstance(revisions[0].changes, dict)
    assert revisions_of(GoalFactory(owner=alice)) == []
