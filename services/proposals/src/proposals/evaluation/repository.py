"""All SQL of the evaluator pool, conflict declarations and assignments (scores and decisions live elsewhere)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, exists, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor, paginate

from proposals.call.models import Call, Stage, Transition
from proposals.evaluation.models import Assignment, ConflictDeclaration, Evaluator, Score
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.vocab import AssignmentStatus, Guard

WITHDRAWN = AssignmentStatus.withdrawn.value


def _in_evaluation_stage() -> Any:
    """lifecycle/pipeline.py `evaluation_stage` in SQL: the proposal sits where its call's decisions release it."""
    return exists().where(
        Transition.call_id == Proposal.call_id, Transition.from_stage == Proposal.stage,
        Transition.guard == Guard.decision_released.value,
    )


class EvaluationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, record: Any) -> Any:
        self.session.add(record)
        await self.session.flush()
        await self.session.refresh(record)  # the server-set timestamps
        return record

    async def flush(self) -> None:
        await self.session.flush()

    # -- evaluators ----------------------------------------------------------------------------------------------

    async def evaluator(self, evaluator_id: uuid.UUID) -> Evaluator | None:
        return await self.session.get(Evaluator, evaluator_id)

    async def evaluator_by_subject(self, subject: str, *, lock: bool = False) -> Evaluator | None:
        statement = select(Evaluator).where(Evaluator.subject == subject)
        if lock:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def evaluators(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Evaluator]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.scalars(select(Evaluator).where(Evaluator.id.in_(wanted)))
        return {row.id: row for row in rows}

    async def active_evaluators(self) -> list[Evaluator]:
        statement = select(Evaluator).where(Evaluator.active.is_(True)).order_by(Evaluator.id)
        return list((await self.session.scalars(statement)).all())

    async def evaluators_page(self, params: PageParams, *, active: bool | None) -> tuple[list[Evaluator], str | None]:
        statement = select(Evaluator)
        if active is not None:
            statement = statement.where(Evaluator.active.is_(active))
        return await paginate(self.session, statement, keys=[Evaluator.name, Evaluator.id], params=params)

    async def loads(self, evaluator_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, int]:
        """Assignments not withdrawn, in calls whose decisions are not released, per evaluator."""
        statement = (
            select(Assignment.evaluator_id, func.count())
            .join(Proposal, Proposal.id == Assignment.proposal_id).join(Call, Call.id == Proposal.call_id)
            .where(Assignment.status != WITHDRAWN, Call.decisions_released_at.is_(None))
            .group_by(Assignment.evaluator_id)
        )
        if evaluator_ids is not None:
            statement = statement.where(Assignment.evaluator_id.in_(set(evaluator_ids)))
        return {row[0]: row[1] for row in (await self.session.execute(statement)).all()}

    # -- conflict declarations -----------------------------------------------------------------------------------

    async def declarations(self, evaluator_ids: Iterable[uuid.UUID]) -> list[ConflictDeclaration]:
        wanted = set(evaluator_ids)
        if not wanted:
            return []
        statement = (
            select(ConflictDeclaration).where(ConflictDeclaration.evaluator_id.in_(wanted))
            .order_by(ConflictDeclaration.declared_at, ConflictDeclaration.id)
        )
        return list((await self.session.scalars(statement)).all())

    async def declaration(self, declaration_id: uuid.UUID) -> ConflictDeclaration | None:
        return await self.session.get(ConflictDeclaration, declaration_id)

    async def delete(self, record: Any) -> None:
        await self.session.delete(record)
        await self.session.flush()

    # -- calls and proposals -------------------------------------------------------------------------------------

    async def call(self, call_id: uuid.UUID, *, lock: bool = False) -> Call | None:
        statement = select(Call).where(Call.id == call_id).options(
            selectinload(Call.stages), selectinload(Call.transitions),
        )
        if lock:
            # serialises the assignment runs of one call (a plain row lock: the call's version is untouched)
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def stage(self, call_id: uuid.UUID, key: str) -> Stage | None:
        statement = select(Stage).where(Stage.call_id == call_id, Stage.key == key)
        return (await self.session.scalars(statement)).one_or_none()

    async def proposal(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Proposal | None:
        statement = select(Proposal).where(Proposal.id == proposal_id)
        if lock:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def proposals(self, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Proposal]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = await self.session.scalars(select(Proposal).where(Proposal.id.in_(wanted)))
        return {row.id: row for row in rows}

    async def partners(self, proposal_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[ProposalPartner]]:
        wanted = set(proposal_ids)
        found: dict[uuid.UUID, list[ProposalPartner]] = {i: [] for i in wanted}
        if wanted:
            statement = (
                select(ProposalPartner).where(ProposalPartner.proposal_id.in_(wanted))
                .order_by(ProposalPartner.created_at, ProposalPartner.id)
            )
            for partner in await self.session.scalars(statement):
                found[partner.proposal_id].append(partner)
        return found

    async def proposals_in_stage(self, call_id: uuid.UUID, stage: str) -> list[Proposal]:
        statement = (
            select(Proposal).where(Proposal.call_id == call_id, Proposal.stage == stage)
            .order_by(Proposal.reference)
        )
        return list((await self.session.scalars(statement)).all())

    async def evaluation_proposals_page(
        self, params: PageParams, *, call_id: uuid.UUID | None,
    ) -> tuple[list[Proposal], str | None]:
        """Proposals in their call's evaluation stage, by reference."""
        statement = select(Proposal).where(_in_evaluation_stage())
        if call_id is not None:
            statement = statement.where(Proposal.call_id == call_id)
        return await paginate(self.session, statement, keys=[Proposal.reference], params=params)

    # -- assignments ---------------------------------------------------------------------------------------------

    async def assignment(self, assignment_id: uuid.UUID, *, lock: bool = False) -> Assignment | None:
        statement = select(Assignment).where(Assignment.id == assignment_id)
        if lock:
            statement = statement.with_for_update()
        return (await self.session.scalars(statement)).one_or_none()

    async def assignments_of(self, proposal_ids: Iterable[uuid.UUID]) -> list[Assignment]:
        """Every assignment of these proposals, withdrawn ones included."""
        wanted = set(proposal_ids)
        if not wanted:
            return []
        statement = (
            select(Assignment).where(Assignment.proposal_id.in_(wanted))
            .order_by(Assignment.created_at, Assignment.id)
        )
        return list((await self.session.scalars(statement)).all())

    async def scored(self, assignment_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        """The assignments whose evaluator has saved at least one score."""
        wanted = set(assignment_ids)
        if not wanted:
            return set()
        statement = select(Score.assignment_id).where(Score.assignment_id.in_(wanted)).distinct()
        return set((await self.session.scalars(statement)).all())

    async def open_assignments_of(self, evaluator_id: uuid.UUID) -> list[Assignment]:
        """The evaluator's assignments not withdrawn, in calls whose decisions are not released."""
        statement = (
            select(Assignment)
            .join(Proposal, Proposal.id == Assignment.proposal_id).join(Call, Call.id == Proposal.call_id)
            .where(Assignment.evaluator_id == evaluator_id, Assignment.status != WITHDRAWN,
                   Call.decisions_released_at.is_(None))
            .order_by(Assignment.created_at, Assignment.id)
            .with_for_update(of=Assignment)
        )
        return list((await self.session.scalars(statement)).all())

    async def clear_review(self, assignment: Assignment) -> None:
        """Forget the scores of a review that starts again."""
        await self.session.execute(delete(Score).where(Score.assignment_id == assignment.id))

    async def assignments_page(
        self, call_id: uuid.UUID, params: PageParams, *, regions: set[str] | None, status: str | None,
    ) -> tuple[list[Assignment], str | None]:
        """The call's assignments by proposal reference (`regions`: only proposals led from them)."""
        keys = (Proposal.reference, Assignment.id)
        statement = (
            select(Assignment).join(Proposal, Proposal.id == Assignment.proposal_id)
            .where(Proposal.call_id == call_id)
            .options(selectinload(Assignment.scores))
        )
        if regions is not None:
            statement = statement.where(Proposal.region_code.in_(regions))
        if status is not None:
            statement = statement.where(Assignment.status == status)
        if params.cursor:
            statement = statement.where(tuple_(*keys) > tuple_(*decode_cursor(params.cursor, keys)))
        statement = statement.add_columns(Proposal.reference).order_by(*keys).limit(params.limit + 1)
        rows = (await self.session.execute(statement)).all()
        items = [row[0] for row in rows[: params.limit]]
        if len(rows) <= params.limit:
            return items, None
        last = rows[params.limit - 1]
        return items, encode_cursor([last[1], last[0].id])
