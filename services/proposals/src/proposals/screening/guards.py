"""What the pipeline's screening guards ask: has the proposal been found eligible?"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.proposal.archive_repository import ArchiveRepository
from proposals.screening.checks import decided_on_version
from proposals.screening.repository import ScreeningRepository


async def screening_outcome(session: AsyncSession, proposal_id: uuid.UUID) -> bool | None:
    """True when the screening decision says eligible, False when not eligible, None when there is no decision
    for the version now submitted (none yet, or one taken on an earlier version before it was returned)."""
    decision = await ScreeningRepository(session).decision(proposal_id)
    if decision is None:
        return None
    version = decided_on_version(decision.checks)
    if version is not None:
        latest = await ArchiveRepository(session).latest_version(proposal_id)
        if latest is not None and latest.number > version:
            return None
    return decision.eligible
