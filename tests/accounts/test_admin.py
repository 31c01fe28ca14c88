from django.urls import reverse

from apps.accounts.models import User
from tests.factories import UserFactory

CHANGELIST = reverse("admin:accounts_user_changelist")


def test_admin_sign_in_goes_through_the_product_sign_in(client, db):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_planner_cannot_enter_the_admin(alice_client):
    response = alice_client.get(CHANGELIST)
    assert response.status_code in {302, 403}
    assert "alice@example.com" not in response.content.decode()


def test_staff_find_people_by_email_or_name(client, admin_user, alice, charlie):
    client.force_login(admin_user)
    by_email = client.get(CHANGELIST, {"q": "alice@"}).content.decode()
    assert "alice@example.com" in by_email
    assert "charlie@example.com" not in by_email
    by_name = client.get(CHANGELIST, {"q": "Charlie"}).content.decode()
    assert "charlie@example.com" in by_name
    assert "alice@example.com" not in by_name


def test_staff_deactivate_and_reactivate_accounts(client, admin_user, alice, password):
    client.force_login(admin_user)
    response = client.post(
        CHANGELIST,
        {"action": "deactivate", "_selected_action": [alice.pk, admin_user.pk]},
        follow=True,
    )
    assert "1 account deactivated." in response.content.decode()
    alice.refresh_from_db()
    admin_user.refresh_from_db()
    assert not alice.is_active
    assert admin_user.is_active  # staff cannot lock themselves out

    client.logout()
    login = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": password}
    )
    assert "_auth_user_id" not in client.session
    assert login.status_code in {200, 302}

    client.force_login(admin_user)
    client.post(CHANGELIST, {"action": "activate", "_selected_action": [alice.pk]})
    assert User.objects.get(pk=alice.pk).is_active


def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, db):
    staff = UserFactory(email="ops@example.com", is_staff=True, is_superuser=True)
    client.force_login(staff)
    for url in (reverse("admin:index"), reverse("admin:accounts_user_changelist")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_a_second_factor_reach_the_admin(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "careerplan administration" in response.content.decode()


def test_planners_without_a_second_factor_are_not_bothered(alice_client):
    assert alice_client.get(reverse("dashboard:index")).status_code == 200
