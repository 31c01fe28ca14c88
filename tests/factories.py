from datetime import date, timedelta

import factory
from allauth.account.models import EmailAddress

from apps.accounts.models import User

PASSWORD = "correct horse battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Faker("name")
    timezone = "Europe/Berlin"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        # allauth refuses sign-in until the address is verified; most tests want a verified one.
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "goals.Goal"

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Goal {n}")
    status = "active"
    specific = "Earn the certificate by passing the exam at the local test centre."
    achievable = "Two evenings a week, and my employer pays the fee."
    relevant = "Moving into project leadership is what I want next."
    target_date = factory.LazyFunction(lambda: date.today() + timedelta(days=120))
    position = factory.Sequence(lambda n: n)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "milestones.Milestone"

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_date = factory.LazyFunction(lambda: date.today() + timedelta(days=30))
    position = factory.Sequence(lambda n: n)


class ActionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "milestones.ActionStep"

    milestone = factory.SubFactory(MilestoneFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
    position = factory.Sequence(lambda n: n)


class ObstacleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "goals.Obstacle"

    goal = factory.SubFactory(GoalFactory)
    kind = "procrastination"
    description = "I put off studying after long work days."
    strategy = "Study first thing on Saturday mornings."


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "goals.Resource"

    goal = factory.SubFactory(GoalFactory)
    kind = "course"
    title = factory.Sequence(lambda n: f"Course {n}")
    url = "https://learning.example.org/course"


class GoalRevisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "goals.GoalRevision"

    goal = factory.SubFactory(GoalFactory)
    author = factory.SelfAttribute("goal.owner")
    changes = factory.LazyFunction(lambda: {"target_date": ["2026-01-01", "2026-03-01"]})
    reason = "The exam moved."


class WinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "goals.Win"

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Win {n}")
    happened_on = factory.LazyFunction(date.today)


class MentorshipFactory(factory.django.DjangoModelFactory):
    """A running mentorship; pass `all_goals=True`, `goals=[…]`, `ended_at=…` as needed."""

    class Meta:
        model = "mentorship.Mentorship"
        skip_postgeneration_save = True

    planner = factory.SubFactory(UserFactory)
    mentor = factory.SubFactory(UserFactory)
    purpose = "Get ready for a team lead role."
    rhythm = "every two weeks"

    @factory.post_generation
    def goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.goals.set(extracted)


INVITATION_TOKEN = "a-known-test-token-" + "x" * 24


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation whose raw token is `raw_token` (the email's link in real use)."""

    class Meta:
        model = "mentorship.Invitation"
        exclude = ["raw_token"]

    raw_token = factory.Sequence(lambda n: f"{INVITATION_TOKEN}-{n}")
    planner = factory.SubFactory(UserFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.com")
    message = "Would you mentor me?"
    token_hash = factory.LazyAttribute(lambda o: _hash(o.raw_token))
    expires_at = factory.LazyFunction(lambda: _in_days(14))
    share_vision = True


def _hash(raw: str) -> str:
    from apps.mentorship.models import token_hash

    return token_hash(raw)


def _in_days(days: int):
    from django.utils import timezone

    return timezone.now() + timedelta(days=days)


class CommentFactory(factory.django.DjangoModelFactory):
    """A shared comment by the planner on their own goal; pass author/kind/mentorship for a
    mentor's."""

    class Meta:
        model = "mentorship.Comment"

    goal = factory.SubFactory(GoalFactory)
    planner = factory.LazyAttribute(lambda o: o.goal.owner if o.goal else o.checkin.owner)
    author = factory.LazyAttribute(lambda o: o.planner)
    kind = "shared"
    body = factory.Sequence(lambda n: f"A thought on this, number {n}.")
    note_of = factory.LazyAttribute(lambda o: None if o.kind == "shared" else o.author)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A one-off meeting of a mentorship, three days from now, its reminder armed."""

    class Meta:
        model = "meetings.Meeting"

    mentorship = factory.SubFactory(MentorshipFactory)
    starts_at = factory.LazyFunction(lambda: _in_days(3).replace(second=0, microsecond=0))
    timezone = "Europe/Berlin"
    set_by = factory.LazyAttribute(lambda o: o.mentorship.mentor)
    remind_at = factory.LazyAttribute(lambda o: o.starts_at - timedelta(hours=24))
