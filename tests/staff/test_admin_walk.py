"""The Django admin holds account and delivery records only: walking every page of every
registered model, as a superuser, never shows a word of anyone's plan."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from apps.assessment.models import Insight, VisionVersion
from apps.checkins.models import CheckIn, DeliveryKind, DeliveryStatus, ReminderDelivery
from apps.mentorship.models import Mentorship
from apps.mentorship.notices import KIND as COMMENT_KIND
from apps.notifications.services import notify
from tests.factories import (
    CommentFactory,
    GoalFactory,
    MilestoneFactory,
    ObstacleFactory,
    WinFactory,
)

SECRET = "PLANTEXT"
# Apps whose records the admin may show: accounts, sign-in addresses, authenticators and
# sessions, groups, the reminder outbox with its schedules, and the notification outbox (its
# mail states, never what a notification is about).
ALLOWED_APPS = {
    "accounts",
    "account",
    "mfa",
    "usersessions",
    "auth",
    "checkins",
    "notifications",
    "sites",
}


@pytest.fixture
def plan_everywhere(alice, bob):
    goal = GoalFactory(owner=alice, title=f"{SECRET} goal", description=f"{SECRET} why")
    MilestoneFactory(goal=goal, title=f"{SECRET} milestone")
    ObstacleFactory(goal=goal, description=f"{SECRET} obstacle")
    WinFactory(owner=alice, goal=goal, title=f"{SECRET} win")
    CheckIn.objects.create(
        owner=alice, went_well=f"{SECRET} went well", completed_at=timezone.now()
    )
    Insight.objects.create(owner=alice, kind="strength", text=f"{SECRET} insight", source="own")
    VisionVersion.objects.create(owner=alice, text=f"{SECRET} vision")
    mentorship = Mentorship.objects.create(planner=alice, mentor=bob, purpose=f"{SECRET} purpose")
    comment = CommentFactory(goal=goal, author=bob, mentorship=mentorship, body=f"{SECRET} comment")
    notify(recipient=alice, kind=COMMENT_KIND, target=comment, actor=bob)
    ReminderDelivery.objects.create(
        user=alice,
        kind=DeliveryKind.CHECKIN,
        occurrence_key="k1",
        due_at=timezone.now(),
        status=DeliveryStatus.FAILED,
    )


def test_only_account_and_delivery_models_are_registered():
    labels = {model._meta.app_label for model in admin.site._registry}
    assert labels <= ALLOWED_APPS, labels - ALLOWED_APPS


def test_no_admin_page_shows_plan_text(client, admin_user, plan_everywhere):
    client.force_login(admin_user)
    pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        pages.append(reverse("admin:app_list", args=[model._meta.app_label]))
        if model_admin.has_add_permission(_request(admin_user)):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
        for obj in model._default_manager.all()[:5]:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    assert len(pages) > 10
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert SECRET not in response.content.decode(), page


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request
