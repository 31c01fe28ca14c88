"""The work-interests profile: thirty items written for careerplan, scored over the six RIASEC
areas, with the three-letter code and what each area means; retaken, every result kept."""

from apps.assessment import riasec
from apps.assessment.models import InterestResult
from tests.assessment.conftest import page


def _answers(**by_area: int) -> dict[str, str]:
    """Every item of an area at the same level; areas not named at 1."""
    return {key: str(by_area.get(key[0].upper(), 1)) for key, _ in riasec.ITEMS}


def test_five_items_per_area_in_a_mixed_order():
    letters = [key[0] for key, _ in riasec.ITEMS]
    assert sorted(set(letters)) == sorted("riasec")
    assert all(letters.count(letter) == 5 for letter in "riasec")
    assert letters[:6] == list("riasec")


def test_scores_run_from_0_to_100_and_the_code_takes_the_top_three():
    scores = riasec.scores({key: 1 for key, _ in riasec.ITEMS} | {"s1": 5, "s2": 5, "a1": 3})
    assert scores["R"] == 0
    assert scores["S"] == 40
    assert scores["A"] == 10
    assert riasec.code(riasec.scores({k: int(v) for k, v in _answers(S=5, I=4, A=3).items()})) == (
        "SIA"
    )


def test_ties_keep_the_riasec_order_and_the_reading_says_so():
    scores = {"R": 50, "I": 50, "A": 50, "S": 50, "E": 50, "C": 50}
    assert riasec.code(scores) == "RIA"
    reading = " ".join(riasec.reading(scores))
    assert "read the code as a starting point, not a verdict" in reading
    assert "broad interests" in reading


def test_taking_the_profile_shows_the_code_and_what_it_means(alice, alice_client, url):
    response = alice_client.get(url("profile-take"))
    assert response.status_code == 200
    assert page(response).count('type="radio"') == 30 * 5
    response = alice_client.post(url("profile-take"), _answers(S=5, E=4, C=3), follow=True)
    assert response.status_code == 200
    text = page(response)
    assert "Your work-interests code is SEC." in text
    assert '<span class="riasec-code">SEC</span>' in text
    assert "Your strongest interest is Social (helping)" in text
    assert "You like work where people are the point" in text
    # The chart's numbers, as the table a browser without JavaScript shows.
    assert '<th scope="row">Social</th>\n          <td>100</td>' in text
    assert 'id="interest-scores-data" type="application/json"' in text
    result = InterestResult.objects.get(owner=alice)
    assert result.scores == {"R": 0, "I": 0, "A": 0, "S": 100, "E": 75, "C": 50}


def test_a_retake_is_kept_next_to_the_first(alice, alice_client, url):
    alice_client.post(url("profile-take"), _answers(S=5, E=4, C=3))
    alice_client.post(url("profile-take"), _answers(A=5, I=4, S=3))
    text = page(alice_client.get(url("profile")))
    assert '<span class="riasec-code">AIS</span>' in text
    assert "Earlier results" in text
    assert "<strong>SEC</strong>" in text
    assert InterestResult.objects.filter(owner=alice).count() == 2


def test_missing_and_out_of_range_answers_are_shown_at_their_item(alice, alice_client, url):
    answers = _answers(S=5)
    del answers["r3"]
    answers["c2"] = "6"
    response = alice_client.post(url("profile-take"), answers)
    assert response.status_code == 422
    text = page(response)
    assert "2 activities still need an answer" in text
    assert 'id="id_r3_error">Choose how much you would enjoy this.' in text
    assert 'id="id_c2_error">Choose one of the five answers.' in text
    assert 'href="#id_r3_0"' in text
    assert not InterestResult.objects.filter(owner=alice).exists()
