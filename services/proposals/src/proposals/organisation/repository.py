"""All SQL about the organisation copy: applying the registry's changes, re-pointing merges, the partner picker."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, exists, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from tex4im_common.pagination import PageParams, paginate

from proposals.call.models import Stage
from proposals.db import feed_cursor
from proposals.organisation.models import OrganisationRef
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.vocab import PartnerStatus, StageKind

# the answer kept when two partner rows of one proposal become one organisation: the furthest along wins
_ANSWER_RANK = {PartnerStatus.confirmed.value: 2, PartnerStatus.invited.value: 1, PartnerStatus.declined.value: 0}
_NO_SYNC = {"synchronize_session": False}


@dataclass(frozen=True)
class CursorRow:
    cursor: str | None
    events_applied: int
    last_error: str | None
    updated_at: datetime


def _rank(column: Any) -> Any:
    return case(_ANSWER_RANK, value=column, else_=-1)


class OrganisationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- applying the feed -------------------------------------------------------------------------------------

    async def upsert_if_newer(self, values: dict[str, Any]) -> bool:
        """Write the copy unless it already holds this version or a newer one; True when it was written.

        `deleted` is never cleared here: a deletion is final, whatever arrives after it.
        """
        statement = insert(OrganisationRef).values(**values, synced_at=func.now())
        changed = {key: statement.excluded[key] for key in values if key != "id"}
        statement = statement.on_conflict_do_update(
            index_elements=[OrganisationRef.id], set_={**changed, "synced_at": func.now()},
            where=OrganisationRef.version < statement.excluded.version,
        ).returning(OrganisationRef.id)
        return (await self.session.execute(statement)).first() is not None

    async def mark_deleted(self, organisation_id: uuid.UUID) -> bool:
        result = await self.session.execute(
            update(OrganisationRef).where(OrganisationRef.id == organisation_id, OrganisationRef.deleted.is_(False))
            .values(deleted=True, synced_at=func.now()).returning(OrganisationRef.id).execution_options(**_NO_SYNC)
        )
        return result.first() is not None

    async def region_of(self, organisation_id: uuid.UUID) -> tuple[bool, str | None]:
        """(whether the copy knows the organisation, its region)."""
        row = (await self.session.execute(
            select(OrganisationRef.region_code).where(OrganisationRef.id == organisation_id)
        )).first()
        return (row is not None, row.region_code if row else None)

    async def merged_into(self, survivor_id: uuid.UUID) -> list[uuid.UUID]:
        """The organisations recorded as merged into `survivor_id`."""
        return list((await self.session.scalars(
            select(OrganisationRef.id).where(OrganisationRef.merged_into_id == survivor_id)
        )).all())

    async def refresh_regions(self, organisation_id: uuid.UUID, region_code: str | None) -> None:
        """Copy the organisation's region to its partner rows and to the drafts it leads."""
        await self.session.execute(
            update(ProposalPartner)
            .where(ProposalPartner.organisation_id == organisation_id,
                   ProposalPartner.region_code.is_distinct_from(region_code))
            .values(region_code=region_code).execution_options(**_NO_SYNC)
        )
        if region_code is None:
            return  # a proposal always has a region; one led from outside the regions keeps the one it had
        # a submitted proposal stays in the region whose quota it was submitted under
        await self.session.execute(
            update(Proposal)
            .where(Proposal.lead_organisation_id == organisation_id, Proposal.region_code != region_code,
                   Stage.call_id == Proposal.call_id, Stage.key == Proposal.stage,
                   Stage.kind == StageKind.initial.value)
            .values(region_code=region_code).execution_options(**_NO_SYNC)
        )

    async def repoint(self, *, loser_id: uuid.UUID, survivor_id: uuid.UUID, survivor_region: str | None) -> None:
        """Everything that names the merged organisation names the one it was merged into."""
        kept, dropped = aliased(ProposalPartner), aliased(ProposalPartner)
        # a proposal naming both as partners keeps one row, with the furthest-along answer of the two
        await self.session.execute(
            update(kept)
            .where(kept.organisation_id == survivor_id, dropped.organisation_id == loser_id,
                   dropped.proposal_id == kept.proposal_id, _rank(dropped.status) > _rank(kept.status))
            .values(status=dropped.status, answered_by=dropped.answered_by, answered_at=dropped.answered_at)
            .execution_options(**_NO_SYNC)
        )
        await self.session.execute(
            delete(ProposalPartner)
            .where(ProposalPartner.organisation_id == loser_id,
                   exists().where(kept.proposal_id == ProposalPartner.proposal_id,
                                  kept.organisation_id == survivor_id))
            .execution_options(**_NO_SYNC)
        )
        await self.session.execute(
            update(ProposalPartner).where(ProposalPartner.organisation_id == loser_id)
            .values(organisation_id=survivor_id, region_code=survivor_region).execution_options(**_NO_SYNC)
        )
        await self.session.execute(
            update(Proposal).where(Proposal.lead_organisation_id == loser_id)
            .values(lead_organisation_id=survivor_id).execution_options(**_NO_SYNC)
        )
        # the lead is never its own partner
        await self.session.execute(
            delete(ProposalPartner)
            .where(ProposalPartner.organisation_id == survivor_id,
                   exists().where(and_(Proposal.id == ProposalPartner.proposal_id,
                                       Proposal.lead_organisation_id == survivor_id)))
            .execution_options(**_NO_SYNC)
        )

    # -- reading -----------------------------------------------------------------------------------------------

    async def search(
        self, *, name: str | None, region: str | None, params: PageParams
    ) -> tuple[list[OrganisationRef], str | None]:
        """Live organisations (not deleted, not merged away) by name, ordered by name then id."""
        statement = select(OrganisationRef).where(
            OrganisationRef.deleted.is_(False), OrganisationRef.merged_into_id.is_(None)
        )
        if name:
            escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            statement = statement.where(OrganisationRef.name.ilike(f"%{escaped}%", escape="\\"))
        if region:
            statement = statement.where(OrganisationRef.region_code == region)
        return await paginate(self.session, statement, keys=[OrganisationRef.name, OrganisationRef.id], params=params)

    async def cursor(self, feed: str) -> CursorRow | None:
        row = (await self.session.execute(
            select(feed_cursor.c.cursor, feed_cursor.c.events_applied, feed_cursor.c.last_error,
                   feed_cursor.c.updated_at).where(feed_cursor.c.feed == feed)
        )).first()
        return CursorRow(row.cursor, row.events_applied, row.last_error, row.updated_at) if row else None
