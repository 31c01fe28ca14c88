import pytest
from django.test import Client

from apps.directory.models import MentorProfile


@pytest.fixture
def bob_profile(bob):
    """bob offers to mentor two people."""
    return MentorProfile.objects.create(
        user=bob, headline="Engineering manager, ten years in product teams", areas=["leadership"]
    )


@pytest.fixture
def bob_client(bob):
    bobs = Client()
    bobs.force_login(bob)
    return bobs
