from django.urls import reverse

from apps.notifications.services import notify
from tests.notifications.kinds import KIND


def test_staff_see_the_mail_state_but_not_what_it_was_about(
    client, admin_user, alice, bob, alices_goal, mentored
):
    note = notify(recipient=bob, kind=KIND, target=alices_goal, actor=alice)
    client.force_login(admin_user)
    listing = client.get(reverse("admin:notifications_notification_changelist")).content.decode()
    assert "bob@example.com" in listing
    assert "Waiting to be emailed" in listing
    page = client.get(reverse("admin:notifications_notification_change", args=[note.pk]))
    assert page.status_code == 200
    assert "Lead the" not in page.content.decode()  # the goal's title
    digests = client.get(reverse("admin:notifications_digestdelivery_changelist"))
    assert digests.status_code == 200
