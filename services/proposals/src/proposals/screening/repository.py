"""All SQL of screening: the call's proposals submitted in a region, and the screening decision."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from proposals.proposal.models import Proposal, TimelineEntry
from proposals.screening.checks import WITHDRAWN_STAGE
from proposals.screening.models import ScreeningDecision


class ScreeningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def submitted_in_region(self, proposal: Proposal) -> int:
        """The call's proposals from the proposal's region submitted at least once and not withdrawn, it included."""
        statement = select(func.count()).select_from(Proposal).where(
            Proposal.call_id == proposal.call_id, Proposal.region_code == proposal.region_code,
            Proposal.first_submitted_at.is_not(None), Proposal.stage != WITHDRAWN_STAGE, Proposal.id != proposal.id,
        )
        return (await self.session.scalar(statement) or 0) + 1

    async def decision(self, proposal_id: uuid.UUID) -> ScreeningDecision | None:
        statement = select(ScreeningDecision).where(ScreeningDecision.proposal_id == proposal_id)
        return (await self.session.scalars(statement)).one_or_none()

    async def save(self, decision: ScreeningDecision, entry: TimelineEntry) -> None:
        self.session.add_all([decision, entry])
        await self.session.flush()
