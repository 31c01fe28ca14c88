"""What apps above mentorship add to its pages, without mentorship importing them.

The meetings app registers a finder for the next meeting of each mentorship, which the Mentees
page and the planner's mentorship page show. A finder takes mentorship keys and answers, in
one query whatever their number, {mentorship key: next meeting}.
"""

from collections.abc import Callable, Iterable
from typing import Any

NextMeetingFinder = Callable[[list[int]], dict[int, Any]]

_finders: list[NextMeetingFinder] = []


def register_next_meeting(finder: NextMeetingFinder) -> None:
    if finder not in _finders:
        _finders.append(finder)


def next_meetings(mentorship_ids: Iterable[int]) -> dict[int, Any]:
    ids = list(mentorship_ids)
    found: dict[int, Any] = {}
    for finder in _finders if ids else ():
        found.update(finder(ids))
    return found
