"""Reviewer assignment: the automatic run over a call, manual assignment and withdrawal, and single extra picks.

An assignment counts towards an evaluator's load until it is withdrawn or its call's decisions are released.
The automatic run keeps what it must (submitted reviews, manual and divergence assignments, reviews with saved
scores) and may move its own untouched assignments when that balances the load better (evaluation/solver.py).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from proposals.access import Access
from proposals.call.models import Call
from proposals.db import outbox
from proposals.errors import (
    AssignmentNotFound,
    AssignmentNotOpen,
    CallNotFound,
    ConflictOfInterest,
    EvaluatorUnavailable,
    ProposalNotFound,
)
from proposals.evaluation import solver
from proposals.evaluation.conflicts import (
    ConflictReason,
    EvaluatorFacts,
    ProposalFacts,
    conflicts,
    consortium_languages,
    describe,
    evaluator_facts,
    proposal_facts,
)
from proposals.evaluation.models import Assignment, Evaluator
from proposals.evaluation.pool_schemas import (
    AssignmentOut,
    AssignmentPage,
    AutoAssignmentReport,
    EvaluatorBrief,
    EvaluatorLoad,
    ProposalBrief,
    ProposalStaffing,
    ScoreOut,
)
from proposals.evaluation.repository import EvaluationRepository
from proposals.notification.service import notify
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus, Audience, Guard

ASSIGNED = "evaluation.assigned"
WITHDRAWN = "evaluation.assignment_withdrawn"
AGGREGATE = "assignment"
WORKSPACE_LINK = "/me/assignments"


def evaluation_stages(call: Call) -> set[str]:
    """The stages the call's panel decides from: where proposals are evaluated (`call.transitions` loaded)."""
    return {t.from_stage for t in call.transitions if t.guard == Guard.decision_released}


def brief(proposal: Proposal) -> ProposalBrief:
    return ProposalBrief(id=proposal.id, reference=proposal.reference, title=proposal.title,
                         region_code=proposal.region_code)


def shortage_reason(shortage: solver.Shortage, target: int) -> str:
    if shortage.candidates < target:
        plural = "" if shortage.candidates == 1 else "s"
        return f"only {shortage.candidates} evaluator{plural} without a conflict"
    return "the other evaluators without a conflict have reached their maximum load"


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
        call = await self.open_call(call_id)
        stages = evaluation_stages(call)
        if not stages:
            raise AssignmentNotOpen(f"The pipeline of call {call.code} has no stage where the panel decides.")
        proposals = await self.repository.proposals_in_stages(call.id, stages)
        partners = await self.repository.partners(p.id for p in proposals)
        existing = await self.repository.assignments_of(p.id for p in proposals)
        scored = await self.repository.scored(a.id for a in existing)
        pool = await Pool.read(self.repository)
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
            await withdraw(self.repository, assignment, call_id=call.id, reason=reason)
        added = [
            Assignment(proposal_id=p, evaluator_id=e, status=AssignmentStatus.assigned.value,
                       reason=AssignmentReason.automatic.value)
            for p, es in plan.added.items() for e in es
        ]
        self.session.add_all(added)
        await self.repository.flush()
        await record_assigned(self.session, added, call.id)
        named = pool.evaluators | await self.repository.evaluators(a.evaluator_id for a, _ in removed)
        await self.tell_evaluators(call, named, added=added, removed=[a for a, _ in removed])
        return _report(call, proposals, needs, plan, named, pool)

    async def tell_evaluators(
        self, call: Call, evaluators: dict[uuid.UUID, Evaluator], *, added: list[Assignment],
        removed: list[Assignment],
    ) -> None:
        for evaluator_id, count in sorted(Counter(a.evaluator_id for a in added).items(), key=lambda i: str(i[0])):
            plural = "s" if count > 1 else ""
            await tell_evaluator(self.session, evaluators[evaluator_id],
                                 title=f"{count} new proposal{plural} to evaluate in call {call.code}")
        for evaluator_id, count in sorted(Counter(a.evaluator_id for a in removed).items(), key=lambda i: str(i[0])):
            plural = "s" if count > 1 else ""
            await tell_evaluator(self.session, evaluators[evaluator_id], kind=WITHDRAWN,
                                 title=f"{count} assignment{plural} in call {call.code} moved to other evaluators")

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
        if proposal.stage not in evaluation_stages(call):
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
