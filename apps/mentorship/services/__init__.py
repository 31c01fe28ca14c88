"""Every write of the mentorship app: invitations (invitations.py), the relationship
(relationship.py) and the conversation (comments.py). Import from here."""

from apps.mentorship.services.comments import (
    can_delete,
    can_edit,
    comment_add,
    comment_delete,
    comment_edit,
    comments_mark_read,
)
from apps.mentorship.services.invitations import (
    InvitationUnusable,
    invitation_accept,
    invitation_decline,
    invitation_for_token,
    invitation_send,
    invitation_withdraw,
)
from apps.mentorship.services.relationship import (
    access_record,
    mentorship_end,
    mentorship_set_sharing,
    mentorship_start,
    mentorship_update_agreement,
    mentorships_end_due,
)

__all__ = [
    "InvitationUnusable",
    "access_record",
    "can_delete",
    "can_edit",
    "comment_add",
    "comment_delete",
    "comment_edit",
    "comments_mark_read",
    "invitation_accept",
    "invitation_decline",
    "invitation_for_token",
    "invitation_send",
    "invitation_withdraw",
    "mentorship_end",
    "mentorship_set_sharing",
    "mentorship_start",
    "mentorship_update_agreement",
    "mentorships_end_due",
]
