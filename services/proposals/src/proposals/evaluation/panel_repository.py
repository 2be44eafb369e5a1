"""All SQL of the panel: consensus reports, the proposals a call's panel decides on, and its decisions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from proposals.evaluation.models import Consensus, Decision
from proposals.proposal.models import Proposal


class PanelRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def consensus(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Consensus | None:
        statement = select(Consensus).where(Consensus.proposal_id == proposal_id)
        if lock:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(statement)

    async def consensuses(self, proposal_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Consensus]:
        rows = await self.session.scalars(select(Consensus).where(Consensus.proposal_id.in_(set(proposal_ids))))
        return {c.proposal_id: c for c in rows}

    async def proposals_in(self, call_id: uuid.UUID, stage: str | None) -> list[Proposal]:
        """The call's proposals in `stage` (none for None), with their partners, by reference."""
        if stage is None:
            return []
        statement = (select(Proposal).options(selectinload(Proposal.partners))
                     .where(Proposal.call_id == call_id, Proposal.stage == stage).order_by(Proposal.reference))
        return list(await self.session.scalars(statement))

    async def proposals(self, ids: Sequence[uuid.UUID], *, lock: bool = False) -> dict[uuid.UUID, Proposal]:
        statement = select(Proposal).options(selectinload(Proposal.partners)).where(Proposal.id.in_(set(ids)))
        if lock:
            statement = statement.with_for_update(of=Proposal).execution_options(populate_existing=True)
        return {p.id: p for p in await self.session.scalars(statement)}

    async def decisions(self, call_id: uuid.UUID) -> list[Decision]:
        statement = (select(Decision).where(Decision.call_id == call_id)
                     .order_by(Decision.rank.asc().nulls_last(), Decision.total.desc().nulls_last(), Decision.id))
        return list(await self.session.scalars(statement))

    async def decision(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Decision | None:
        statement = select(Decision).where(Decision.proposal_id == proposal_id)
        if lock:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(statement)

    async def count_ranked(self, call_id: uuid.UUID) -> int:
        statement = select(func.count()).where(Decision.call_id == call_id, Decision.rank.is_not(None))
        return int(await self.session.scalar(statement) or 0)

    async def drop_decisions(self, call_id: uuid.UUID) -> None:
        await self.session.execute(delete(Decision).where(Decision.call_id == call_id))

    async def add(self, *records: object) -> None:
        self.session.add_all(records)
        await self.session.flush()

    async def save(self, record: Consensus | Decision) -> None:
        await self.session.flush()
        await self.session.refresh(record, attribute_names=["updated_at"])
