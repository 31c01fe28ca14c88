from django.urls import reverse


def test_new_planner_is_led_to_profile_and_two_factor(client, db):
    from tests.factories import UserFactory

    newcomer = UserFactory(display_name="", timezone="UTC")
    client.force_login(newcomer)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Complete your profile" in page
    assert "Set up two-factor" in page
    assert "No goals yet" in page


def test_dashboard_greets_by_name_and_marks_profile_done(alice_client):
    page = alice_client.get(reverse("dashboard:index")).content.decode()
    assert "Welcome, Alice" in page
    assert "Complete your profile" not in page
    assert 'aria-current="page"' in page  # the Dashboard entry of the main navigation


def test_dashboard_query_count_is_pinned(alice_client, django_assert_num_queries):
    # session, user, MFA state
    with django_assert_num_queries(3):
        alice_client.get(reverse("dashboard:index"))


def test_signed_out_visitor_is_sent_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
