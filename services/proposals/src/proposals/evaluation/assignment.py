"""Reviewer assignment by the admin: the automatic run over a call (evaluation/auto_assignment.py), the call's
assignments, manual assignment and withdrawal. Adding and withdrawing one assignment is evaluation/staffing.py.
"""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from proposals.access import Access
from proposals.call.models import Call
from proposals.errors import (
    AssignmentNotFound,
    AssignmentNotOpen,
    CallNotFound,
    ConflictOfInterest,
    EvaluatorUnavailable,
    ProposalNotFound,
)
from proposals.evaluation import auto_assignment
from proposals.evaluation.conflicts import conflicts, describe, evaluator_facts, proposal_facts
from proposals.evaluation.models import Assignment, Evaluator
from proposals.evaluation.pool_schemas import (
    AssignmentOut,
    AssignmentPage,
    AutoAssignmentReport,
    EvaluatorBrief,
    ScoreOut,
)
from proposals.evaluation.repository import EvaluationRepository
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.scoring import check_divergence
from proposals.evaluation.staffing import WITHDRAWN, brief, record_assigned, tell_evaluator, withdraw
from proposals.lifecycle.pipeline import evaluation_stage
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus


class AssignmentService:
    def __init__(self, repository: EvaluationRepository) -> None:
        self.repository = repository

    @property
    def session(self) -> AsyncSession:
        return self.repository.session

    async def open_call(self, call_id: uuid.UUID) -> Call:
        """The call, locked, if its evaluators may still change."""
        call = await self.repository.call(call_id, lock=True)
        if call is None:
            raise CallNotFound(f"There is no call {call_id}.")
        if call.decisions_released_at is not None:
            raise AssignmentNotOpen(f"The decisions of call {call.code} are released; its assignments are final.")
        return call
    async def auto_assign(self, *, access: Access, call_id: uuid.UUID) -> AutoAssignmentReport:
        """Give every proposal in evaluation at least the call's minimum of evaluators, balancing the load."""
        access.require_admin(what="assign evaluators")
        return await auto_assignment.run(self.repository, await self.open_call(call_id))

    async def list_for_call(
        self, *, access: Access, call_id: uuid.UUID, params: PageParams, status: AssignmentStatus | None,
    ) -> AssignmentPage:
        access.require_manager(what="see the assignments of a call")
        if await self.repository.call(call_id) is None:
            raise CallNotFound(f"There is no call {call_id}.")
        regions = None if access.is_admin else access.managed_regions
        rows, cursor = await self.repository.assignments_page(
            call_id, params, regions=regions, status=status.value if status else None,
        )
        proposals = await self.repository.proposals(a.proposal_id for a in rows)
        evaluators = await self.repository.evaluators(a.evaluator_id for a in rows)
        items = [
            self.out(a, proposal=proposals[a.proposal_id], evaluator=evaluators[a.evaluator_id],
                     with_scores=access.is_admin)
            for a in rows
        ]
        return AssignmentPage(items=items, next_cursor=cursor)

    async def assign(self, *, access: Access, proposal_id: uuid.UUID, evaluator_id: uuid.UUID) -> AssignmentOut:
        """Assign one evaluator by hand; refused on a conflict, when inactive, at their maximum, or on it already."""
        access.require_admin(what="assign evaluators")
        proposal = await self.repository.proposal(proposal_id, lock=True)
        if proposal is None:
            raise ProposalNotFound(f"There is no proposal {proposal_id}.")
        call = await self.open_call(proposal.call_id)
        if proposal.stage != evaluation_stage(call.stages, call.transitions):
            raise AssignmentNotOpen(f"{proposal.reference} is in stage '{proposal.stage}', not in evaluation.")
        evaluator = await self.repository.evaluator(evaluator_id)
        if evaluator is None:
            raise InvalidInput("There is no such evaluator.", errors=[FieldProblem(
                field="body.evaluator_id", message=f"no evaluator {evaluator_id}", code="not_found")])
        await self.check_available(evaluator, proposal=proposal, call=call)
        existing = {a.evaluator_id: a for a in await self.repository.assignments_of([proposal.id])}
        assignment = existing.get(evaluator.id)
        if assignment is not None and assignment.status != AssignmentStatus.withdrawn:
            raise EvaluatorUnavailable(f"{evaluator.name} is already assigned to {proposal.reference}.")
        if assignment is None:
            assignment = await self.repository.add(Assignment(
                proposal_id=proposal.id, evaluator_id=evaluator.id, status=AssignmentStatus.assigned.value,
                reason=AssignmentReason.manual.value,
            ))
        else:  # taken off before: the same row starts a fresh review
            await self.repository.clear_review(assignment)
            assignment.status, assignment.reason = AssignmentStatus.assigned.value, AssignmentReason.manual.value
            assignment.withdrawn_reason, assignment.submitted_at, assignment.comment = None, None, ""
            await self.repository.flush()
        await record_assigned(self.session, [assignment], call.id)
        await tell_evaluator(self.session, evaluator, proposal_id=proposal.id,
                             title=f"A new proposal to evaluate: {proposal.reference}")
        return self.out(assignment, proposal=proposal, evaluator=evaluator, with_scores=False)

    async def check_available(self, evaluator: Evaluator, *, proposal: Proposal, call: Call) -> None:
        if not evaluator.active:
            raise EvaluatorUnavailable(f"{evaluator.name} is not an active evaluator.")
        declarations = await self.repository.declarations([evaluator.id])
        partners = (await self.repository.partners([proposal.id]))[proposal.id]
        reasons = conflicts(evaluator_facts(evaluator, declarations), proposal_facts(proposal, partners, call))
        if reasons:
            raise ConflictOfInterest(
                f"{evaluator.name} may not evaluate {proposal.reference}: {describe(reasons)}.",
                extra={"conflicts": [{"kind": r.kind.value, "detail": r.detail} for r in reasons]},
            )
        load = (await self.repository.loads([evaluator.id])).get(evaluator.id, 0)
        if evaluator.max_load is not None and load >= evaluator.max_load:
            raise EvaluatorUnavailable(
                f"{evaluator.name} already has {load} assignments, their maximum; raise it or choose someone else."
            )

    async def withdraw(self, *, access: Access, assignment_id: uuid.UUID, reason: str | None) -> None:
        """Take an assignment back before its review is submitted (again: nothing happens)."""
        access.require_admin(what="withdraw assignments")
        assignment = await self.repository.assignment(assignment_id, lock=True)
        if assignment is None:
            raise AssignmentNotFound(f"There is no assignment {assignment_id}.")
        if assignment.status == AssignmentStatus.withdrawn:
            return
        proposal = await self.repository.proposal(assignment.proposal_id)
        assert proposal is not None  # the foreign key holds
        call = await self.open_call(proposal.call_id)
        if assignment.status == AssignmentStatus.submitted:
            raise AssignmentNotOpen("The review was submitted; a submitted review stays part of the evaluation.")
        await withdraw(self.repository, assignment, call_id=call.id,
                       reason=reason or "Withdrawn by the consortium admin.")
        evaluator = await self.repository.evaluator(assignment.evaluator_id)
        assert evaluator is not None
        await tell_evaluator(self.session, evaluator, proposal_id=proposal.id, kind=WITHDRAWN,
                             title=f"You no longer evaluate {proposal.reference}",
                             body=assignment.withdrawn_reason or "")
        # the reviews still out may now all be in: check divergence as after a submission
        scored_call = await ReviewRepository(self.session).call(call.id)
        assert scored_call is not None
        await check_divergence(self.session, proposal=proposal, call=scored_call)

    @staticmethod
    def out(assignment: Assignment, *, proposal: Proposal, evaluator: Evaluator, with_scores: bool) -> AssignmentOut:
        scores = (
            [ScoreOut(criterion=s.criterion, value=s.value) for s in assignment.scores] if with_scores else None
        )
        return AssignmentOut(
            id=assignment.id, proposal=brief(proposal), evaluator=EvaluatorBrief(id=evaluator.id, name=evaluator.name),
            status=AssignmentStatus(assignment.status), reason=AssignmentReason(assignment.reason),
            created_at=assignment.created_at, submitted_at=assignment.submitted_at,
            withdrawn_reason=assignment.withdrawn_reason, scores=scores,
        )
