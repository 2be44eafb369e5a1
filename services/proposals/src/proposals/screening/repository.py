"""All SQL of screening: the proposal and call it reads, the counts around them, and the decision."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from proposals.call.models import Call, Stage
from proposals.organisation.models import OrganisationRef
from proposals.proposal.models import Proposal, ProposalVersion, TimelineEntry
from proposals.screening.checks import WITHDRAWN_STAGE
from proposals.screening.models import ScreeningDecision


class ScreeningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def proposal(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Proposal | None:
        """The proposal with its partners (locked for a decision, so two managers decide one after the other)."""
        statement = select(Proposal).where(Proposal.id == proposal_id).options(selectinload(Proposal.partners))
        if lock:
            statement = statement.with_for_update(of=Proposal)
        return (await self.session.scalars(statement)).one_or_none()

    async def call(self, call_id: uuid.UUID) -> Call:
        statement = (
            select(Call).where(Call.id == call_id)
            .options(selectinload(Call.fields), selectinload(Call.transitions))
        )
        return (await self.session.scalars(statement)).one()

    async def stage(self, call_id: uuid.UUID, key: str) -> Stage:
        return (await self.session.scalars(select(Stage).where(Stage.call_id == call_id, Stage.key == key))).one()

    async def submitted_in_region(self, proposal: Proposal) -> int:
        """The call's proposals from the proposal's region submitted at least once and not withdrawn, it included."""
        statement = select(func.count()).select_from(Proposal).where(
            Proposal.call_id == proposal.call_id, Proposal.region_code == proposal.region_code,
            Proposal.first_submitted_at.is_not(None), Proposal.stage != WITHDRAWN_STAGE, Proposal.id != proposal.id,
        )
        return (await self.session.scalar(statement) or 0) + 1

    async def latest_version(self, proposal_id: uuid.UUID) -> ProposalVersion | None:
        statement = (
            select(ProposalVersion).where(ProposalVersion.proposal_id == proposal_id)
            .order_by(ProposalVersion.number.desc()).limit(1)
        )
        return (await self.session.scalars(statement)).first()

    async def organisation_names(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.execute(
            select(OrganisationRef.id, OrganisationRef.name).where(OrganisationRef.id.in_(wanted))
        )
        return {row.id: row.name for row in rows}

    async def decision(self, proposal_id: uuid.UUID) -> ScreeningDecision | None:
        statement = select(ScreeningDecision).where(ScreeningDecision.proposal_id == proposal_id)
        return (await self.session.scalars(statement)).one_or_none()

    async def save(self, decision: ScreeningDecision, entry: TimelineEntry) -> None:
        self.session.add_all([decision, entry])
        await self.session.flush()
