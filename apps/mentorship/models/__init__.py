"""The mentorship app's models, by concern: the relationship (invitations, mentorships, the
access log, nudges), the conversation, and requests for a new date."""

from apps.mentorship.models.comments import (
    EDIT_WINDOW,
    Comment,
    CommentKind,
    CommentQuerySet,
    CommentRead,
)
from apps.mentorship.models.deadlines import (
    DeadlineRequest,
    DeadlineRequestQuerySet,
    DeadlineRequestStatus,
)
from apps.mentorship.models.relationship import (
    ASSESSMENT_PARTS,
    INVITATION_LIFETIME,
    NUDGE_INTERVAL,
    AccessKind,
    AccessLog,
    AccessLogQuerySet,
    Invitation,
    InvitationQuerySet,
    InvitationStatus,
    Mentorship,
    MentorshipQuerySet,
    Nudge,
    NudgeQuerySet,
    token_hash,
)

__all__ = [
    "ASSESSMENT_PARTS",
    "EDIT_WINDOW",
    "INVITATION_LIFETIME",
    "NUDGE_INTERVAL",
    "AccessKind",
    "AccessLog",
    "AccessLogQuerySet",
    "Comment",
    "CommentKind",
    "CommentQuerySet",
    "CommentRead",
    "DeadlineRequest",
    "DeadlineRequestQuerySet",
    "DeadlineRequestStatus",
    "Invitation",
    "InvitationQuerySet",
    "InvitationStatus",
    "Mentorship",
    "MentorshipQuerySet",
    "Nudge",
    "NudgeQuerySet",
    "token_hash",
]
