"""The conversation on a shared goal, a milestone and a check-in: who writes what, who reads
what, and what stays when a mentorship ends."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.mentorship.models import Comment
from apps.mentorship.services import mentorship_end
from tests.factories import MentorshipFactory, MilestoneFactory, UserFactory

HTMX = {"HX-Request": "true"}


def add_url(target, kind="goal"):
    return reverse("mentorship:comment-add", args=[kind, target.public_id])


def goal_url(goal):
    return reverse("plan:goal", args=[goal.public_id])


def say(client, goal, body, kind="shared", **extra):
    return client.post(add_url(goal), {"body": body, "kind": kind, **extra})


@pytest.fixture
def erin_client(alice, shared_goal):
    """A second mentor of alice's whose share covers the same goal."""
    erin = UserFactory(email="erin@example.com", display_name="Erin")
    MentorshipFactory(planner=alice, mentor=erin, goals=[shared_goal])
    client = Client()
    client.force_login(erin)
    return client


def test_mentor_comments_and_planner_replies_on_the_goal_page(
    mentorship, shared_goal, alice_client, bob_client
):
    response = say(bob_client, shared_goal, "Have you asked **your manager** yet?")
    assert response.status_code == 302
    assert response.url == goal_url(shared_goal) + "#comment-" + str(
        Comment.objects.get().public_id
    )

    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert "<strong>your manager</strong>" in page
    assert "Bob" in page
    assert "Shared comment" in page

    comment = Comment.objects.get()
    alice_client.post(
        reverse("mentorship:comment-reply", args=[comment.public_id]), {"body": "Not yet, Friday."}
    )
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Not yet, Friday." in page
    assert comment.replies.get().author.email == "alice@example.com"


def test_a_reply_to_a_reply_joins_the_first_comment(
    mentorship, shared_goal, alice_client, bob_client
):
    say(bob_client, shared_goal, "First")
    first = Comment.objects.get()
    alice_client.post(
        reverse("mentorship:comment-reply", args=[first.public_id]), {"body": "Second"}
    )
    second = Comment.objects.get(body="Second")
    bob_client.post(reverse("mentorship:comment-reply", args=[second.public_id]), {"body": "Third"})
    third = Comment.objects.get(body="Third")
    assert third.parent == first
    assert list(first.replies.order_by("created_at").values_list("body", flat=True)) == [
        "Second",
        "Third",
    ]


def test_private_notes_are_for_their_author_alone(
    mentorship, shared_goal, alice_client, bob_client, erin_client
):
    say(bob_client, shared_goal, "Bob's private reminder", kind="mentor_note")
    say(erin_client, shared_goal, "Erin's private reminder", kind="mentor_note")
    say(alice_client, shared_goal, "Alice's own worry", kind="own_note")

    bobs_page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Bob's private reminder" in bobs_page
    assert "Private note · only you see it" in bobs_page
    assert "Erin's private reminder" not in bobs_page
    assert "Alice's own worry" not in bobs_page

    alices_page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert "Alice's own worry" in alices_page
    assert "Your own note · only you see it" in alices_page
    assert "private reminder" not in alices_page

    # The HTMX answer to a write shows the same selection as the page.
    partial = say(bob_client, shared_goal, "Shared now", **{}).content.decode()
    partial = bob_client.post(
        add_url(shared_goal), {"body": "Via htmx", "kind": "shared"}, headers=HTMX
    ).content.decode()
    assert 'id="conversation"' in partial
    assert "Via htmx" in partial
    assert "Alice's own worry" not in partial
    assert "Erin's private reminder" not in partial


def test_a_mentor_cannot_write_the_planners_kind_of_note(mentorship, shared_goal, bob_client):
    response = say(bob_client, shared_goal, "Sneaky", kind="own_note")
    assert response.status_code == 422
    assert not Comment.objects.exists()


def test_a_mentor_never_reaches_a_planners_own_note_by_its_address(
    mentorship, shared_goal, alice_client, bob_client
):
    say(alice_client, shared_goal, "Only mine", kind="own_note")
    note = Comment.objects.get()
    for name in ("comment-edit", "comment-delete"):
        assert (
            bob_client.get(reverse(f"mentorship:{name}", args=[note.public_id])).status_code == 404
        )
    reply = bob_client.post(
        reverse("mentorship:comment-reply", args=[note.public_id]), {"body": "Peek"}
    )
    assert reply.status_code == 404


def test_the_author_edits_within_fifteen_minutes(mentorship, shared_goal, bob_client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    say(bob_client, shared_goal, "Typo in here")
    comment = Comment.objects.get()
    edit = reverse("mentorship:comment-edit", args=[comment.public_id])
    assert bob_client.post(edit, {"body": "No typo"}).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "No typo"
    assert comment.edited_at is not None

    time_machine.shift(timedelta(minutes=16))
    response = bob_client.post(edit, {"body": "Too late"})
    assert response.status_code == 422
    assert "15 minutes" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "No typo"


def test_only_the_author_edits(mentorship, shared_goal, alice_client, bob_client):
    say(bob_client, shared_goal, "Bob's words")
    comment = Comment.objects.get()
    edit = reverse("mentorship:comment-edit", args=[comment.public_id])
    assert alice_client.post(edit, {"body": "Alice's words"}).status_code == 404
    comment.refresh_from_db()
    assert comment.body == "Bob's words"


def test_the_planner_deletes_any_comment_and_a_mentor_only_their_own(
    mentorship, shared_goal, alice_client, bob_client
):
    say(alice_client, shared_goal, "Alice asks")
    say(bob_client, shared_goal, "Bob answers")
    alices, bobs = Comment.objects.get(body="Alice asks"), Comment.objects.get(body="Bob answers")

    delete = lambda c: reverse("mentorship:comment-delete", args=[c.public_id])  # noqa: E731
    assert bob_client.post(delete(alices), {"confirm": "on"}).status_code == 404
    assert Comment.objects.filter(pk=alices.pk).exists()

    assert alice_client.post(delete(bobs), {"confirm": "on"}).status_code == 302
    assert not Comment.objects.filter(pk=bobs.pk).exists()

    say(bob_client, shared_goal, "Bob again")
    again = Comment.objects.get(body="Bob again")
    response = bob_client.post(delete(again), {"confirm": "on"}, headers=HTMX)
    assert response.status_code == 200
    assert "Bob again" not in response.content.decode()
    assert not Comment.objects.filter(pk=again.pk).exists()


def test_after_the_end_the_planner_keeps_what_the_mentor_wrote(
    mentorship, shared_goal, alice, alice_client, bob_client
):
    say(bob_client, shared_goal, "Keep going!")
    say(bob_client, shared_goal, "Bob's own memo", kind="mentor_note")
    comment = Comment.objects.get(body="Keep going!")
    mentorship_end(mentorship=mentorship, by=alice)

    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert "Keep going!" in page
    assert "from a past mentor" in page
    assert "Bob's own memo" not in page

    assert bob_client.get(goal_url(shared_goal)).status_code == 404
    assert say(bob_client, shared_goal, "Still here?").status_code == 404
    for name in ("comment-edit", "comment-delete"):
        assert (
            bob_client.get(reverse(f"mentorship:{name}", args=[comment.public_id])).status_code
            == 404
        )


def test_narrowing_the_share_hides_the_conversation(
    mentorship, shared_goal, alice, alice_client, bob_client
):
    say(alice_client, shared_goal, "Still shared?")
    mentorship.goals.clear()
    assert not Comment.objects.visible_to(mentorship.mentor).exists()
    assert say(bob_client, shared_goal, "Hello?").status_code == 404


def test_a_comment_about_a_milestone_says_so(mentorship, shared_goal, alice, bob_client):
    milestone = MilestoneFactory(goal=shared_goal, title="Shadow a lead")
    say(bob_client, shared_goal, "How did it go?", about=str(milestone.public_id))
    assert Comment.objects.get().milestone == milestone
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "on the milestone “Shadow a lead”" in page


def test_a_milestone_of_another_goal_is_refused(mentorship, shared_goal, private_goal, bob_client):
    MilestoneFactory(goal=shared_goal, title="Visible")
    other = MilestoneFactory(goal=private_goal, title="Hidden")
    response = say(bob_client, shared_goal, "Hm", about=str(other.public_id))
    assert response.status_code == 422
    assert not Comment.objects.exists()


def test_comments_on_a_shared_checkin(mentorship, alice, alice_client, bob_client):
    checkin = checkin_complete(checkin=checkin_start(user=alice))
    response = bob_client.post(
        add_url(checkin, "checkin"), {"body": "Good week!", "kind": "shared"}
    )
    assert response.status_code == 302
    page = alice_client.get(reverse("checkins:detail", args=[checkin.public_id])).content.decode()
    assert "Good week!" in page
    assert "Conversation" in page


def test_typed_html_in_a_comment_stays_text(mentorship, shared_goal, alice_client, bob_client):
    say(bob_client, shared_goal, '<script>alert("x")</script> [x](javascript:alert(1))')
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page


def test_an_empty_comment_is_refused_in_place(mentorship, shared_goal, bob_client):
    response = bob_client.post(
        add_url(shared_goal), {"body": "   ", "kind": "shared"}, headers=HTMX
    )
    assert response.status_code == 422
    assert 'id="conversation"' in response.content.decode()
    assert not Comment.objects.exists()


def test_the_mentees_page_counts_unread_comments_until_the_mentor_opens_them(
    mentorship, shared_goal, alice_client, bob_client
):
    say(alice_client, shared_goal, "Any advice?")
    say(alice_client, shared_goal, "Also this", kind="own_note")
    say(bob_client, shared_goal, "Bob's own words")
    mentees = reverse("mentorship:mentees")
    page = bob_client.get(mentees).content.decode()
    assert ">1 new</a>" in page

    bob_client.get(goal_url(shared_goal))
    assert "new</a>" not in bob_client.get(mentees).content.decode()

    say(alice_client, shared_goal, "One more")
    assert ">1 new</a>" in bob_client.get(mentees).content.decode()


def test_the_mentorship_home_leads_with_mentees_for_a_mentor(mentorship, bob_client):
    page = bob_client.get(reverse("mentorship:home")).content.decode()
    assert page.index("People you mentor") < page.index("Your mentors")
    assert "Alice" in page


def test_a_deleted_mentor_account_takes_its_private_notes_and_leaves_its_comments(
    mentorship, shared_goal, bob, alice_client, bob_client
):
    say(bob_client, shared_goal, "Shared advice")
    say(bob_client, shared_goal, "Bob's memo", kind="mentor_note")
    bob.delete()
    assert list(Comment.objects.values_list("body", flat=True)) == ["Shared advice"]
    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert "Shared advice" in page
    assert "A past mentor" in page
    assert "from a past mentor" in page


def test_the_shared_plan_says_which_goal_has_new_comments(
    mentorship, shared_goal, alice_client, bob_client
):
    say(alice_client, shared_goal, "Question one")
    say(alice_client, shared_goal, "Question two")
    mentee = reverse("mentorship:mentee", args=[mentorship.public_id])
    assert "2 new comments" in bob_client.get(mentee).content.decode()
    bob_client.get(goal_url(shared_goal))
    assert "new comment" not in bob_client.get(mentee).content.decode()


def test_the_comment_form_follows_the_goal_and_the_writer(
    mentorship, shared_goal, alice, alice_client, bob_client
):
    """The form's markup is written once per process for what it depends on: a new milestone,
    a renamed planner, the other side of the mentorship and a form with errors each show their
    own, never an earlier page's."""
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Shared — Alice reads it" in page
    assert 'name="about"' not in page  # no milestones yet: nothing to choose

    milestone = MilestoneFactory(goal=shared_goal, title="Hire the first two")
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert f'<option value="{milestone.public_id}">Milestone: Hire the first two</option>' in page

    alice.display_name = "Alice B."
    alice.save(update_fields=["display_name"])
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert "Shared — Alice B. reads it" in page
    assert "Shared — Alice reads it" not in page

    page = alice_client.get(goal_url(shared_goal)).content.decode()
    assert "Your own note — only you see it" in page
    assert "Private note — only you see it" not in page

    response = bob_client.post(add_url(shared_goal), {"body": "", "kind": "shared"})
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.content.decode()
    page = bob_client.get(goal_url(shared_goal)).content.decode()
    assert 'aria-invalid="true"' not in page
