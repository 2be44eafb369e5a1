"""The panel's view of one proposal: the reviews side by side, readiness, and the consensus report.

The admin writes the consensus (the reviews' mean to the nearest 0.5 is the suggestion), then finalises it once
the proposal is ready: at least `min_evaluators` reviews in and no divergence still waiting for its extra review.
Changing a finalised consensus reopens it; once the call's decisions are released nothing changes any more.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.concurrency import check_if_match
from tex4im_common.problems import FieldProblem, Forbidden

from proposals.access import Access
from proposals.call.models import Call
from proposals.concurrency import require_if_match
from proposals.db import outbox
from proposals.errors import (
    ConsensusMissing,
    DecisionsAlreadyReleased,
    EvaluationNotReady,
    InvalidScores,
)
from proposals.evaluation import review_schemas as out
from proposals.evaluation.models import Assignment, Consensus, Evaluator
from proposals.evaluation.panel_repository import PanelRepository
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.rubric import Spread, score_sheet, spreads, values_of
from proposals.evaluation.scoring import call_brief, proposal_brief, require_evaluation_stage
from proposals.proposal.loader import load
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus

CONSENSUS_SAVED, CONSENSUS_FINALISED = "evaluation.consensus_saved", "evaluation.consensus_finalised"


# -- readiness, over plain rows -----------------------------------------------------------------------------------


def live(reviews: Sequence[Assignment]) -> list[Assignment]:
    return [a for a in reviews if a.status != AssignmentStatus.withdrawn]


def submitted(reviews: Sequence[Assignment]) -> list[Assignment]:
    return [a for a in reviews if a.status == AssignmentStatus.submitted]


def readiness(reviews: Sequence[Assignment], stats: Sequence[Spread], *, required: int) -> out.Readiness:
    """Ready: at least `required` reviews in, and no criterion diverging without its extra review in."""
    done, pending = submitted(reviews), [a for a in live(reviews) if a.status == AssignmentStatus.assigned]
    divergent = [s.criterion.title for s in stats if s.divergent]
    settled = any(a.reason == AssignmentReason.divergence for a in done)
    divergence_pending = bool(divergent) and not settled
    reasons = []
    if len(done) < required:
        reasons.append(f"{len(done)} of the {required} reviews needed are submitted.")
    if divergence_pending:
        reasons.append(f"Scores diverge on {', '.join(divergent)}: the extra evaluator's review is not in yet.")
    return out.Readiness(ready=not reasons, submitted=len(done), required=required, pending=len(pending),
                         divergence_pending=divergence_pending, reasons=reasons)


def decimal_scores(consensus: Consensus) -> dict[str, Decimal]:
    return {key: Decimal(str(value)) for key, value in consensus.scores.items()}


def consensus_out(consensus: Consensus, call: Call) -> out.ConsensusOut:
    values = decimal_scores(consensus)
    lines = [
        out.ConsensusLine(criterion=c.key, title=c.title, value=values[c.key], threshold=c.threshold,
                          passed=values[c.key] >= c.threshold, comment=consensus.comments.get(c.key, ""))
        for c in call.criteria if c.key in values
    ]
    return out.ConsensusOut(
        proposal_id=consensus.proposal_id, scores=lines, summary=consensus.summary, total=consensus.total,
        overall_threshold=call.overall_threshold, passed=consensus.passed, finalised=consensus.finalised_at is not None,
        finalised_at=consensus.finalised_at, written_by=consensus.written_by, version=consensus.version,
        updated_at=consensus.updated_at,
    )


def panel_review(assignment: Assignment, evaluator: Evaluator, call: Call) -> out.PanelReview:
    done = assignment.status == AssignmentStatus.submitted
    values = values_of(assignment)
    sheet = score_sheet(call.criteria, values, {}, overall_threshold=call.overall_threshold) if done else None
    return out.PanelReview(
        assignment_id=assignment.id, evaluator_id=evaluator.id, evaluator_name=evaluator.name,
        reason=AssignmentReason(assignment.reason), status=AssignmentStatus(assignment.status),
        submitted_at=assignment.submitted_at, withdrawn_reason=assignment.withdrawn_reason,
        comment=assignment.comment if done else None,
        scores=[out.ReviewScore(criterion=s.criterion, value=s.value, comment=s.comment)
                for s in assignment.scores] if done else [],
        total=sheet.total if sheet else None,
    )


def refuse_after_release(call: Call) -> None:
    if call.decisions_released_at is not None:
        raise DecisionsAlreadyReleased(
            f"The decisions of call {call.code} were released on {call.decisions_released_at:%Y-%m-%d}; "
            "the consensus can no longer change."
        )


class ConsensusService:
    def __init__(self, reviews: ReviewRepository, panel: PanelRepository) -> None:
        self.reviews, self.panel = reviews, panel

    @property
    def session(self) -> AsyncSession:
        return self.panel.session

    async def proposal(self, *, access: Access, proposal_id: uuid.UUID, write: bool) -> tuple[Proposal, Call]:
        """The proposal if the caller may see it (404 otherwise); the admin writes, the lead region's managers read."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=write)
        relation = loaded.relation
        if write and not relation.admin:
            raise Forbidden("Only the consortium admin may write the consensus.")
        if not (relation.admin or relation.lead_region_manager):
            raise Forbidden("Only the consortium admin and the lead region's cluster managers may read the evaluation.")
        return loaded.proposal, loaded.call

    async def state(self, proposal: Proposal, call: Call) -> tuple[list[tuple[Assignment, Evaluator]], list[Spread]]:
        reviews = await self.reviews.reviews_of(proposal.id)
        stats = spreads(call.criteria, [values_of(a) for a, _ in reviews if a.status == AssignmentStatus.submitted],
                        call.divergence_threshold)
        return reviews, stats

    def view(self, access: Access, call: Call, consensus: Consensus | None, stats: list[Spread]) -> out.ConsensusView:
        return out.ConsensusView(
            suggested={s.criterion.key: s.suggested for s in stats},
            consensus=consensus_out(consensus, call) if consensus else None,
            editable=access.is_admin and call.decisions_released_at is None,
        )

    async def overview(self, *, access: Access, proposal_id: uuid.UUID) -> out.EvaluationOut:
        proposal, call = await self.proposal(access=access, proposal_id=proposal_id, write=False)
        reviews, stats = await self.state(proposal, call)
        consensus = await self.panel.consensus(proposal.id)
        return out.EvaluationOut(
            proposal=proposal_brief(proposal), stage=proposal.stage, call=call_brief(call),
            divergence_threshold=call.divergence_threshold,
            reviews=[panel_review(a, e, call) for a, e in reviews],
            criteria=[out.CriterionStats(
                criterion=s.criterion.key, title=s.criterion.title, threshold=s.criterion.threshold,
                mean=None if s.mean is None else s.mean.quantize(Decimal("0.01")), min=s.low, max=s.high,
                spread=s.spread, divergent=s.divergent, suggested=s.suggested,
            ) for s in stats],
            readiness=readiness([a for a, _ in reviews], stats, required=call.min_evaluators),
            consensus=self.view(access, call, consensus, stats),
        )

    async def get(self, *, access: Access, proposal_id: uuid.UUID) -> out.ConsensusView:
        proposal, call = await self.proposal(access=access, proposal_id=proposal_id, write=False)
        _, stats = await self.state(proposal, call)
        return self.view(access, call, await self.panel.consensus(proposal.id), stats)

    async def put(
        self, *, access: Access, proposal_id: uuid.UUID, data: out.ConsensusIn, if_match: str | None,
    ) -> out.ConsensusView:
        """Write the agreed scores (left out: the suggestion); a finalised consensus that changes is reopened."""
        proposal, call = await self.proposal(access=access, proposal_id=proposal_id, write=True)
        consensus = await self.panel.consensus(proposal.id, lock=True)
        refuse_after_release(call)
        require_evaluation_stage(proposal, call)
        if consensus is not None:  # the first writer has nothing to have read
            require_if_match(if_match, consensus.version)
        _, stats = await self.state(proposal, call)
        values, comments = self.agreed(call, data, {s.criterion.key: s.suggested for s in stats})
        sheet = score_sheet(call.criteria, values, comments, overall_threshold=call.overall_threshold)
        scores = {key: str(value) for key, value in values.items()}
        if consensus is None:
            consensus = Consensus(proposal_id=proposal.id, scores=scores, comments=comments, summary=data.summary,
                                  total=sheet.total, passed=bool(sheet.passed), written_by=access.subject)
            await self.panel.add(consensus)
        else:
            previous = (decimal_scores(consensus), consensus.comments, consensus.summary)
            changed = previous != (values, comments, data.summary)
            consensus.scores, consensus.comments, consensus.summary = scores, comments, data.summary
            consensus.total, consensus.passed, consensus.written_by = sheet.total, bool(sheet.passed), access.subject
            if changed:
                consensus.finalised_at = None
        await self.panel.save(consensus)
        await outbox.record_event(
            self.session, type=CONSENSUS_SAVED, aggregate_type="proposal", aggregate_id=str(proposal.id),
            payload={"proposal_id": proposal.id, "call_id": call.id, "reference": proposal.reference,
                     "total": consensus.total, "passed": consensus.passed, "finalised": False},
        )
        return self.view(access, call, consensus, stats)

    @staticmethod
    def agreed(
        call: Call, data: out.ConsensusIn, suggested: dict[str, Decimal | None],
    ) -> tuple[dict[str, Decimal], dict[str, str]]:
        known, problems = {c.key for c in call.criteria}, []
        given: dict[str, out.ConsensusScoreIn] = {}
        for i, item in enumerate(data.scores):
            if item.criterion not in known or item.criterion in given:
                problems.append(FieldProblem(
                    field=f"body.scores.{i}.criterion", code="unknown_criterion" if item.criterion not in known
                    else "duplicate", message=f"'{item.criterion}' is not a criterion of the call, or comes twice",
                ))
            given.setdefault(item.criterion, item)
        values, comments = {}, {}
        for criterion in call.criteria:
            item = given.get(criterion.key)
            value = item.value if item and item.value is not None else suggested.get(criterion.key)
            if value is None:
                problems.append(FieldProblem(field=f"body.scores.{criterion.key}", code="missing_score",
                                             message="no score given and no submitted review to suggest one"))
                continue
            values[criterion.key] = value.quantize(Decimal("0.1"))
            if item and item.comment:
                comments[criterion.key] = item.comment
        if problems:
            raise InvalidScores("Give one agreed score per criterion of the call.", errors=problems)
        return values, comments

    async def finalise(self, *, access: Access, proposal_id: uuid.UUID, if_match: str | None) -> out.ConsensusView:
        """Settle the consensus: needs a ready evaluation; finalising twice changes nothing."""
        proposal, call = await self.proposal(access=access, proposal_id=proposal_id, write=True)
        consensus = await self.panel.consensus(proposal.id, lock=True)
        if consensus is None:
            raise ConsensusMissing(f"Write the consensus of {proposal.reference} before finalising it.")
        check_if_match(if_match, consensus.version)
        refuse_after_release(call)
        require_evaluation_stage(proposal, call)
        reviews, stats = await self.state(proposal, call)
        ready = readiness([a for a, _ in reviews], stats, required=call.min_evaluators)
        if not ready.ready:
            raise EvaluationNotReady(" ".join(ready.reasons), extra={"readiness": ready.model_dump(mode="json")})
        if consensus.finalised_at is None:
            consensus.finalised_at = datetime.now(UTC)
            await self.panel.save(consensus)
            await outbox.record_event(
                self.session, type=CONSENSUS_FINALISED, aggregate_type="proposal", aggregate_id=str(proposal.id),
                payload={"proposal_id": proposal.id, "call_id": call.id, "reference": proposal.reference,
                         "total": consensus.total, "passed": consensus.passed, "finalised_at": consensus.finalised_at},
            )
        return self.view(access, call, consensus, stats)
