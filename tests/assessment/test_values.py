"""Values: picking, one's own, and ranking the top five by buttons and by a dragged order."""

import pytest
from django.db import IntegrityError, transaction

from apps.assessment import services
from apps.assessment.models import CareerValue
from tests.assessment.conftest import page
from tests.assessment.factories import ValueFactory


def _ranks(user) -> list[tuple[str, int | None]]:
    return [(v.name, v.rank) for v in CareerValue.objects.filter(owner=user)]


def _top(user) -> list[str]:
    return [v.name for v in CareerValue.objects.filter(owner=user, rank__isnull=False)]


def _pick(client, url, *keys, **extra):
    return client.post(url("values-pick"), {"picking": "1", "keys": list(keys)}, **extra)


def test_a_new_planner_starts_with_the_list_to_tick(alice_client, url):
    response = alice_client.get(url("values"))
    assert response.status_code == 200
    text = page(response)
    assert "Start here: tick what matters to you" in text
    assert "Work-life balance" in text
    assert "Time and energy for life outside work" in text


def test_picked_values_wait_to_be_ranked_then_move_by_buttons(alice, alice_client, url):
    response = _pick(alice_client, url, "autonomy", "learning", "impact")
    assert response.status_code == 302
    assert response.url == url("values") + "#board"
    values = {v.name: v for v in CareerValue.objects.filter(owner=alice)}
    assert set(values) == {"Autonomy", "Learning", "Impact"}
    assert _top(alice) == []

    for name in ("Learning", "Autonomy"):
        alice_client.post(url("value-move", public_id=values[name].public_id), {"move": "in"})
    assert _top(alice) == ["Learning", "Autonomy"]

    response = alice_client.post(
        url("value-move", public_id=values["Autonomy"].public_id), {"move": "up"}, follow=True
    )
    assert _top(alice) == ["Autonomy", "Learning"]
    assert "“Autonomy” is now number 1 of your top 5." in page(response)

    alice_client.post(url("value-move", public_id=values["Autonomy"].public_id), {"move": "out"})
    assert _ranks(alice) == [("Learning", 1), ("Autonomy", None), ("Impact", None)]


def test_an_htmx_move_answers_with_the_board_and_announces_it(alice, alice_client, url, htmx):
    first, second = ValueFactory(owner=alice, rank=1), ValueFactory(owner=alice, rank=2)
    response = alice_client.post(
        url("value-move", public_id=second.public_id), {"move": "up"}, headers=htmx
    )
    assert response.status_code == 200
    text = page(response)
    assert text.lstrip().startswith('<div id="board"')
    assert 'hx-swap-oob="innerHTML"' in text
    assert f"“{second.name}” is now number 1 of your top 5." in text
    assert text.index(second.name) < text.index(first.name)


def test_a_dragged_order_becomes_the_top_five(alice, alice_client, url):
    values = [ValueFactory(owner=alice, name=name) for name in "ABCDEF"]
    order = [values[4], values[0], values[2]]
    response = alice_client.post(
        url("values-rank"), {"ranking": "1", "ranked": [str(v.public_id) for v in order]}
    )
    assert response.status_code == 302
    assert _top(alice) == ["E", "A", "C"]


def test_a_sixth_ranked_value_is_refused_with_a_message(alice, alice_client, url, htmx):
    ranked = [ValueFactory(owner=alice, rank=place) for place in range(1, 6)]
    sixth = ValueFactory(owner=alice, name="Sixth")
    response = alice_client.post(url("value-move", public_id=sixth.public_id), {"move": "in"})
    assert response.status_code == 422
    assert "Your top 5 is full: move one out to make room." in page(response)

    everything = [*ranked, sixth]
    response = alice_client.post(
        url("values-rank"),
        {"ranking": "1", "ranked": [str(v.public_id) for v in everything]},
        headers=htmx,
    )
    assert response.status_code == 422
    assert "You can rank 5 values at most." in page(response)
    assert CareerValue.objects.filter(owner=alice, rank__isnull=False).count() == 5
    assert CareerValue.objects.get(pk=sixth.pk).rank is None


def test_a_ranking_that_names_another_planners_value_touches_nothing(
    alice, charlie, alice_client, url
):
    mine = ValueFactory(owner=alice, name="Mine")
    theirs = ValueFactory(owner=charlie, name="Theirs")
    response = alice_client.post(
        url("values-rank"), {"ranking": "1", "ranked": [str(theirs.public_id), str(mine.public_id)]}
    )
    assert response.status_code == 422
    assert "One of these is not among your values. Reload and try again." in page(response)
    theirs.refresh_from_db()
    assert theirs.rank is None
    assert theirs.owner == charlie
    assert _top(alice) == []
    # And their value's own buttons are a 404 for anyone else.
    response = alice_client.post(url("value-move", public_id=theirs.public_id), {"move": "in"})
    assert response.status_code == 404
    assert CareerValue.objects.get(pk=theirs.pk).rank is None


def test_a_stale_tab_is_told_what_happened_instead_of_failing(alice, alice_client, url):
    value = ValueFactory(owner=alice, name="Autonomy", rank=1)
    # Another tab took it out already; this one still shows it in the top five.
    services.value_move(value=value, move="out")
    response = alice_client.post(url("value-move", public_id=value.public_id), {"move": "up"})
    assert response.status_code == 422
    assert "“Autonomy” is not in your top 5 now." in page(response)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Name the value in a word or two."),
        ("x" * 10_000, "Keep it under 60 characters."),
        ("  ", "Name the value in a word or two."),
    ],
)
def test_a_bad_value_name_gets_a_message_at_the_field(alice_client, url, name, message):
    response = alice_client.post(url("value-add"), {"name": name})
    assert response.status_code == 422
    text = page(response)
    assert message in text
    assert 'id="id_name_error"' in text
    assert 'aria-invalid="true"' in text


def test_a_duplicate_value_is_refused_whatever_its_case(alice, alice_client, url):
    assert alice_client.post(url("value-add"), {"name": "Craftsmanship"}).status_code == 302
    response = alice_client.post(url("value-add"), {"name": "craftsmanship "})
    assert response.status_code == 422
    assert "“craftsmanship” is already one of your values." in page(response)
    assert CareerValue.objects.filter(owner=alice).count() == 1


def test_typing_a_value_from_the_list_picks_that_one(alice, alice_client, url):
    alice_client.post(url("value-add"), {"name": "learning"})
    value = CareerValue.objects.get(owner=alice)
    assert (value.key, value.name) == ("learning", "Learning")
    response = _pick(alice_client, url, "learning")
    assert response.status_code == 302
    assert CareerValue.objects.filter(owner=alice).count() == 1


def test_unticking_a_ranked_value_closes_the_gap(alice, alice_client, url):
    _pick(alice_client, url, "autonomy", "learning", "impact")
    values = {v.key: v for v in CareerValue.objects.filter(owner=alice)}
    services.values_rank(
        owner=alice, ranked=[values[k].public_id for k in ("impact", "autonomy", "learning")]
    )
    _pick(alice_client, url, "autonomy", "learning")
    assert _ranks(alice) == [("Autonomy", 1), ("Learning", 2)]


def test_removing_a_value_needs_its_button(alice, alice_client, url):
    value = ValueFactory(owner=alice, rank=1)
    other = ValueFactory(owner=alice, rank=2)
    assert alice_client.post(url("value-remove", public_id=value.public_id)).status_code == 422
    response = alice_client.post(url("value-remove", public_id=value.public_id), {"confirm": "on"})
    assert response.status_code == 302
    assert _ranks(alice) == [(other.name, 1)]


def test_picking_something_not_on_the_list_is_refused(alice_client, url):
    response = _pick(alice_client, url, "world_domination")
    assert response.status_code == 422
    assert "Pick values from the list." in page(response)


def test_the_database_refuses_two_number_ones_and_a_sixth_place(alice):
    ValueFactory(owner=alice, rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueFactory(owner=alice, rank=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ValueFactory(owner=alice, rank=6)


def test_a_nul_byte_is_refused_before_any_form_sees_it(alice, alice_client, url):
    # NUL in any field is answered in one place for the whole product (a 400 page); nothing
    # reaches the database.
    response = alice_client.post(url("value-add"), {"name": "Fair\x00play"})
    assert response.status_code == 400
    assert not CareerValue.objects.filter(owner=alice).exists()
