"""`next_meetings`, the finder behind the next meeting on the mentorship lists: one plain-SQL
query, the same meetings as the ORM's DISTINCT ON."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.meetings.hooks import next_meetings
from apps.meetings.models import Meeting
from tests.factories import MeetingFactory, MentorshipFactory


def _orm(ids):
    soon = (
        Meeting.objects.filter(mentorship_id__in=ids, starts_at__gt=timezone.now())
        .order_by("mentorship_id", "starts_at")
        .distinct("mentorship_id")
    )
    return {meeting.mentorship_id: meeting for meeting in soon}


@pytest.mark.django_db
def test_the_next_meetings_match_the_orms(django_assert_num_queries):
    now = timezone.now()
    mentorships = [MentorshipFactory() for _ in range(5)]
    offsets = [[-2, 5, 1, 30], [-1], [], [7, 3], [0.01, 2]]  # days from now
    for mentorship, days in zip(mentorships, offsets, strict=True):
        for day in days:
            MeetingFactory(mentorship=mentorship, starts_at=now + timedelta(days=day))
    ids = [m.pk for m in mentorships[:4]] + [mentorships[4].pk + 1000]

    with django_assert_num_queries(1):
        found = next_meetings(ids)

    expected = _orm(ids)
    assert found.keys() == expected.keys() == {mentorships[0].pk, mentorships[3].pk}
    for key, meeting in found.items():
        assert (meeting.pk, meeting.public_id, meeting.starts_at) == (
            expected[key].pk,
            expected[key].public_id,
            expected[key].starts_at,
        )
    assert next_meetings([]) == {}
