"""Staffing one proposal: the evaluator pool as one operation reads it, adding one evaluator (least loaded, no
conflict), withdrawing an assignment, and telling the evaluators; used by the automatic run, the manual steps,
the pool (a declared conflict) and the divergence check.

An assignment counts towards an evaluator's load until it is withdrawn or its call's decisions are released.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.call.models import Call
from proposals.db import outbox
from proposals.evaluation import solver
from proposals.evaluation.conflicts import (
    ConflictReason,
    EvaluatorFacts,
    ProposalFacts,
    conflicts,
    consortium_languages,
    evaluator_facts,
    proposal_facts,
)
from proposals.evaluation.models import Assignment, Evaluator
from proposals.evaluation.pool_schemas import ProposalBrief
from proposals.evaluation.repository import EvaluationRepository
from proposals.notification.service import notify
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus, Audience

ASSIGNED = "evaluation.assigned"
WITHDRAWN = "evaluation.assignment_withdrawn"
AGGREGATE = "assignment"
WORKSPACE_LINK = "/evaluation"  # the evaluator workspace in the web app

def brief(proposal: Proposal) -> ProposalBrief:
    return ProposalBrief(id=proposal.id, reference=proposal.reference, title=proposal.title,
                         region_code=proposal.region_code)


@dataclass(frozen=True)
class Pool:
    """The active evaluators, their loads and what their conflicts derive from, read once per operation."""

    evaluators: dict[uuid.UUID, Evaluator]
    loads: dict[uuid.UUID, int]
    facts: dict[uuid.UUID, EvaluatorFacts]

    @classmethod
    async def read(cls, repository: EvaluationRepository) -> Pool:
        evaluators = await repository.active_evaluators()
        declarations = await repository.declarations(e.id for e in evaluators)
        return cls(
            evaluators={e.id: e for e in evaluators}, loads=await repository.loads(e.id for e in evaluators),
            facts={e.id: evaluator_facts(e, declarations) for e in evaluators},
        )

    def slot(self, evaluator_id: uuid.UUID, *, moving: int = 0) -> solver.EvaluatorSlot:
        evaluator = self.evaluators[evaluator_id]
        return solver.EvaluatorSlot(
            id=evaluator.id, load=self.loads.get(evaluator.id, 0) - moving, max_load=evaluator.max_load,
            expertise=frozenset(evaluator.expertise), languages=frozenset(evaluator.languages),
        )

    def conflicted(self, proposal: ProposalFacts) -> dict[uuid.UUID, list[ConflictReason]]:
        found = {e: conflicts(facts, proposal) for e, facts in self.facts.items()}
        return {e: reasons for e, reasons in found.items() if reasons}


async def record_assigned(session: AsyncSession, assignments: list[Assignment], call_id: uuid.UUID) -> None:
    await outbox.record_events(session, aggregate_type=AGGREGATE, events=[
        (ASSIGNED, a.id, {"assignment_id": str(a.id), "proposal_id": str(a.proposal_id), "call_id": str(call_id),
                          "evaluator_id": str(a.evaluator_id), "reason": a.reason})
        for a in assignments
    ])


async def withdraw(
    repository: EvaluationRepository, assignment: Assignment, *, call_id: uuid.UUID, reason: str,
) -> None:
    """Take the assignment back (its scores stay for the record); the event says why."""
    assignment.status = AssignmentStatus.withdrawn.value
    assignment.withdrawn_reason = reason
    await repository.flush()
    await outbox.record_event(
        repository.session, type=WITHDRAWN, aggregate_type=AGGREGATE, aggregate_id=str(assignment.id),
        payload={"assignment_id": str(assignment.id), "proposal_id": str(assignment.proposal_id),
                 "call_id": str(call_id), "evaluator_id": str(assignment.evaluator_id), "reason": reason},
    )


async def tell_evaluator(session: AsyncSession, evaluator: Evaluator, *, title: str, body: str = "",
                         proposal_id: uuid.UUID | None = None, kind: str = ASSIGNED) -> None:
    await notify(session, audience=Audience.evaluator, key=evaluator.subject, kind=kind, title=title, body=body,
                 link=WORKSPACE_LINK, proposal_id=proposal_id)


async def add_one(
    repository: EvaluationRepository, *, proposal: Proposal, call: Call, reason: AssignmentReason,
) -> Assignment | None:
    """One more evaluator for the proposal (least loaded, no conflict, never on it before), or None."""
    pool = await Pool.read(repository)
    partners = (await repository.partners([proposal.id]))[proposal.id]
    facts = proposal_facts(proposal, partners, call)
    taken = {a.evaluator_id for a in await repository.assignments_of([proposal.id])}
    need = solver.ProposalNeed(
        id=proposal.id, target=len(taken) + 1, fixed=frozenset(taken), excluded=frozenset(pool.conflicted(facts)),
        priorities=frozenset(proposal.priorities), languages=consortium_languages(facts),
    )
    chosen = solver.pick_one([pool.slot(e) for e in pool.evaluators], need)
    if chosen is None:
        return None
    assignment = await repository.add(Assignment(
        proposal_id=proposal.id, evaluator_id=chosen, status=AssignmentStatus.assigned.value, reason=reason.value,
    ))
    await record_assigned(repository.session, [assignment], call.id)
    await tell_evaluator(repository.session, pool.evaluators[chosen], proposal_id=proposal.id,
                         title=f"A new proposal to evaluate: {proposal.reference}")
    return assignment


async def assign_extra(
    session: AsyncSession, *, proposal: Proposal, call: Call, reason: AssignmentReason | str,
) -> Assignment | None:
    """One more evaluator on `proposal` (e.g. when reviews diverge): the least loaded without a conflict who is
    not on it yet and has room under their maximum load; None when nobody qualifies. Publishes and notifies."""
    return await add_one(EvaluationRepository(session), proposal=proposal, call=call, reason=AssignmentReason(reason))
