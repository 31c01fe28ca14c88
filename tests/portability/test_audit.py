"""Every copy of a planner's data that leaves the site, and every import, shows on their
security log (Account → Security log): what and in which format, never the plan's text."""

import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.portability.document import build
from apps.portability.models import DataExport
from tests.factories import UserFactory
from tests.portability.plans import full_plan

LOG = reverse("accounts:security-log")


def _rows(client) -> list[str]:
    """The log's rows as the person reads them, newest first, tags and spaces collapsed; the
    test's own sign-in left out."""
    page = client.get(LOG).content.decode()
    rows = re.findall(r"<tr>\s*<td><time.*?</tr>", page, re.S)
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in rows]
    return [row for row in rows if "Signed in" not in row]


def test_downloading_the_json_file_shows_on_the_security_log(alice_client, alice):
    full_plan(alice, "Alice")
    alice_client.post(reverse("portability:export"))
    export = DataExport.objects.get()
    assert _rows(alice_client) == []
    response = alice_client.get(
        reverse("portability:download", args=[export.public_id]), REMOTE_ADDR="203.0.113.7"
    )
    assert response.status_code == 200
    (row,) = _rows(alice_client)
    assert "Data exported All your data as JSON 203.0.113.7" in row


def test_each_csv_and_the_pdf_show_on_the_security_log(alice_client, alice):
    full_plan(alice, "Alice")
    assert alice_client.get(reverse("portability:goals-csv")).status_code == 200
    assert alice_client.get(reverse("portability:milestones-csv")).status_code == 200
    assert alice_client.get(reverse("portability:pdf")).status_code == 200
    pdf, milestones, goals = _rows(alice_client)
    assert "Plan downloaded as PDF The printable plan" in pdf
    assert "Data exported Your milestones as CSV" in milestones
    assert "Data exported Your goals as CSV" in goals
    # The log says what left, never what it said.
    assert not any("Alice" in row for row in (pdf, milestones, goals))


def test_an_import_shows_with_its_counts_and_a_refused_one_not_at_all(client, alice):
    full_plan(alice, "Alice")
    content = json.dumps(build(alice)).encode()
    newcomer = UserFactory(email="newcomer@example.com", display_name="New")
    client.force_login(newcomer)
    url = reverse("portability:import")

    refused = client.post(url, {"file": SimpleUploadedFile("plan.json", b"not json")})
    assert refused.status_code == 422
    assert _rows(client) == []

    client.post(url, {"file": SimpleUploadedFile("plan.json", content)})
    (row,) = _rows(client)
    assert "Data imported 2 goals, 2 check-ins, 3 notes" in row
