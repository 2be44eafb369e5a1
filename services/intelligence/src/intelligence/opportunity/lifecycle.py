"""An opportunity's status: draft → open → closed (→ open again before the deadline); any → archived, for good."""

from __future__ import annotations

from datetime import date

from intelligence.errors import OpportunityTransitionNotAllowed
from intelligence.opportunity import events
from intelligence.vocab import OpportunityStatus

DRAFT, OPEN, CLOSED, ARCHIVED = (s.value for s in OpportunityStatus)
_STEPS = {(DRAFT, OPEN), (OPEN, CLOSED), (CLOSED, OPEN)}
_ALLOWED = "draft → open, open → closed, closed → open (before the deadline), and any status → archived"


def check_transition(current: str, target: str, *, deadline: date | None, today: date) -> None:
    """Refuse (409) a status change the lifecycle does not allow; `deadline` is the one the record will have."""
    if current == target:
        return
    if current == ARCHIVED:
        raise OpportunityTransitionNotAllowed(
            f"The opportunity is archived and cannot become {target} again; publish a new one instead."
        )
    if target == ARCHIVED:
        return
    if (current, target) not in _STEPS:
        raise OpportunityTransitionNotAllowed(
            f"An opportunity cannot go from {current} to {target}; allowed: {_ALLOWED}."
        )
    if current == CLOSED and deadline is not None and deadline < today:
        raise OpportunityTransitionNotAllowed(
            f"The deadline ({deadline.isoformat()}) has passed: move it to a later date to reopen the opportunity."
        )


def event_for(previous: str, current: str) -> str:
    """The event a change records: publishing and closing are named, everything else is an update."""
    if previous == DRAFT and current == OPEN:
        return events.PUBLISHED
    if previous != CLOSED and current == CLOSED:
        return events.CLOSED
    return events.UPDATED


def event_for_new(status: str) -> str:
    return events.PUBLISHED if status == OPEN else events.CREATED
