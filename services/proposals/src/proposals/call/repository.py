"""All SQL about calls: listing, loading a call with its parts, and the counts its rules and targets need."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, inspect, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor

from proposals.call.models import Call, CallPhase
from proposals.evaluation.models import Assignment, Score
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.vocab import PhaseKind, TimelineKind

_EVERYTHING = (
    selectinload(Call.phases), selectinload(Call.fields), selectinload(Call.criteria), selectinload(Call.targets),
    selectinload(Call.stages), selectinload(Call.transitions),
)


def _utc_year(column: Any) -> Any:
    return func.date_part("year", func.timezone("UTC", column))


@dataclass(frozen=True)
class CallFilter:
    """What a list asks for; `statuses` is what the caller may see."""

    statuses: Collection[str]
    status: str | None = None
    kind: str | None = None
    year: int | None = None


class CallRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- calls ----------------------------------------------------------------------------------------------------

    async def list_page(self, where: CallFilter, params: PageParams) -> tuple[list[Call], str | None]:
        """Newest first (then by code, descending), with their phases."""
        statement = select(Call).where(Call.status.in_(list(where.statuses))).options(selectinload(Call.phases))
        if where.status is not None:
            statement = statement.where(Call.status == where.status)
        if where.kind is not None:
            statement = statement.where(Call.kind == where.kind)
        if where.year is not None:
            # a permanent call's round year, or the year a dated call's submission phase opens
            opens_in_year = exists().where(
                CallPhase.call_id == Call.id, CallPhase.kind == PhaseKind.submission.value,
                _utc_year(CallPhase.opens_at) == where.year,
            )
            statement = statement.where(or_(Call.year == where.year, and_(Call.year.is_(None), opens_in_year)))
        if params.cursor:
            after = decode_cursor(params.cursor, [Call.created_at, Call.code])
            statement = statement.where(tuple_(Call.created_at, Call.code) < tuple_(*after))
        statement = statement.order_by(Call.created_at.desc(), Call.code.desc()).limit(params.limit + 1)
        rows = list((await self.session.scalars(statement)).all())
        if len(rows) <= params.limit:
            return rows, None
        rows = rows[: params.limit]
        return rows, encode_cursor([rows[-1].created_at, rows[-1].code])

    async def get(self, call_id: uuid.UUID, *, lock: bool = False, fresh: bool = False) -> Call | None:
        """The call with every part loaded; `lock` for a write, `fresh` to re-read what a flush changed."""
        statement = select(Call).where(Call.id == call_id).options(*_EVERYTHING)
        if lock:
            statement = statement.with_for_update(of=Call)
        if fresh:
            statement = statement.execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).one_or_none()

    async def code_taken(self, code: str, *, other_than: uuid.UUID | None = None) -> bool:
        statement = select(Call.id).where(func.lower(Call.code) == code.lower())
        if other_than is not None:
            statement = statement.where(Call.id != other_than)
        return (await self.session.scalar(statement.limit(1))) is not None

    async def add(self, call: Call) -> None:
        self.session.add(call)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()

    # -- replacing a call's parts as whole lists ------------------------------------------------------------------

    async def remove_missing(self, rows: list[Any], wanted: list[Any], *, key: Callable[[Any], Any]) -> None:
        """Delete the rows of a loaded collection whose key is not wanted, before anything is added or changed.

        Deleting first keeps the unique keys of a call's parts from clashing with a row about to be added.
        """
        keep = {key(item) for item in wanted}
        for row in [row for row in rows if key(row) not in keep]:
            rows.remove(row)
        await self.session.flush()

    async def put(self, rows: list[Any], wanted: list[Any], *, key: Callable[[Any], Any]) -> None:
        """Update in place the rows whose key is wanted (ids stay), add the new ones, in `wanted`'s order."""
        existing = {key(row): row for row in rows}
        for item in wanted:
            row = existing.get(key(item))
            if row is None:
                rows.append(item)
                continue
            for name in inspect(type(item)).column_attrs.keys():  # noqa: SIM118  (a mapper's keys, not a dict)
                if name in vars(item) and name not in ("id", "call_id"):
                    setattr(row, name, getattr(item, name))
        await self.session.flush()

    async def replace(self, rows: list[Any], wanted: list[Any], *, key: Callable[[Any], Any]) -> None:
        await self.remove_missing(rows, wanted, key=key)
        await self.put(rows, wanted, key=key)

    # -- what the call's proposals and reviews say -----------------------------------------------------------------

    async def count_proposals(self, call_id: uuid.UUID, *, submitted_only: bool = False) -> int:
        statement = select(func.count()).select_from(Proposal).where(Proposal.call_id == call_id)
        if submitted_only:
            statement = statement.where(Proposal.first_submitted_at.is_not(None))
        return int(await self.session.scalar(statement) or 0)

    async def count_scores(self, call_id: uuid.UUID) -> int:
        """Scores given in any review of the call's proposals."""
        statement = (
            select(func.count()).select_from(Score)
            .join(Assignment, Assignment.id == Score.assignment_id)
            .join(Proposal, Proposal.id == Assignment.proposal_id)
            .where(Proposal.call_id == call_id)
        )
        return int(await self.session.scalar(statement) or 0)

    async def stage_occupancy(self, call_id: uuid.UUID) -> dict[str, int]:
        """How many proposals each stage of the call holds (stages holding none are left out)."""
        statement = (
            select(Proposal.stage, func.count()).where(Proposal.call_id == call_id).group_by(Proposal.stage)
        )
        return {stage: int(count) for stage, count in (await self.session.execute(statement)).all()}

    async def count_submitted(
        self, call_id: uuid.UUID, *, region: str | None, year: int | None, leaving_out: Collection[str],
    ) -> int:
        """Proposals submitted at least once (in `year`, if given) and not now in a stage of `leaving_out`."""
        statement = select(func.count()).select_from(Proposal).where(
            Proposal.call_id == call_id, Proposal.first_submitted_at.is_not(None),
            Proposal.stage.not_in(list(leaving_out)),
        )
        if region is not None:
            statement = statement.where(Proposal.region_code == region)
        if year is not None:
            statement = statement.where(_utc_year(Proposal.first_submitted_at) == year)
        return int(await self.session.scalar(statement) or 0)

    async def count_reached(
        self, call_id: uuid.UUID, *, stages: Collection[str], region: str | None, year: int | None,
    ) -> int:
        """Proposals that have reached one of `stages`: in one now, or moved into one by the timeline.

        With `year`, only those whose timeline first moved them into one of `stages` in that year.
        """
        wanted = list(stages)
        first_reached = (
            select(TimelineEntry.proposal_id, func.min(TimelineEntry.at).label("at"))
            .join(Proposal, Proposal.id == TimelineEntry.proposal_id)
            .where(Proposal.call_id == call_id, TimelineEntry.kind == TimelineKind.transition.value,
                   TimelineEntry.to_stage.in_(wanted))
            .group_by(TimelineEntry.proposal_id)
            .subquery()
        )
        statement = (
            select(func.count()).select_from(Proposal)
            .outerjoin(first_reached, first_reached.c.proposal_id == Proposal.id)
            .where(Proposal.call_id == call_id)
        )
        if year is None:
            statement = statement.where(or_(Proposal.stage.in_(wanted), first_reached.c.at.is_not(None)))
        else:
            statement = statement.where(_utc_year(first_reached.c.at) == year)
        if region is not None:
            statement = statement.where(Proposal.region_code == region)
        return int(await self.session.scalar(statement) or 0)
