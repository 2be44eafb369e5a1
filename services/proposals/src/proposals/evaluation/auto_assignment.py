"""The automatic assignment run over a call: every proposal in evaluation gets at least the call's minimum of
evaluators, with the load balanced across the pool (evaluation/solver.py).

The run keeps what it must (submitted reviews, manual and divergence assignments, reviews with saved scores) and
may move its own untouched assignments when that balances the load better.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.call.models import Call
from proposals.errors import AssignmentNotOpen
from proposals.evaluation import solver
from proposals.evaluation.conflicts import ProposalFacts, conflicts, consortium_languages, describe, proposal_facts
from proposals.evaluation.models import Assignment, Evaluator
from proposals.evaluation.pool_schemas import AutoAssignmentReport, EvaluatorBrief, EvaluatorLoad, ProposalStaffing
from proposals.evaluation.repository import EvaluationRepository
from proposals.evaluation.staffing import WITHDRAWN, Pool, brief, record_assigned, tell_evaluator, withdraw
from proposals.lifecycle.pipeline import evaluation_stage
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus


async def run(repository: EvaluationRepository, call: Call) -> AutoAssignmentReport:
    """Give every proposal in the call's evaluation stage at least its minimum of evaluators, balancing the load.

    `call` is locked (one run per call at a time) and its decisions are not released.
    """
    stage = evaluation_stage(call.stages, call.transitions)
    if stage is None:
        raise AssignmentNotOpen(f"The pipeline of call {call.code} has no stage where the panel decides.")
    proposals = await repository.proposals_in_stage(call.id, stage)
    partners = await repository.partners(p.id for p in proposals)
    existing = await repository.assignments_of(p.id for p in proposals)
    scored = await repository.scored(a.id for a in existing)
    pool = await Pool.read(repository)
    movable = {(a.proposal_id, a.evaluator_id): a for a in existing if _movable(a, scored)}
    moving = Counter(e for _, e in movable)
    facts = {p.id: proposal_facts(p, partners[p.id], call) for p in proposals}
    by_proposal: dict[uuid.UUID, list[Assignment]] = defaultdict(list)
    for assignment in existing:
        by_proposal[assignment.proposal_id].append(assignment)
    needs = []
    for proposal in proposals:
        mine = by_proposal[proposal.id]
        active = [a.evaluator_id for a in mine if a.status != AssignmentStatus.withdrawn]
        needs.append(solver.ProposalNeed(
            id=proposal.id, target=max(call.min_evaluators, len(active)),
            fixed=frozenset(e for e in active if (proposal.id, e) not in movable),
            movable=frozenset(e for e in active if (proposal.id, e) in movable),
            excluded=frozenset(pool.conflicted(facts[proposal.id])).union(
                a.evaluator_id for a in mine if a.status == AssignmentStatus.withdrawn),
            priorities=frozenset(proposal.priorities), languages=consortium_languages(facts[proposal.id]),
        ))
    plan = solver.plan([pool.slot(e, moving=moving[e]) for e in pool.evaluators], needs)
    removed = [(movable[p, e], _move_reason(pool, facts[p], e)) for p, es in plan.removed.items() for e in es]
    for assignment, reason in removed:
        await withdraw(repository, assignment, call_id=call.id, reason=reason)
    added = [
        Assignment(proposal_id=p, evaluator_id=e, status=AssignmentStatus.assigned.value,
                   reason=AssignmentReason.automatic.value)
        for p, es in plan.added.items() for e in es
    ]
    repository.session.add_all(added)
    await repository.flush()
    await record_assigned(repository.session, added, call.id)
    named = pool.evaluators | await repository.evaluators(a.evaluator_id for a, _ in removed)
    await _tell_evaluators(repository.session, call, named, added=added, removed=[a for a, _ in removed])
    return _report(call, proposals, needs, plan, named, pool)


async def _tell_evaluators(
    session: AsyncSession, call: Call, evaluators: dict[uuid.UUID, Evaluator], *, added: list[Assignment],
    removed: list[Assignment],
) -> None:
    for evaluator_id, count in sorted(Counter(a.evaluator_id for a in added).items(), key=lambda i: str(i[0])):
        plural = "s" if count > 1 else ""
        await tell_evaluator(session, evaluators[evaluator_id],
                             title=f"{count} new proposal{plural} to evaluate in call {call.code}")
    for evaluator_id, count in sorted(Counter(a.evaluator_id for a in removed).items(), key=lambda i: str(i[0])):
        plural = "s" if count > 1 else ""
        await tell_evaluator(session, evaluators[evaluator_id], kind=WITHDRAWN,
                             title=f"{count} assignment{plural} in call {call.code} moved to other evaluators")


def shortage_reason(shortage: solver.Shortage, target: int) -> str:
    if shortage.candidates < target:
        plural = "" if shortage.candidates == 1 else "s"
        return f"only {shortage.candidates} evaluator{plural} without a conflict"
    return "the other evaluators without a conflict have reached their maximum load"


def _movable(assignment: Assignment, scored: set[uuid.UUID]) -> bool:
    """An assignment the automatic run made and nobody has worked on: it may be moved to balance the load."""
    return (assignment.status == AssignmentStatus.assigned and assignment.reason == AssignmentReason.automatic
            and assignment.id not in scored)


def _move_reason(pool: Pool, proposal: ProposalFacts, evaluator_id: uuid.UUID) -> str:
    if evaluator_id not in pool.evaluators:
        return "The evaluator is no longer active."
    reasons = conflicts(pool.facts[evaluator_id], proposal)
    if reasons:
        return f"Conflict of interest: the evaluator {describe(reasons)}."
    return "Moved to another evaluator to balance the load."


def _report(
    call: Call, proposals: list[Proposal], needs: list[solver.ProposalNeed], plan: solver.Plan,
    evaluators: dict[uuid.UUID, Evaluator], pool: Pool,
) -> AutoAssignmentReport:
    def names(ids: tuple[uuid.UUID, ...]) -> list[EvaluatorBrief]:
        return [EvaluatorBrief(id=i, name=evaluators[i].name) for i in ids]

    rows = []
    for proposal, need in zip(proposals, needs, strict=True):
        shortage = plan.short.get(proposal.id)
        rows.append(ProposalStaffing(
            proposal=brief(proposal), target=need.target, active=need.target - (shortage.missing if shortage else 0),
            added=names(plan.added.get(proposal.id, ())), moved_away=names(plan.removed.get(proposal.id, ())),
            short=shortage.missing if shortage else 0,
            short_reason=shortage_reason(shortage, need.target) if shortage else None,
        ))
    loads = [
        EvaluatorLoad(evaluator=EvaluatorBrief(id=e.id, name=e.name),
                      load=plan.loads.get(e.id, pool.loads.get(e.id, 0)), max_load=e.max_load)
        for e in sorted(pool.evaluators.values(), key=lambda e: (e.name, str(e.id)))
    ]
    return AutoAssignmentReport(
        call_id=call.id, assigned=sum(len(v) for v in plan.added.values()),
        withdrawn=sum(len(v) for v in plan.removed.values()), optimal=plan.optimal, proposals=rows,
        still_short=[row for row in rows if row.short], loads=loads,
    )
