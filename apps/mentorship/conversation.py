"""The conversation on a goal or a check-in, as one reader sees it: threads of comments with
their labels, and the form to add one. Also the panel the goal and check-in pages include
(registered with `apps.core.sharing`), so those pages need no import of this app."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core import scope
from apps.core.dates import moment_writer
from apps.core.markdown import render_markdown
from apps.core.printed import PrintedRow
from apps.core.sharing import Panel
from apps.core.templatetags.plan_tags import link
from apps.goals.models import Goal
from apps.mentorship import services
from apps.mentorship.comment_forms import CommentForm
from apps.mentorship.comment_rows import Row, comment_rows
from apps.mentorship.models import Comment, CommentKind
from apps.mentorship.viewing import running_mentorship
from apps.milestones.models import Milestone
from apps.plan.views.goal_page import milestones_key

TEMPLATE = "mentorship/conversation.html"
# The goal page stays short: it shows the threads with the latest activity, and the rest
# behind a control that loads the whole conversation. Unread threads are never held back.
GOAL_PAGE_THREADS = 5
# Writes a note's moment as its `iso` and `stamp` (`core.dates.moment_writer`).
type Moment = Callable[[datetime], tuple[str, str]]


@dataclass(frozen=True)
class Note(PrintedRow):
    """One comment as the viewer sees it, its strings worked out here once: the template of a
    note runs for every comment of a long conversation."""

    pid: str
    kind: str
    who: str
    label: str
    past: bool  # from a mentor whose mentorship has ended
    about: str  # the milestone's title, if it is about one
    created_at: datetime
    iso: str
    stamp: str
    ago: str
    edited: bool
    html: str
    unread: bool
    edit_url: str = ""  # while its author may still change it
    delete_url: str = ""  # for whoever may delete it
    delete_question: str = ""


@dataclass
class Thread(PrintedRow):
    comment: Note
    replies: list[Note] = field(default_factory=list)
    reply_url: str = ""
    reply_label: str = ""  # who reads a reply: the first comment's label


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


def label(kind: str) -> str:
    """What the note is, in the viewer's words; shown on it wherever it appears."""
    if kind == CommentKind.MENTOR_NOTE:
        return "Private note · only you see it"
    if kind == CommentKind.OWN_NOTE:
        return "Your own note · only you see it"
    return "Shared comment"


def _named(author_id: int | None, name: str | None, viewer: User) -> str:
    if author_id == viewer.pk:
        return "You"
    return "A past mentor" if name is None else name


def author_name(comment: Comment, viewer: User) -> str:
    name = comment.author.get_full_name() if comment.author is not None else None
    return _named(comment.author_id, name, viewer)


def _note(c: Row, viewer: User, moment: Moment) -> Note:
    iso, stamp = moment(c.created_at)
    deletable = services.can_delete(c, viewer)
    replies = "" if c.parent_id else " and any replies to it"
    what = CommentKind(c.kind).label.lower()
    question = f"Delete this {what}{replies}?" if deletable else ""
    pid = c.pid
    return Note(
        pid=pid,
        kind=c.kind,
        who=_named(c.author_id, c.author_name, viewer),
        label=label(c.kind),
        past=c.from_past_mentor,
        about=c.about,
        created_at=c.created_at,
        iso=iso,
        stamp=stamp,
        ago=naturaltime(c.created_at),
        edited=c.edited_at is not None,
        html=render_markdown(c.body),
        unread=c.unread,
        edit_url=link("mentorship:comment-edit", pid) if services.can_edit(c, viewer) else "",
        delete_url=link("mentorship:comment-delete", pid) if deletable else "",
        delete_question=question,
    )


@dataclass
class _Loaded:
    """A thread as loaded, before its notes are written: choosing which threads the page
    shows needs only their times and whether they hold news."""

    comment: Row
    replies: list[Row] = field(default_factory=list)
    unread: bool = False

    @property
    def last_at(self) -> datetime:
        return max(c.created_at for c in (self.comment, *self.replies))

    @property
    def size(self) -> int:
        return 1 + len(self.replies)


def _load_threads(viewer: User, target: Goal | CheckIn) -> list[_Loaded]:
    """Every comment `viewer` may read on `target`, oldest thread first, in one query."""
    threads: dict[int, _Loaded] = {}
    replies: list[Row] = []
    for comment in comment_rows(viewer, target):
        if comment.parent_id is None:
            threads[comment.id] = _Loaded(comment)
        else:
            replies.append(comment)
    for reply in replies:
        # A reply whose first comment the viewer cannot read is not shown on its own.
        if reply.parent_id in threads:
            threads[reply.parent_id].replies.append(reply)
    for thread in threads.values():
        thread.unread = any(c.unread for c in (thread.comment, *thread.replies))
    return list(threads.values())


def _written(thread: _Loaded, viewer: User, moment: Moment) -> Thread:
    note = _note(thread.comment, viewer, moment)
    return Thread(
        note,
        replies=[_note(reply, viewer, moment) for reply in thread.replies],
        reply_url=link("mentorship:comment-reply", note.pid),
        reply_label=note.label.lower(),
    )


def latest(threads: list[_Loaded], count: int = GOAL_PAGE_THREADS) -> list[_Loaded]:
    """The `count` threads with the newest activity and every unread one, in their order."""
    newest = {id(t) for t in sorted(threads, key=lambda t: t.last_at, reverse=True)[:count]}
    return [t for t in threads if id(t) in newest or t.unread]


def milestones_of(target: Goal | CheckIn) -> list[Milestone]:
    """The milestones a comment may be about: on the goal page, the ones it has just shown."""
    if not isinstance(target, Goal):
        return []
    # The page's list (with steps) when it has loaded one; never stored under its key, so a
    # page rendered after the conversation still gets the list it expects.
    shown = scope.recall(milestones_key(target))
    return shown if shown is not None else list(target.milestones.all())


def conversation(
    viewer: User,
    target: Goal | CheckIn,
    *,
    form: CommentForm | None = None,
    full: bool = True,
) -> dict:
    """What the conversation part shows `viewer`: every thread, or (`full=False`, on a goal)
    the latest few. Opening it marks what was new read for a mentor."""
    is_planner = viewer.pk == target.owner_id
    mentorship = None if is_planner else running_mentorship(target.owner_id, viewer)
    milestones = milestones_of(target)
    # Read before the visit is recorded: what was unread until now stays in view.
    threads = _load_threads(viewer, target)
    if mentorship is not None and any(t.unread for t in threads):
        # Only news moves the marker: with nothing unread, the one there already says so.
        services.comments_mark_read(reader=viewer, target=target)
    shown = threads if full or not isinstance(target, Goal) else latest(threads)
    planner_name = mentorship.name if mentorship else ""
    kind = target_kind(target)
    moment = moment_writer("j F Y, H:i")
    return {
        "target": target,
        "kind": kind,
        "title": target_title(target),
        "back": target_url(target),
        "is_planner": is_planner,
        "planner_name": planner_name,
        # Notes are written only for the threads shown: a long conversation's hidden part
        # costs its rows, not its Markdown and its strings.
        "threads": [_written(thread, viewer, moment) for thread in shown],
        "full": full,
        "hidden_threads": len(threads) - len(shown),
        "total_comments": sum(thread.size for thread in threads),
        "everything": reverse("mentorship:conversation", args=[kind, target.public_id]),
        "form": form
        or CommentForm(is_planner=is_planner, planner_name=planner_name, milestones=milestones),
    }


def goal_panel(viewer: User, goal: Goal) -> Panel | None:
    return Panel(TEMPLATE + "#thread", conversation(viewer, goal, full=False))


def checkin_panel(viewer: User, checkin: CheckIn) -> Panel | None:
    if checkin.is_draft:
        return None
    return Panel(TEMPLATE + "#thread", conversation(viewer, checkin))
