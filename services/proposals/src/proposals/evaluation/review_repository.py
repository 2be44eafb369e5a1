"""All SQL of reviews: the evaluator's assignments with their scores, the calls they belong to, every review of a
proposal, and saving a review."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, paginate

from proposals.call.models import Call
from proposals.evaluation.models import Assignment, Evaluator
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentStatus


class ReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def evaluator_by_subject(self, subject: str) -> Evaluator | None:
        return await self.session.scalar(select(Evaluator).where(Evaluator.subject == subject))

    async def evaluator(self, evaluator_id: uuid.UUID) -> Evaluator | None:
        return await self.session.get(Evaluator, evaluator_id)

    async def assignments_of(
        self, evaluator_id: uuid.UUID, *, status: str | None, params: PageParams,
    ) -> tuple[list[Assignment], str | None]:
        statement = select(Assignment).options(selectinload(Assignment.scores)).where(
            Assignment.evaluator_id == evaluator_id, Assignment.status != AssignmentStatus.withdrawn.value,
        )
        if status is not None:
            statement = statement.where(Assignment.status == status)
        return await paginate(self.session, statement, keys=[Assignment.created_at, Assignment.id], params=params)

    async def assignment(self, assignment_id: uuid.UUID, *, lock: bool = False) -> Assignment | None:
        statement = select(Assignment).options(selectinload(Assignment.scores)).where(Assignment.id == assignment_id)
        if lock:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).one_or_none()

    async def proposals(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Proposal]:
        rows = await self.session.scalars(select(Proposal).where(Proposal.id.in_(set(ids))))
        return {p.id: p for p in rows}

    async def call(self, call_id: uuid.UUID, *, lock: bool = False) -> Call | None:
        statement = select(Call).where(Call.id == call_id).options(
            selectinload(Call.phases), selectinload(Call.criteria), selectinload(Call.stages),
            selectinload(Call.transitions),
        )
        if lock:
            statement = statement.with_for_update(of=Call).execution_options(populate_existing=True)
        return (await self.session.scalars(statement)).one_or_none()

    async def calls(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Call]:
        rows = await self.session.scalars(select(Call).where(Call.id.in_(set(ids))).options(
            selectinload(Call.phases), selectinload(Call.criteria),
        ))
        return {c.id: c for c in rows}

    async def reviews_of(self, proposal_id: uuid.UUID) -> list[tuple[Assignment, Evaluator]]:
        """Every assignment of the proposal (withdrawn ones too) with its scores and evaluator: in order of
        submission, then the others in order of assignment."""
        statement = (select(Assignment, Evaluator).join(Evaluator, Evaluator.id == Assignment.evaluator_id)
                     .options(selectinload(Assignment.scores)).where(Assignment.proposal_id == proposal_id)
                     .order_by(Assignment.submitted_at.asc().nulls_last(), Assignment.created_at, Assignment.id))
        return [(a, e) for a, e in (await self.session.execute(statement)).all()]

    async def save(self, record: Assignment) -> None:
        record.updated_at = datetime.now(UTC)  # the review's version moves even when only its scores changed
        await self.session.flush()
