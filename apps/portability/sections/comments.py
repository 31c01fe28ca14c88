"""The conversation on the plan: the shared comments on the planner's goals and check-ins,
whoever wrote them, and the planner's own notes. Never a mentor's private note, which is the
mentor's alone (`Comment.objects.owned_by` leaves them out), and never what the planner wrote
as someone else's mentor, which is about that person's plan.

An import brings back the planner's own notes, their words for themselves, on the goals,
milestones and check-ins the file creates. Shared comments stay behind, the planner's replies
included: they are a conversation with a mentor, and mentorships are not imported either; a
shared comment brought into a new account would be read by whoever is shared the goal next.
"""

from typing import Any

from apps.accounts.models import User
from apps.mentorship.conversation import author_name
from apps.mentorship.models import Comment, CommentKind
from apps.portability.encoding import Refused
from apps.portability.people import name_of
from apps.portability.registry import IdMap, Section, register
from apps.portability.sections.rows import build, entry, ordered, save_all

COMMENT = ("kind", "body", "edited_at")
TARGETS = ("goal", "milestone", "checkin")


def _pid(row: Any) -> str | None:
    return str(row.public_id) if row is not None else None


def dump_comments(user: User) -> list[dict[str, Any]]:
    comments = ordered(Comment.objects.owned_by(user)).select_related(
        "author", "mentorship", "goal", "milestone", "checkin", "parent"
    )
    return [
        entry(
            comment,
            COMMENT,
            # In the words the conversation shows the planner: "You", the mentor's name, or
            # "A past mentor" once their account is gone.
            author=_author(comment, user),
            from_past_mentor=comment.from_past_mentor,
            parent=_pid(comment.parent),
            **{name: _pid(getattr(comment, name)) for name in TARGETS},
        )
        for comment in comments
    ]


def _note(user: User, item: dict[str, Any], place: str, ids: IdMap) -> Comment:
    goal, milestone, checkin = (ids.get(n, item.get(n), f"{place}.{n}") for n in TARGETS)
    if (goal is None) == (checkin is None):
        raise Refused(place, "must be about one goal or one check-in.")
    if milestone is not None and (goal is None or milestone.goal_id != goal.pk):
        raise Refused(f"{place}.milestone", "names a milestone of another goal.")
    fixed = {"planner": user, "author": user, "note_of": user, "kind": CommentKind.OWN_NOTE}
    return build(
        Comment, item, ("body", "edited_at"), place,
        goal=goal, milestone=milestone, checkin=checkin, **fixed,
    )  # fmt: skip


def load_comments(user: User, data: list[dict[str, Any]], ids: IdMap) -> None:
    notes = [(f"comments[{n}]", i) for n, i in enumerate(data) if i["kind"] == CommentKind.OWN_NOTE]
    # One level of replies: the first notes are written before the replies that point at them.
    firsts = [(place, item) for place, item in notes if item.get("parent") is None]
    replies = [(place, item) for place, item in notes if item.get("parent") is not None]
    created = _save(user, firsts, ids)
    parents = {item["id"]: row for (_, item), row in zip(firsts, created, strict=True)}
    _save(user, replies, ids, parents=parents)


def _save(
    user: User,
    notes: list[tuple[str, dict[str, Any]]],
    ids: IdMap,
    parents: dict[str, Comment] | None = None,
) -> list[Comment]:
    rows = []
    for place, item in notes:
        row = _note(user, item, place, ids)
        if parents is not None:
            row.parent = parents.get(item["parent"])
            if row.parent is None:
                raise Refused(f"{place}.parent", "answers a note that is not one of your own.")
            if (row.parent.goal_id, row.parent.checkin_id) != (row.goal_id, row.checkin_id):
                raise Refused(f"{place}.parent", "answers a note about something else.")
        rows.append(row)
    created = save_all(Comment, rows)
    for (_, item), row in zip(notes, created, strict=True):
        ids.add("comment", item["id"], row)
    return created


register(Section(key="comments", order=60, dump=dump_comments, load=load_comments))


def _author(comment: Comment, user: User) -> str:
    # The conversation's own wording ("You", "A past mentor"), but a name, never an address.
    if comment.author is not None and comment.author_id != user.pk:
        return name_of(comment.author)
    return author_name(comment, user)
