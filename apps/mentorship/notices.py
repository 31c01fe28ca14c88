"""Notifications about the conversation: a new shared comment or reply tells the other party.
Private and own notes never notify anyone.

The notifications app re-checks, every time it lists or mails one, that the recipient may
still read the comment (`Comment.objects.visible_to`): a mentor whose mentorship ended, or
whose share no longer covers the goal, gets nothing. `describe` adds the planner's side: a
comment from a mentorship that has since ended is not news any more.
"""

from django.db.models import Q
from django.urls import reverse

from apps.accounts.models import User
from apps.mentorship.models import Comment, CommentKind, Mentorship
from apps.notifications.registry import Described
from apps.notifications.services import notify

KIND = "mentorship_comment"
RELATED = ("author", "mentorship", "goal", "checkin")


def recipients(comment: Comment) -> list[User]:
    """The other party: the planner for a mentor's words; for the planner's, the mentors
    whose running share covers the goal or check-in."""
    if comment.kind != CommentKind.SHARED:
        return []
    if comment.author_id != comment.planner_id:
        return [comment.planner]
    running = Mentorship.objects.active().filter(planner_id=comment.planner_id)
    if comment.goal_id is not None:
        running = running.filter(Q(all_goals=True) | Q(goals=comment.goal_id))
    else:
        running = running.filter(share_checkins=True)
    return [m.mentor for m in running.select_related("mentor").distinct()]


def comment_notify(comment: Comment) -> None:
    for recipient in recipients(comment):
        notify(recipient=recipient, kind=KIND, target=comment, actor=comment.author)


def _about(comment: Comment) -> str:
    if comment.goal is not None:
        return f"“{comment.goal.title}”"
    when = comment.checkin.completed_at if comment.checkin else None
    return f"the check-in of {when:%-d %B %Y}" if when else "a check-in"


def describe(notification) -> Described | None:
    comment: Comment = notification.target
    if comment.kind != CommentKind.SHARED:
        return None
    if comment.mentorship is not None and not comment.mentorship.is_active:
        return None
    who = comment.author.get_full_name() if comment.author else "Someone"
    verb = "replied on" if comment.parent_id else "commented on"
    if comment.goal is not None:
        # The whole conversation: the goal page shows only its latest threads, and this one
        # may be among those it leaves out once the notification is read.
        page = reverse("mentorship:conversation", args=["goal", comment.goal.public_id])
    elif comment.checkin is not None:
        page = reverse("checkins:detail", args=[comment.checkin.public_id])
    else:
        return None
    url = f"{page}#comment-{comment.public_id}"
    return Described(summary=f"{who} {verb} {_about(comment)}", url=url, label="Comment")


# -- nudges and deadline requests -------------------------------------------------------

NUDGE_KIND = "mentorship_nudge"
NUDGE_RELATED = ("mentorship", "mentorship__mentor")
DEADLINE_ASKED = "mentorship_deadline_asked"
DEADLINE_COMMENTED = "mentorship_deadline_commented"
DEADLINE_DECIDED = "mentorship_deadline_decided"
DEADLINE_KINDS = (DEADLINE_ASKED, DEADLINE_COMMENTED, DEADLINE_DECIDED)
DEADLINE_RELATED = ("planner", "goal", "milestone", "commented_by")


def nudge_notify(nudge, *, recipient: User, actor: User) -> None:
    notify(recipient=recipient, kind=NUDGE_KIND, target=nudge, actor=actor)


def deadline_notify(request, *, recipient: User, actor: User, kind: str) -> None:
    notify(recipient=recipient, kind=kind, target=request, actor=actor)


def describe_nudge(notification) -> Described | None:
    nudge = notification.target
    if not nudge.mentorship.is_active:
        return None
    who = nudge.mentorship.mentor.get_full_name()
    # The mentor's own words, and nothing of the plan.
    words = f": “{nudge.message}”" if nudge.message else " — they are thinking of your plan."
    url = reverse("mentorship:manage", args=[nudge.mentorship.public_id])
    return Described(summary=f"A nudge from {who}{words}", url=url, label="Nudge")


def describe_deadline(notification) -> Described | None:
    request = notification.target
    actor = notification.actor.get_full_name() if notification.actor else "Someone"
    if notification.kind == DEADLINE_ASKED:
        summary = f"{actor} asks for a new date for {request.subject}"
    elif notification.kind == DEADLINE_COMMENTED:
        summary = f"{actor} commented on your request for {request.subject}"
    else:
        verdict = "accepted" if request.status == "accepted" else "declined"
        summary = f"{actor} {verdict} the new date for {request.subject}"
    url = reverse("plan:goal", args=[request.goal.public_id]) + "#deadline-requests"
    return Described(summary=summary, url=url, label="New date")
