import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from apps.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_mentor_is_listed_with_room_for_more():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    other = Client()
    other.force_login(User.objects.get(email="other@example.com"))
    page = other.get(reverse("directory:index")).content.decode()
    assert "Morgan Mentor" in page
    assert "Engineering manager, twelve years" in page
    assert "engineering management" in page
    # Pat and Sam (the stalled demo mentee)
    assert "Room for 3 mentees · 2 taken" in page


def test_the_directory_is_reachable_from_the_mentorship_section(alice_client):
    home = alice_client.get(reverse("mentorship:home")).content.decode()
    assert f'href="{reverse("directory:index")}"' in home
    page = alice_client.get(reverse("directory:index")).content.decode()
    # The phone menu lists it under Mentorship, and the section is marked as the current one.
    assert ">Find a mentor</a>" in page
    assert '<span class="nav-toggle-here"> · Mentorship</span>' in page


def test_the_demo_directory_shows_a_mentor_at_capacity():
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    planner = Client()
    planner.force_login(User.objects.get(email="planner@example.com"))
    page = planner.get(reverse("directory:index")).content.decode()
    assert "Riley Recruiter" in page
    assert "At capacity" in page
    # Pat already has Morgan as a mentor: the card says so instead of offering a request.
    assert "Mentors you" in page
