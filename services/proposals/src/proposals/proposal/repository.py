"""All SQL about proposals, their partners and their timeline, including who may see which in a list."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, Row, Select, and_, cast, func, or_, select, text, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor, paginate

from proposals.call.models import Call, Stage
from proposals.evaluation.models import Assignment, Evaluator
from proposals.organisation.models import OrganisationRef
from proposals.proposal.models import Proposal, ProposalPartner, TimelineEntry
from proposals.vocab import AssignmentStatus, PartnerStatus, StageKind

_LIST_KEYS = (Proposal.updated_at, Proposal.id)
_NOT_DECLINED = (PartnerStatus.invited.value, PartnerStatus.confirmed.value)


@dataclass(frozen=True)
class Viewer:
    """The caller, in the terms the visibility rules of proposal/policy.py need to be applied in SQL."""

    subject: str
    organisations: frozenset[uuid.UUID]
    managed_regions: frozenset[str]
    admin: bool
    evaluator: bool


@dataclass(frozen=True)
class ProposalFilter:
    """What a list or the board asks for (`mine`: only proposals the caller co-authors)."""

    call_id: uuid.UUID | None = None
    stages: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    priority: str | None = None
    organisation_id: uuid.UUID | None = None
    q: str | None = None
    mine: bool = False


def _partners_of(organisations: Iterable[uuid.UUID], statuses: Iterable[str]) -> Select[Any]:
    return select(ProposalPartner.proposal_id).where(
        ProposalPartner.organisation_id.in_(list(organisations)), ProposalPartner.status.in_(list(statuses))
    )


def _authored_by(viewer: Viewer) -> list[ColumnElement[bool]]:
    """Co-authors: the creator, members of the lead organisation, members of a confirmed partner."""
    clauses: list[ColumnElement[bool]] = [Proposal.created_by == viewer.subject]
    if viewer.organisations:
        clauses.append(Proposal.lead_organisation_id.in_(list(viewer.organisations)))
        clauses.append(Proposal.id.in_(_partners_of(viewer.organisations, [PartnerStatus.confirmed.value])))
    return clauses


def visible_to(viewer: Viewer) -> ColumnElement[bool]:
    """proposal/policy.py `may_read`, as a condition on a query that joins the proposal's Stage."""
    if viewer.admin:
        return true()
    past_initial = Stage.kind != StageKind.initial.value
    clauses: list[ColumnElement[bool]] = [Proposal.created_by == viewer.subject]
    if viewer.organisations:
        clauses.append(Proposal.lead_organisation_id.in_(list(viewer.organisations)))
        clauses.append(Proposal.id.in_(_partners_of(viewer.organisations, _NOT_DECLINED)))
    if viewer.managed_regions:
        regions = list(viewer.managed_regions)
        clauses.append(Proposal.region_code.in_(regions))
        partner_regions = select(ProposalPartner.proposal_id).where(
            ProposalPartner.region_code.in_(regions), ProposalPartner.status.in_(_NOT_DECLINED)
        )
        clauses.append(and_(past_initial, Proposal.id.in_(partner_regions)))
    if viewer.evaluator:
        assigned = select(Assignment.proposal_id).join(Evaluator, Evaluator.id == Assignment.evaluator_id).where(
            Evaluator.subject == viewer.subject, Assignment.status != AssignmentStatus.withdrawn.value
        )
        clauses.append(and_(past_initial, Proposal.id.in_(assigned)))
    return or_(*clauses)


def _escape_like(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_matches(words: str) -> ColumnElement[bool]:
    """The words in the reference, the title or the acronym, in any case: each served by its trigram index."""
    pattern = f"%{_escape_like(words)}%"
    return or_(Proposal.reference.ilike(pattern, escape="\\"), Proposal.title.ilike(pattern, escape="\\"),
               Proposal.acronym.ilike(pattern, escape="\\"))


def _filtered(statement: Select[Any], viewer: Viewer, where: ProposalFilter) -> Select[Any]:
    statement = statement.join(Stage, and_(Stage.call_id == Proposal.call_id, Stage.key == Proposal.stage))
    statement = statement.where(visible_to(viewer))
    if where.call_id is not None:
        statement = statement.where(Proposal.call_id == where.call_id)
    if where.stages:
        statement = statement.where(Proposal.stage.in_(where.stages))
    if where.regions:
        statement = statement.where(Proposal.region_code.in_(where.regions))
    if where.priority is not None:
        statement = statement.where(Proposal.priorities.contains([where.priority]))
    if where.organisation_id is not None:
        statement = statement.where(or_(
            Proposal.lead_organisation_id == where.organisation_id,
            Proposal.id.in_(_partners_of([where.organisation_id], _NOT_DECLINED)),
        ))
    if where.q:
        statement = statement.where(text_matches(where.q))
    if where.mine:
        statement = statement.where(or_(*_authored_by(viewer)))
    return statement


class ProposalRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- lists ----------------------------------------------------------------------------------------------------

    async def _plan_text_search_for_its_words(self, where: ProposalFilter) -> None:
        """A text filter matches one proposal or thousands: plan such a query for its own words.

        After five runs of a prepared statement PostgreSQL may switch to a generic plan that ignores the values;
        for a rare word that plan walks the whole list order instead of the trigram indexes (bench/README.md).
        `SET LOCAL` lasts until the request's transaction ends.
        """
        if where.q:
            await self.session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))

    async def list_page(
        self, viewer: Viewer, where: ProposalFilter, params: PageParams
    ) -> tuple[list[Row[Any]], str | None]:
        """One page, the most recently changed first, with the call, stage and lead display fields joined in."""
        await self._plan_text_search_for_its_words(where)
        statement = _filtered(select(
            Proposal.id, Proposal.reference, Proposal.title, Proposal.acronym, Proposal.call_id,
            Call.code.label("call_code"), Proposal.stage, Stage.label.label("stage_label"), Proposal.region_code,
            Proposal.lead_organisation_id, OrganisationRef.name.label("lead_name"),
            OrganisationRef.region_code.label("lead_region_code"), Proposal.priorities, Proposal.trl,
            Proposal.requested_eur, Proposal.submitted_version, Proposal.updated_at,
        ).select_from(Proposal), viewer, where)
        statement = statement.join(Call, Call.id == Proposal.call_id).join(
            OrganisationRef, OrganisationRef.id == Proposal.lead_organisation_id
        )
        if params.cursor:
            statement = statement.where(tuple_(*_LIST_KEYS) < tuple_(*decode_cursor(params.cursor, _LIST_KEYS)))
        statement = statement.order_by(Proposal.updated_at.desc(), Proposal.id.desc()).limit(params.limit + 1)
        rows = list((await self.session.execute(statement)).all())
        if len(rows) <= params.limit:
            return rows, None
        rows = rows[: params.limit]
        return rows, encode_cursor([rows[-1].updated_at, rows[-1].id])

    async def partner_regions(self, proposal_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        """The distinct regions of the invited and confirmed partners of these proposals, in one query."""
        if not proposal_ids:
            return {}
        statement = select(ProposalPartner.proposal_id, ProposalPartner.region_code).distinct().where(
            ProposalPartner.proposal_id.in_(proposal_ids), ProposalPartner.status.in_(_NOT_DECLINED),
            ProposalPartner.region_code.is_not(None),
        ).order_by(ProposalPartner.proposal_id, ProposalPartner.region_code)
        regions: dict[uuid.UUID, list[str]] = {}
        for row in await self.session.execute(statement):
            regions.setdefault(row.proposal_id, []).append(row.region_code)
        return regions

    async def stage_counts(self, viewer: Viewer, where: ProposalFilter) -> list[Row[Any]]:
        """(key, label, count) per stage of the visible proposals, in pipeline order."""
        await self._plan_text_search_for_its_words(where)
        position, label = func.min(Stage.position), func.min(Stage.label)
        statement = _filtered(
            select(Proposal.stage.label("key"), label.label("label"), func.count().label("count"))
            .select_from(Proposal), viewer, where,
        ).group_by(Proposal.stage).order_by(position, Proposal.stage)
        return list((await self.session.execute(statement)).all())

    # -- one proposal ---------------------------------------------------------------------------------------------

    async def get(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Proposal | None:
        """The proposal with its partners; `lock` holds the row until the request commits (writers queue) and reads
        it afresh."""
        statement = select(Proposal).where(Proposal.id == proposal_id).options(selectinload(Proposal.partners))
        if lock:
            statement = statement.with_for_update(of=Proposal).execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).one_or_none()

    async def call_with_pipeline(self, call_id: uuid.UUID, *, lock: bool = False) -> Call | None:
        """The call with its phases, form fields, rubric, stages and transitions; `lock` serialises references."""
        statement = select(Call).where(Call.id == call_id).options(
            selectinload(Call.phases), selectinload(Call.fields), selectinload(Call.criteria),
            selectinload(Call.stages), selectinload(Call.transitions),
        )
        if lock:
            # FOR NO KEY UPDATE: queues the other creators, not the rows that merely reference the call
            statement = statement.with_for_update(key_share=True, of=Call)
        return (await self.session.scalars(statement)).one_or_none()

    async def is_assigned_evaluator(self, proposal_id: uuid.UUID, subject: str) -> bool:
        statement = select(Assignment.id).join(Evaluator, Evaluator.id == Assignment.evaluator_id).where(
            Assignment.proposal_id == proposal_id, Evaluator.subject == subject,
            Assignment.status != AssignmentStatus.withdrawn.value,
        ).limit(1)
        return (await self.session.scalar(statement)) is not None

    async def last_reference_number(self, call_id: uuid.UUID) -> int:
        """The highest sequence number among the call's references (`...-007` → 7); 0 when there is none."""
        number = cast(func.substring(Proposal.reference, r"-([0-9]{1,9})$"), Integer)
        statement = select(func.coalesce(func.max(number), 0)).where(Proposal.call_id == call_id)
        return int(await self.session.scalar(statement) or 0)

    # -- writes ---------------------------------------------------------------------------------------------------

    async def add(self, proposal: Proposal) -> Proposal:
        self.session.add(proposal)
        return await self.save(proposal)

    async def save(self, proposal: Proposal) -> Proposal:
        """Flush the changes and read back what the database set (timestamps; the version is counted here)."""
        await self.session.flush()
        await self.session.refresh(proposal, attribute_names=["created_at", "updated_at"])
        return proposal

    async def touch(self, proposal: Proposal) -> Proposal:
        """Mark the proposal changed (a partner came or went): a new version and ETag, first in the list."""
        proposal.updated_at = func.now()
        return await self.save(proposal)

    async def add_partner(self, proposal: Proposal, partner: ProposalPartner) -> ProposalPartner:
        proposal.partners.append(partner)
        await self.session.flush()
        await self.session.refresh(partner, attribute_names=["created_at"])
        return partner

    async def remove_partner(self, proposal: Proposal, partner: ProposalPartner) -> None:
        proposal.partners.remove(partner)
        await self.session.flush()

    async def add_timeline(self, entry: TimelineEntry) -> TimelineEntry:
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def timeline_page(
        self, proposal_id: uuid.UUID, params: PageParams
    ) -> tuple[list[TimelineEntry], str | None]:
        statement = select(TimelineEntry).where(TimelineEntry.proposal_id == proposal_id)
        return await paginate(self.session, statement, keys=[TimelineEntry.at, TimelineEntry.id], params=params)
