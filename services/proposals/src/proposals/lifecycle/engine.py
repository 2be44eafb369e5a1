"""Moving a proposal along its call's pipeline: the one place a stage changes, is recorded and is published.

Who may take which transition, and the guards, are checked by the caller of `move` (proposal/service.py for
people's steps, the panel's release for decisions); `move` checks the transition exists from the current
stage, then records the timeline entry and the `proposal.stage_changed` event in the request's transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.call.models import Transition
from proposals.db import outbox
from proposals.errors import TransitionNotAllowed
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.vocab import TimelineKind

AGGREGATE = "proposal"
STAGE_CHANGED = "proposal.stage_changed"


def find_transition(transitions: list[Transition], *, key: str, from_stage: str) -> Transition:
    """The call's transition `key`, which must start from `from_stage`."""
    for transition in transitions:
        if transition.key == key:
            if transition.from_stage != from_stage:
                raise TransitionNotAllowed(
                    f"'{transition.label}' moves proposals from '{transition.from_stage}', "
                    f"and this one is in '{from_stage}'."
                )
            return transition
    raise TransitionNotAllowed(f"The call's pipeline has no step '{key}'.")


async def move(
    session: AsyncSession, *, proposal: Proposal, transition: Transition, actor: str, actor_name: str | None,
    comment: str | None, details: dict[str, Any] | None = None, at: datetime | None = None,
) -> TimelineEntry:
    """Take `transition`: change the stage, write the timeline entry and the domain event (`at`: now by default)."""
    if transition.from_stage != proposal.stage:
        raise TransitionNotAllowed(
            f"'{transition.label}' moves proposals from '{transition.from_stage}'; this one is in '{proposal.stage}'."
        )
    from_stage = proposal.stage
    proposal.stage = transition.to_stage
    entry = TimelineEntry(
        proposal_id=proposal.id, kind=TimelineKind.transition.value, actor=actor, actor_name=actor_name,
        transition=transition.key, from_stage=from_stage, to_stage=transition.to_stage, comment=comment,
        details=details or {}, at=at or datetime.now(UTC),
    )
    session.add(entry)
    await session.flush()
    await outbox.record_event(
        session, type=STAGE_CHANGED, aggregate_type=AGGREGATE, aggregate_id=str(proposal.id),
        payload={
            "proposal_id": str(proposal.id), "call_id": str(proposal.call_id), "reference": proposal.reference,
            "region_code": proposal.region_code, "transition": transition.key, "from_stage": from_stage,
            "to_stage": transition.to_stage, "at": entry.at.isoformat(),
        },
    )
    return entry
