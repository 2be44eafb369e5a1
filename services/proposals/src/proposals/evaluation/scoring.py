"""Reviews: the evaluator's workspace, scoring against the call's rubric, submission, and the divergence check.

A review is scored 0–5 in half steps per criterion; its total weighs the criteria with their weights normalised
to sum 1. When every active review of a proposal is in and two scores of a criterion lie further apart than the
call allows, one more evaluator is added (once) and the admins are told.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.concurrency import check_if_match
from tex4im_common.pagination import PageParams, paginate
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.models import Call, Criterion, Transition
from proposals.db import outbox
from proposals.errors import (
    AssignmentNotFound,
    InvalidScores,
    NotInEvaluation,
    ReviewAlreadySubmitted,
    ReviewIncomplete,
)
from proposals.evaluation import review_schemas as out
from proposals.evaluation.models import Assignment, Evaluator, Score
from proposals.notification.service import notify
from proposals.proposal import policy
from proposals.proposal.models import Proposal, ProposalVersion
from proposals.vocab import AssignmentReason, AssignmentStatus, Audience, Guard, PhaseKind

TWO_PLACES, FOUR_PLACES = Decimal("0.01"), Decimal("0.0001")
REVIEW_SUBMITTED, DIVERGENCE_DETECTED = "evaluation.review_submitted", "evaluation.divergence_detected"

# -- the arithmetic, over plain rows -------------------------------------------------------------------------------


def weighted_total(criteria: Sequence[Criterion], values: Mapping[str, Decimal]) -> Decimal:
    """Σ weight × score with the weights normalised to sum 1; an unscored criterion counts 0. Two places."""
    weights = sum((c.weight for c in criteria), Decimal(0))
    if not weights:
        return Decimal("0.00")
    points = sum((c.weight * values[c.key] for c in criteria if c.key in values), Decimal(0))
    return (points / weights).quantize(TWO_PLACES, ROUND_HALF_UP)


def shares(criteria: Sequence[Criterion]) -> dict[str, Decimal]:
    weights = sum((c.weight for c in criteria), Decimal(0)) or Decimal(1)
    return {c.key: (c.weight / weights).quantize(FOUR_PLACES, ROUND_HALF_UP) for c in criteria}


def to_half(value: Decimal) -> Decimal:
    """The nearest half step (halves round up: 3.25 → 3.5)."""
    return ((value * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Sheet:
    lines: list[out.ScoreLine]
    total: Decimal
    passed: bool | None
    missing: list[str]
    comments_missing: list[str]


def score_sheet(
    criteria: Sequence[Criterion], values: Mapping[str, Decimal], comments: Mapping[str, str], *,
    overall_threshold: Decimal,
) -> Sheet:
    """Each criterion against its threshold, the weighted total, and the overall pass (None while incomplete)."""
    lines = [
        out.ScoreLine(criterion=c.key, title=c.title, value=values.get(c.key), comment=comments.get(c.key, ""),
                      threshold=c.threshold, passed=None if c.key not in values else values[c.key] >= c.threshold)
        for c in criteria
    ]
    total = weighted_total(criteria, values)
    missing = [line.criterion for line in lines if line.value is None]
    passed = None if missing else all(line.passed for line in lines) and total >= overall_threshold
    comments_missing = [line.criterion for line in lines if line.passed is False and not line.comment.strip()]
    return Sheet(lines, total, passed, missing, comments_missing)


@dataclass(frozen=True)
class Spread:
    criterion: Criterion
    low: Decimal | None
    high: Decimal | None
    mean: Decimal | None  # exact
    divergent: bool

    @property
    def spread(self) -> Decimal | None:
        return None if self.low is None or self.high is None else self.high - self.low

    @property
    def suggested(self) -> Decimal | None:
        return None if self.mean is None else to_half(self.mean)


def spreads(
    criteria: Sequence[Criterion], reviews: Sequence[Mapping[str, Decimal]], threshold: Decimal,
) -> list[Spread]:
    """Per criterion over the given reviews' scores: lowest, highest, mean, and whether max − min > threshold."""
    result = []
    for criterion in criteria:
        given = [r[criterion.key] for r in reviews if criterion.key in r]
        if not given:
            result.append(Spread(criterion, None, None, None, False))
            continue
        low, high = min(given), max(given)
        result.append(Spread(criterion, low, high, sum(given, Decimal(0)) / len(given), high - low > threshold))
    return result


def values_of(assignment: Assignment) -> dict[str, Decimal]:
    return {s.criterion: s.value for s in assignment.scores}


def evaluation_stages(transitions: Sequence[Transition]) -> set[str]:
    """The stages the evaluation happens in: those the release of the panel's decisions moves proposals out of."""
    return {t.from_stage for t in transitions if t.guard == Guard.decision_released}


def due_at(call: Call) -> datetime | None:
    return next((p.closes_at for p in call.phases if p.kind == PhaseKind.evaluation), None)


def proposal_brief(proposal: Proposal) -> out.ProposalBrief:
    return out.ProposalBrief(id=proposal.id, reference=proposal.reference, title=proposal.title,
                             acronym=proposal.acronym, region_code=proposal.region_code)


def call_brief(call: Call) -> out.CallBrief:
    return out.CallBrief(id=call.id, code=call.code, title=call.title)


def require_evaluation_stage(proposal: Proposal, call: Call) -> None:
    if proposal.stage not in evaluation_stages(call.transitions):
        raise NotInEvaluation(f"Proposal {proposal.reference} is in '{proposal.stage}', not under evaluation.")


# -- SQL ----------------------------------------------------------------------------------------------------------


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

    async def proposal(self, proposal_id: uuid.UUID, *, lock: bool = False) -> Proposal | None:
        statement = select(Proposal).options(selectinload(Proposal.partners)).where(Proposal.id == proposal_id)
        if lock:
            statement = statement.with_for_update(of=Proposal).execution_options(populate_existing=True)
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

    async def latest_version(self, proposal_id: uuid.UUID) -> ProposalVersion | None:
        statement = (select(ProposalVersion).where(ProposalVersion.proposal_id == proposal_id)
                     .order_by(ProposalVersion.number.desc()).limit(1))
        return await self.session.scalar(statement)

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


# -- the service --------------------------------------------------------------------------------------------------


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
        proposal = await self.repository.proposal(assignment.proposal_id, lock=lock)
        call = await self.repository.call(proposal.call_id) if proposal else None
        stage = next((s for s in call.stages if s.key == proposal.stage), None) if call and proposal else None
        relation = policy.relation_to(access, proposal, assigned_evaluator=True) if proposal else None
        if proposal is None or call is None or stage is None or not policy.may_read(relation, stage):
            raise AssignmentNotFound(f"There is no assignment {assignment.id} of yours.")
        return proposal, call

    async def detail(self, *, access: Access, assignment_id: uuid.UUID) -> out.AssignmentDetail:
        assignment = await self.own(access=access, assignment_id=assignment_id)
        proposal, call = await self.context(access=access, assignment=assignment)
        version = await self.repository.latest_version(proposal.id)
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
        check_if_match(if_match, assignment.version)
        if assignment.status == AssignmentStatus.submitted:
            raise ReviewAlreadySubmitted("The review was submitted; its scores can no longer change.")
        proposal, call = await self.context(access=access, assignment=assignment)
        require_evaluation_stage(proposal, call)
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
        from proposals.evaluation.assignment import assign_extra  # the pool's module, which imports ours lazily too

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
