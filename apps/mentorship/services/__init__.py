"""Every write of the mentorship app: invitations (invitations.py) and the relationship
(relationship.py). Import from here."""

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
