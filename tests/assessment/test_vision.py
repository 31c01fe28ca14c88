"""The vision statement: guidance and examples, and every edit kept as a version."""

import pytest

from apps.assessment.models import VisionVersion
from tests.assessment.conftest import page
from tests.assessment.factories import ValueFactory


def test_the_page_guides_with_steps_examples_and_my_top_values(alice, alice_client, url):
    ValueFactory(owner=alice, name="Autonomy", rank=1)
    response = alice_client.get(url("vision"))
    assert response.status_code == 200
    text = page(response)
    assert "Write it in the present tense" in text
    assert "Keep it short" in text
    assert "Yours: Autonomy." in text
    assert text.count("<blockquote>") == 3


def test_every_edit_is_kept_as_a_version(alice, alice_client, url):
    alice_client.post(url("vision"), {"text": "I teach data science."})
    alice_client.post(url("vision"), {"text": "I lead a data team."})
    response = alice_client.post(url("vision"), {"text": "I lead a data team. "}, follow=True)
    assert "No change: your vision already says that." in page(response)
    versions = list(VisionVersion.objects.filter(owner=alice).values_list("text", flat=True))
    assert versions == ["I lead a data team.", "I teach data science."]
    text = page(alice_client.get(url("vision")))
    assert "Earlier versions · 1" in text
    assert "I teach data science." in text


def test_an_earlier_version_can_come_back(alice, alice_client, url):
    alice_client.post(url("vision"), {"text": "First"})
    first = VisionVersion.objects.get(owner=alice)
    alice_client.post(url("vision"), {"text": "Second"})
    response = alice_client.post(url("vision-restore", public_id=first.public_id), follow=True)
    assert "is your vision again" in page(response)
    texts = list(VisionVersion.objects.filter(owner=alice).values_list("text", flat=True))
    assert texts == ["First", "Second", "First"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write a sentence or two about where you are going."),
        ("x" * 10_000, "Keep it under 1,500 characters."),
    ],
)
def test_bad_input_gets_a_message_at_the_field(alice, alice_client, url, text, message):
    response = alice_client.post(url("vision"), {"text": text})
    assert response.status_code == 422
    assert message in page(response)
    assert not VisionVersion.objects.filter(owner=alice).exists()
