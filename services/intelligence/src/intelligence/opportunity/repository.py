"""All SQL about opportunities and the interest expressed in them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Date, delete, func, literal, or_, select, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor, paginate
from tex4im_common.problems import FieldProblem, InvalidInput

from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.models import Organisation
from intelligence.vocab import OpportunityStatus

# Open-ended opportunities (no deadline) sort after every dated one.
_NO_DEADLINE = date(9999, 12, 31)
_SORT_DEADLINE = func.coalesce(Opportunity.deadline, literal(_NO_DEADLINE, Date))


@dataclass(frozen=True)
class OpportunityFilter:
    """What a list asks for, and what the caller may see (`draft_regions` None: every draft)."""

    visibilities: list[str]
    draft_regions: set[str] | None
    status: str
    kind: str | None = None
    region: str | None = None
    organisation_id: uuid.UUID | None = None


def _decode_cursor(cursor: str) -> tuple[date, uuid.UUID]:
    try:
        # the common decoder converts by the keys' Python types: a text column stands for the ISO date
        day, identifier = decode_cursor(cursor, [Opportunity.title, Opportunity.id])
        return date.fromisoformat(day), identifier
    except (InvalidInput, ValueError) as exc:
        raise InvalidInput(
            "The cursor is not one this list handed out.",
            errors=[FieldProblem(field="query.cursor", message="unknown or malformed cursor", code="cursor_invalid")],
        ) from exc


class OpportunityRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- opportunities ------------------------------------------------------------------------------------------

    async def list_page(self, where: OpportunityFilter, params: PageParams) -> tuple[list[Opportunity], str | None]:
        """A page ordered by deadline (open-ended last), then id: stable however often records are added."""
        statement = select(Opportunity).where(
            Opportunity.status == where.status, Opportunity.visibility.in_(where.visibilities)
        )
        if where.draft_regions is not None:
            statement = statement.where(or_(
                Opportunity.status != OpportunityStatus.draft.value,
                Opportunity.owner_region_code.in_(where.draft_regions),
            ))
        if where.kind is not None:
            statement = statement.where(Opportunity.kind == where.kind)
        if where.region is not None:
            statement = statement.where(Opportunity.region_codes.contains([where.region]))
        if where.organisation_id is not None:
            statement = statement.where(Opportunity.organisation_id == where.organisation_id)
        if params.cursor:
            statement = statement.where(tuple_(_SORT_DEADLINE, Opportunity.id) > tuple_(*_decode_cursor(params.cursor)))
        statement = statement.order_by(_SORT_DEADLINE, Opportunity.id).limit(params.limit + 1)
        rows = list((await self.session.scalars(statement)).all())
        if len(rows) <= params.limit:
            return rows, None
        rows = rows[: params.limit]
        last = rows[-1]
        return rows, encode_cursor([(last.deadline or _NO_DEADLINE).isoformat(), last.id])

    async def get(self, opportunity_id: uuid.UUID) -> Opportunity | None:
        return await self.session.get(Opportunity, opportunity_id)

    async def get_for_update(self, opportunity_id: uuid.UUID) -> Opportunity | None:
        statement = select(Opportunity).where(Opportunity.id == opportunity_id).with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def by_source_refs(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Opportunity]:
        """The records already imported under these (source, source_ref) pairs, locked for the import."""
        pairs = list(set(keys))
        if not pairs:
            return {}
        statement = (
            select(Opportunity)
            .where(tuple_(Opportunity.source, Opportunity.source_ref).in_(pairs))
            .with_for_update()
        )
        return {(o.source, o.source_ref): o for o in (await self.session.scalars(statement)).all()}  # type: ignore[misc]

    async def add(self, opportunity: Opportunity) -> Opportunity:
        self.session.add(opportunity)
        await self.session.flush()
        await self.session.refresh(opportunity)  # server-set timestamps and the trigger's search vector
        return opportunity

    async def save(self, opportunity: Opportunity) -> Opportunity:
        await self.session.flush()
        await self.session.refresh(opportunity)
        return opportunity

    async def organisation_exists(self, organisation_id: uuid.UUID) -> bool:
        statement = select(Organisation.id).where(Organisation.id == organisation_id)
        return (await self.session.scalar(statement)) is not None

    async def organisation_names(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        rows = await self.session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(wanted)))
        return {row.id: row.name for row in rows}

    # -- interests ----------------------------------------------------------------------------------------------

    async def get_interest(self, opportunity_id: uuid.UUID, subject: str) -> OpportunityInterest | None:
        statement = select(OpportunityInterest).where(
            OpportunityInterest.opportunity_id == opportunity_id, OpportunityInterest.subject == subject
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def count_interests(self, opportunity_id: uuid.UUID) -> int:
        statement = select(func.count()).where(OpportunityInterest.opportunity_id == opportunity_id)
        return int(await self.session.scalar(statement) or 0)

    async def upsert_interest(self, values: dict[str, Any]) -> OpportunityInterest:
        """One row per (opportunity, person): a second expression of interest updates the first."""
        changing = {k: v for k, v in values.items() if k not in ("opportunity_id", "subject")}
        statement = (
            insert(OpportunityInterest)
            .values(id=uuid.uuid4(), **values)
            .on_conflict_do_update(index_elements=["opportunity_id", "subject"], set_=changing)
            .returning(OpportunityInterest)
            .execution_options(populate_existing=True)
        )
        return (await self.session.scalars(statement)).one()

    async def delete_interest(self, opportunity_id: uuid.UUID, subject: str) -> bool:
        statement = delete(OpportunityInterest).where(
            OpportunityInterest.opportunity_id == opportunity_id, OpportunityInterest.subject == subject
        )
        return bool((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]

    async def interests_page(
        self, opportunity_id: uuid.UUID, params: PageParams
    ) -> tuple[list[OpportunityInterest], str | None]:
        statement = select(OpportunityInterest).where(OpportunityInterest.opportunity_id == opportunity_id)
        return await paginate(
            self.session, statement, keys=[OpportunityInterest.created_at, OpportunityInterest.id], params=params
        )

    async def interests_of(self, subject: str, params: PageParams) -> tuple[list[OpportunityInterest], str | None]:
        statement = (
            select(OpportunityInterest)
            .where(OpportunityInterest.subject == subject)
            .options(joinedload(OpportunityInterest.opportunity))
        )
        return await paginate(
            self.session, statement, keys=[OpportunityInterest.created_at, OpportunityInterest.id], params=params
        )

