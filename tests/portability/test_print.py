"""The printable plan: a page that the print stylesheet turns into a clean document, and the
same as a PDF made with WeasyPrint."""

import io

from django.urls import reverse
from pypdf import PdfReader

from apps.goals.models import Goal
from tests.portability.plans import full_plan


def test_the_print_page_shows_vision_goals_milestones_and_the_latest_checkin(
    alice_client, alice, bob
):
    full_plan(alice, "Alice", mentor=bob)
    page = alice_client.get(reverse("portability:print")).content.decode()
    assert 'href="/static/css/print.css" media="print"' in page
    assert "Alice leads a data team (now)" in page
    assert "Alice leads a small team (first)" not in page
    assert "Alice become a team lead" in page
    assert "Alice module one" in page
    assert "Alice finished module one" in page
    assert "Alice draft" not in page  # an unfinished check-in is not the latest one


def test_every_page_links_the_print_stylesheet(alice_client):
    page = alice_client.get(reverse("dashboard:index")).content.decode()
    assert 'href="/static/css/print.css" media="print"' in page


def test_the_pdf_holds_the_goal_titles(alice_client, alice, charlie):
    full_plan(alice, "Alice")
    full_plan(charlie, "Charlie")
    Goal.objects.filter(owner=alice, title="Alice become a team lead").update(status="achieved")
    response = alice_client.get(reverse("portability:pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="careerplan-plan.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Alice’s career plan" in text
    assert "Alice become a team lead" in text
    assert "Alice certificate" in text
    assert "Alice module one" in text
    assert "Charlie" not in text


def test_an_empty_plan_prints_with_a_word_for_each_part(alice_client):
    response = alice_client.get(reverse("portability:pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "No vision written yet." in text
    assert "No goals yet." in text
    assert "No check-in finished yet." in text
