"""Reviews: the evaluator's workspace, scoring against the call's rubric (evaluation/rubric.py), submission, and
the divergence check.

When every active review of a proposal is in and two scores of a criterion lie further apart than the call
allows, one more evaluator is added (once) and the admins are told.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.models import Call
from proposals.concurrency import require_if_match
from proposals.db import outbox
from proposals.errors import (
    AssignmentNotFound,
    InvalidScores,
    NotInEvaluation,
    ProposalNotFound,
    ReviewAlreadySubmitted,
    ReviewIncomplete,
)
from proposals.evaluation import review_schemas as out
from proposals.evaluation.models import Assignment, Score
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.rubric import score_sheet, shares, spreads, values_of
from proposals.evaluation.staffing import assign_extra
from proposals.lifecycle.pipeline import evaluation_stage
from proposals.notification.service import notify
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.loader import load
from proposals.proposal.models import Proposal
from proposals.vocab import AssignmentReason, AssignmentStatus, Audience, PhaseKind

REVIEW_SUBMITTED, DIVERGENCE_DETECTED = "evaluation.review_submitted", "evaluation.divergence_detected"


def due_at(call: Call) -> datetime | None:
    return next((p.closes_at for p in call.phases if p.kind == PhaseKind.evaluation), None)


def proposal_brief(proposal: Proposal) -> out.ProposalBrief:
    return out.ProposalBrief(id=proposal.id, reference=proposal.reference, title=proposal.title,
                             acronym=proposal.acronym, region_code=proposal.region_code)


def call_brief(call: Call) -> out.CallBrief:
    return out.CallBrief(id=call.id, code=call.code, title=call.title)


def require_evaluation_stage(proposal: Proposal, call: Call) -> None:
    """409 unless the proposal is in its call's evaluation stage (`call.stages` and `call.transitions` loaded)."""
    if proposal.stage != evaluation_stage(call.stages, call.transitions):
        raise NotInEvaluation(f"Proposal {proposal.reference} is in '{proposal.stage}', not under evaluation.")


def review_out(assignment: Assignment, call: Call) -> out.ReviewOut:
    sheet = score_sheet(call.criteria, values_of(assignment), {s.criterion: s.comment for s in assignment.scores},
                        overall_threshold=call.overall_threshold)
    return out.ReviewOut(
        assignment_id=assignment.id, status=AssignmentStatus(assignment.status), version=assignment.version,
        comment=assignment.comment, submitted_at=assignment.submitted_at, scores=sheet.lines, total=sheet.total,
        overall_threshold=call.overall_threshold, passed=sheet.passed, missing=sheet.missing,
        comments_missing=sheet.comments_missing,
    )


class ReviewService:
    def __init__(self, repository: ReviewRepository) -> None:
        self.repository = repository

    @property
    def session(self) -> AsyncSession:
        return self.repository.session

    async def workspace(self, *, access: Access, params: PageParams, status: str | None) -> out.AssignmentPage:
        """The caller's assignments (withdrawn ones left out), oldest first."""
        access.require_evaluator(what="have a review workspace")
        evaluator = await self.repository.evaluator_by_subject(access.subject)
        if evaluator is None:
            return out.AssignmentPage(items=[])
        rows, cursor = await self.repository.assignments_of(evaluator.id, status=status, params=params)
        proposals = await self.repository.proposals([a.proposal_id for a in rows])
        calls = await self.repository.calls([p.call_id for p in proposals.values()])
        items = []
        for assignment in rows:
            proposal = proposals[assignment.proposal_id]
            call = calls[proposal.call_id]
            items.append(out.AssignmentSummary(
                id=assignment.id, status=AssignmentStatus(assignment.status),
                reason=AssignmentReason(assignment.reason), proposal=proposal_brief(proposal), call=call_brief(call),
                due_at=due_at(call), progress=out.Progress(scored=len(assignment.scores), criteria=len(call.criteria)),
                submitted_at=assignment.submitted_at, version=assignment.version,
            ))
        return out.AssignmentPage(items=items, next_cursor=cursor)

    async def own(self, *, access: Access, assignment_id: uuid.UUID, lock: bool = False) -> Assignment:
        """The caller's own live assignment; anyone else's, or a withdrawn one, does not exist for them."""
        access.require_user()
        evaluator = await self.repository.evaluator_by_subject(access.subject)
        assignment = await self.repository.assignment(assignment_id, lock=lock)
        if (evaluator is None or assignment is None or assignment.evaluator_id != evaluator.id
                or assignment.status == AssignmentStatus.withdrawn):
            raise AssignmentNotFound(f"There is no assignment {assignment_id} of yours.")
        return assignment

    async def context(self, *, access: Access, assignment: Assignment, lock: bool = False) -> tuple[Proposal, Call]:
        """The assignment's proposal (with its partners) and call, as proposal/loader.py lets the evaluator read."""
        try:
            loaded = await load(self.session, access=access, proposal_id=assignment.proposal_id, lock=lock)
        except ProposalNotFound:
            raise AssignmentNotFound(f"There is no assignment {assignment.id} of yours.") from None
        return loaded.proposal, loaded.call

    async def detail(self, *, access: Access, assignment_id: uuid.UUID) -> out.AssignmentDetail:
        assignment = await self.own(access=access, assignment_id=assignment_id)
        proposal, call = await self.context(access=access, assignment=assignment)
        version = await ArchiveRepository(self.session).latest_version(proposal.id)
        share = shares(call.criteria)
        return out.AssignmentDetail(
            id=assignment.id, reason=AssignmentReason(assignment.reason), due_at=due_at(call),
            proposal=proposal_brief(proposal), stage=proposal.stage, call=call_brief(call),
            version=out.FrozenVersion(number=version.number, submitted_at=version.submitted_at,
                                      content=version.content) if version else None,
            criteria=[out.CriterionOut(key=c.key, title=c.title, description=c.description, weight=c.weight,
                                       share=share[c.key], threshold=c.threshold) for c in call.criteria],
            review=review_out(assignment, call),
        )

    async def save_scores(
        self, *, access: Access, assignment_id: uuid.UUID, data: out.ScoresIn, if_match: str | None,
    ) -> out.ReviewOut:
        """Replace the draft review: the given scores and comments, the others cleared."""
        assignment = await self.own(access=access, assignment_id=assignment_id, lock=True)
        if assignment.status == AssignmentStatus.submitted:
            raise ReviewAlreadySubmitted("The review was submitted; its scores can no longer change.")
        proposal, call = await self.context(access=access, assignment=assignment)
        require_evaluation_stage(proposal, call)
        require_if_match(if_match, assignment.version)
        known, seen, problems = {c.key for c in call.criteria}, set(), []
        for i, item in enumerate(data.scores):
            if item.criterion not in known:
                problems.append(FieldProblem(field=f"body.scores.{i}.criterion", code="unknown_criterion",
                                             message=f"the call has no criterion '{item.criterion}'"))
            elif item.criterion in seen:
                problems.append(FieldProblem(field=f"body.scores.{i}.criterion", code="duplicate",
                                             message=f"'{item.criterion}' is scored twice"))
            seen.add(item.criterion)
        if problems:
            raise InvalidScores(f"Score the call's criteria once each: {', '.join(sorted(known))}.", errors=problems)
        given = {item.criterion: item for item in data.scores}
        for score in list(assignment.scores):
            if score.criterion not in given:
                assignment.scores.remove(score)
        current = {s.criterion: s for s in assignment.scores}
        for key, item in given.items():
            value = item.value.quantize(Decimal("0.1"))
            if key in current:
                current[key].value, current[key].comment = value, item.comment
            else:
                assignment.scores.append(Score(criterion=key, value=value, comment=item.comment))
        assignment.comment = data.comment
        await self.repository.save(assignment)
        return review_out(assignment, call)

    async def submit(self, *, access: Access, assignment_id: uuid.UUID) -> out.ReviewOut:
        """Send the review: complete, with a comment on every score below its threshold; then check divergence."""
        assignment = await self.own(access=access, assignment_id=assignment_id)
        # one submission per proposal at a time, so the last review in always sees all the others
        proposal, call = await self.context(access=access, assignment=assignment, lock=True)
        assignment = await self.own(access=access, assignment_id=assignment_id, lock=True)
        if assignment.status == AssignmentStatus.submitted:
            raise ReviewAlreadySubmitted("The review was already submitted.")
        require_evaluation_stage(proposal, call)
        review = review_out(assignment, call)
        if review.missing or review.comments_missing:
            raise ReviewIncomplete(
                "Score every criterion, and explain each score below its threshold, before submitting.",
                errors=[FieldProblem(field=f"scores.{key}", code="missing_score", message="not scored")
                        for key in review.missing]
                + [FieldProblem(field=f"scores.{key}.comment", code="comment_required",
                                message="scored below the threshold: say why") for key in review.comments_missing],
            )
        assignment.status, assignment.submitted_at = AssignmentStatus.submitted.value, datetime.now(UTC)
        await self.repository.save(assignment)
        review = review_out(assignment, call)
        await outbox.record_event(
            self.session, type=REVIEW_SUBMITTED, aggregate_type="proposal", aggregate_id=str(proposal.id),
            payload={"proposal_id": proposal.id, "call_id": call.id, "reference": proposal.reference,
                     "assignment_id": assignment.id, "evaluator_id": assignment.evaluator_id,
                     "total": review.total, "passed": review.passed, "submitted_at": assignment.submitted_at},
        )
        await self.check_divergence(proposal=proposal, call=call)
        return review

    async def check_divergence(self, *, proposal: Proposal, call: Call) -> Assignment | None:
        """Once every active review is in: add one divergence evaluator if a criterion's scores lie too far apart.

        Call it too when an assignment is withdrawn: the reviews still out may then all be in. `proposal` needs its
        partners, `call` its criteria, stages and transitions loaded. Returns the extra assignment, if any.
        """
        active = [a for a, _ in await self.repository.reviews_of(proposal.id) if a.status != AssignmentStatus.withdrawn]
        if not active or any(a.status != AssignmentStatus.submitted for a in active):
            return None
        if any(a.reason == AssignmentReason.divergence for a in active):
            return None
        divergent = [s for s in spreads(call.criteria, [values_of(a) for a in active], call.divergence_threshold)
                     if s.divergent]
        if not divergent:
            return None
        extra = await assign_extra(self.session, proposal=proposal, call=call, reason=AssignmentReason.divergence)
        evaluator = await self.repository.evaluator(extra.evaluator_id) if extra else None
        await outbox.record_event(
            self.session, type=DIVERGENCE_DETECTED, aggregate_type="proposal", aggregate_id=str(proposal.id),
            payload={"proposal_id": proposal.id, "call_id": call.id, "reference": proposal.reference,
                     "threshold": call.divergence_threshold,
                     "criteria": [{"criterion": s.criterion.key, "min": s.low, "max": s.high, "spread": s.spread}
                                  for s in divergent],
                     "extra_assignment_id": extra.id if extra else None,
                     "extra_evaluator_id": extra.evaluator_id if extra else None},
        )
        apart = "; ".join(f"{s.criterion.title}: {s.low} to {s.high}" for s in divergent)
        outcome = (f"{evaluator.name} was assigned as an extra evaluator." if evaluator
                   else "No evaluator without a conflict is free: assign one by hand.")
        await notify(
            self.session, audience=Audience.admins, kind=DIVERGENCE_DETECTED, proposal_id=proposal.id,
            title=f"Scores diverge on {proposal.reference}",
            body=f"Reviews differ by more than {call.divergence_threshold} ({apart}). {outcome}",
            link=f"/proposals/{proposal.id}/evaluation",
        )
        return extra


async def check_divergence(session: AsyncSession, *, proposal: Proposal, call: Call) -> Assignment | None:
    """The divergence check for other packages (e.g. after an assignment is withdrawn); see `ReviewService`."""
    return await ReviewService(ReviewRepository(session)).check_divergence(proposal=proposal, call=call)
