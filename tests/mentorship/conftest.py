import pytest
from django.test import Client

from tests.factories import GoalFactory, MentorshipFactory


@pytest.fixture
def shared_goal(alice):
    return GoalFactory(owner=alice, title="Lead a team of five")


@pytest.fixture
def private_goal(alice):
    return GoalFactory(owner=alice, title="Secret side project")


@pytest.fixture
def mentorship(alice, bob, shared_goal):
    """bob mentors alice; she shares one goal and her check-ins."""
    return MentorshipFactory(planner=alice, mentor=bob, goals=[shared_goal], share_checkins=True)


@pytest.fixture
def bob_client(bob):
    """A client of bob's own, so a test can hold alice's (`alice_client`) beside it."""
    bobs = Client()
    bobs.force_login(bob)
    return bobs
