"""The conversation on a goal or a check-in, as one reader sees it: threads of comments with
their labels, and the form to add one. Also the panel the goal and check-in pages include
(registered with `apps.core.sharing`), so those pages need no import of this app."""

from dataclasses import dataclass, field

from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core.sharing import Panel
from apps.goals.models import Goal
from apps.mentorship import services
from apps.mentorship.access import active_mentorship
from apps.mentorship.comment_forms import CommentForm
from apps.mentorship.models import Comment, CommentKind
from apps.milestones.models import Milestone

TEMPLATE = "mentorship/conversation.html"


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def target_kind(target: Goal | CheckIn) -> str:
    return "goal" if isinstance(target, Goal) else "checkin"


def target_url(target: Goal | CheckIn) -> str:
    name = "plan:goal" if isinstance(target, Goal) else "checkins:detail"
    return reverse(name, args=[target.public_id])


def target_title(target: Goal | CheckIn) -> str:
    if isinstance(target, Goal):
        return f"“{target.title}”"
    when = target.completed_at or target.created_at
    return f"the check-in of {when:%-d %B %Y}"


def label(comment: Comment, viewer: User) -> str:
    """What the note is, in the viewer's words; shown on it wherever it appears."""
    if comment.kind == CommentKind.MENTOR_NOTE:
        return "Private note · only you see it"
    if comment.kind == CommentKind.OWN_NOTE:
        return "Your own note · only you see it"
    return "Shared comment"


def author_name(comment: Comment, viewer: User) -> str:
    if comment.author_id == viewer.pk:
        return "You"
    if comment.author is None:
        return "A past mentor"
    return comment.author.get_full_name()


def _decorate(comment: Comment, viewer: User) -> Comment:
    comment.label = label(comment, viewer)  # type: ignore[attr-defined]
    comment.who = author_name(comment, viewer)  # type: ignore[attr-defined]
    comment.editable = services.can_edit(comment, viewer)  # type: ignore[attr-defined]
    comment.deletable = services.can_delete(comment, viewer)  # type: ignore[attr-defined]
    return comment


def threads_for(viewer: User, target: Goal | CheckIn) -> list[Thread]:
    """Every comment `viewer` may read on `target`, oldest thread first, in one query."""
    key = {"goal": target} if isinstance(target, Goal) else {"checkin": target}
    rows = (
        Comment.objects.visible_to(viewer)
        .filter(**key)
        .select_related("author", "mentorship", "milestone")
    )
    threads: dict[int, Thread] = {}
    replies: list[Comment] = []
    for comment in rows:
        _decorate(comment, viewer)
        if comment.parent_id is None:
            threads[comment.pk] = Thread(comment)
        else:
            replies.append(comment)
    for reply in replies:
        # A reply whose first comment the viewer cannot read is not shown on its own.
        if reply.parent_id in threads:
            threads[reply.parent_id].replies.append(reply)
    return list(threads.values())


def milestones_of(target: Goal | CheckIn) -> list[Milestone]:
    if not isinstance(target, Goal):
        return []
    return list(Milestone.objects.filter(goal=target).order_by("position", "pk"))


def conversation(viewer: User, target: Goal | CheckIn, *, form: CommentForm | None = None) -> dict:
    """What the conversation part shows `viewer`. Opening it marks it read for a mentor."""
    is_planner = viewer.pk == target.owner_id
    mentorship = None if is_planner else active_mentorship(target.owner_id, viewer)
    milestones = milestones_of(target)
    if mentorship is not None:
        services.comments_mark_read(reader=viewer, target=target)
    planner_name = mentorship.planner.get_full_name() if mentorship else ""
    return {
        "target": target,
        "kind": target_kind(target),
        "title": target_title(target),
        "back": target_url(target),
        "is_planner": is_planner,
        "planner_name": planner_name,
        "threads": threads_for(viewer, target),
        "form": form
        or CommentForm(is_planner=is_planner, planner_name=planner_name, milestones=milestones),
    }


def goal_panel(viewer: User, goal: Goal) -> Panel | None:
    return Panel(TEMPLATE + "#thread", conversation(viewer, goal))


def checkin_panel(viewer: User, checkin: CheckIn) -> Panel | None:
    if checkin.is_draft:
        return None
    return Panel(TEMPLATE + "#thread", conversation(viewer, checkin))
