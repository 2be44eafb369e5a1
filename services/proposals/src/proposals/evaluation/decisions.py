"""The panel's decisions on a call: the ranking, staged decisions, the admin's overrides, and the one release.

Release moves each selected proposal by the call's `decision_released` transition to a stage that is not
terminal and each rejected one by the `decision_released` transition to a terminal stage (both found in the
call's pipeline data); reserve proposals stay where they are. Applicants learn the outcome only then.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from proposals.access import Access
from proposals.call.models import Call, Transition
from proposals.db import outbox
from proposals.errors import (
    CallNotFound,
    DecisionNotFound,
    DecisionsAlreadyReleased,
    DecisionsNotStaged,
    EvaluationNotReady,
    ReleaseStepMissing,
)
from proposals.evaluation import ranking
from proposals.evaluation import review_schemas as out
from proposals.evaluation.consensus import decimal_scores
from proposals.evaluation.models import Consensus, Decision
from proposals.evaluation.panel_repository import PanelRepository
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.scoring import call_brief, proposal_brief
from proposals.lifecycle.engine import move
from proposals.lifecycle.pipeline import evaluation_stage
from proposals.notification.service import notify
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.vocab import (
    Audience,
    CallStatus,
    DecisionOutcome,
    Guard,
    PartnerStatus,
    StageKind,
    TieBreak,
    TimelineKind,
)

DECISIONS_RELEASED = "call.decisions_released"
OUTCOME_WORDS = {
    DecisionOutcome.selected: "selected for the portfolio",
    DecisionOutcome.reserve: "placed on the reserve list",
    DecisionOutcome.rejected: "not selected",
}


def candidate(proposal: Proposal, consensus: Consensus, call: Call) -> ranking.Candidate:
    """A proposal with a finalised consensus, as the ranking sees it."""
    values = decimal_scores(consensus)
    shortfalls = [f"{c.title} {values[c.key]} below {c.threshold}" for c in call.criteria
                  if c.key in values and values[c.key] < c.threshold]
    if consensus.total < call.overall_threshold:
        shortfalls.append(f"total {consensus.total} below {call.overall_threshold}")
    regions = {proposal.region_code} | {p.region_code for p in proposal.partners
                                        if p.status == PartnerStatus.confirmed and p.region_code}
    return ranking.Candidate(
        key=proposal.id, label=proposal.reference, region=proposal.region_code, total=consensus.total,
        criteria=tuple((c.title, values.get(c.key, Decimal(0))) for c in call.criteria),
        partner_regions=len(regions), requested_eur=proposal.requested_eur, submitted_at=proposal.first_submitted_at,
        shortfalls=tuple(shortfalls),
    )


def release_steps(call: Call, stage: str) -> tuple[Transition, Transition]:
    """The `decision_released` transitions out of `stage`: (to a stage that goes on, to a terminal stage)."""
    kinds = {s.key: s.kind for s in call.stages}
    steps = [t for t in call.transitions if t.guard == Guard.decision_released and t.from_stage == stage]
    onward = next((t for t in steps if kinds.get(t.to_stage) != StageKind.terminal), None)
    final = next((t for t in steps if kinds.get(t.to_stage) == StageKind.terminal), None)
    if onward is None or final is None:
        raise ReleaseStepMissing(
            f"The pipeline of call {call.code} needs, out of '{stage}', one step guarded by the release of the "
            "decisions to a stage that goes on and one to a terminal stage."
        )
    return onward, final


class DecisionService:
    def __init__(self, reviews: ReviewRepository, panel: PanelRepository) -> None:
        self.reviews, self.panel = reviews, panel

    @property
    def session(self) -> AsyncSession:
        return self.panel.session

    async def call(self, *, access: Access, call_id: uuid.UUID, what: str, lock: bool = False) -> Call:
        access.require_user()
        call = await self.reviews.call(call_id, lock=lock)
        if call is None or (call.status == CallStatus.draft and not access.is_admin):
            raise CallNotFound(f"There is no call {call_id} that you may see.")
        access.require_admin(what=what)
        return call

    async def standing(self, call: Call) -> tuple[list[ranking.Row], list[out.NotReady], dict[uuid.UUID, Proposal]]:
        """The current ranking of the call's proposals under evaluation, and those not ready for it."""
        proposals = await self.panel.proposals_in(call.id, evaluation_stage(call.stages, call.transitions))
        consensuses = await self.panel.consensuses([p.id for p in proposals])
        candidates, not_ready = [], []
        for proposal in proposals:
            consensus = consensuses.get(proposal.id)
            if consensus is None or consensus.finalised_at is None:
                reason = "No consensus yet." if consensus is None else "The consensus is not finalised."
                not_ready.append(out.NotReady(proposal=proposal_brief(proposal), reason=reason))
            else:
                candidates.append(candidate(proposal, consensus, call))
        rules = ranking.Rules(
            tie_breaks=tuple(TieBreak(t) for t in call.tie_breaks), selected_count=call.selected_count,
            reserve_count=call.reserve_count, max_selected_per_region=call.max_selected_per_region,
        )
        return ranking.rank(candidates, rules), not_ready, {p.id: p for p in proposals}

    async def ranking(self, *, access: Access, call_id: uuid.UUID) -> out.RankingOut:
        call = await self.call(access=access, call_id=call_id, what="read the panel's ranking")
        rows, not_ready, proposals = await self.standing(call)
        keys = [c.key for c in call.criteria]
        return out.RankingOut(
            call=call_brief(call), selected_count=call.selected_count, reserve_count=call.reserve_count,
            max_selected_per_region=call.max_selected_per_region, tie_breaks=[TieBreak(t) for t in call.tie_breaks],
            rows=[out.RankingRow(
                rank=row.rank, tied=row.tied, proposal=proposal_brief(proposals[row.candidate.key]),
                total=row.candidate.total, fundable=row.candidate.fundable,
                scores=[out.RankedScore(criterion=key, value=value)
                        for key, (_, value) in zip(keys, row.candidate.criteria, strict=True)],
                tie_break=row.tie_break, tie_note=row.tie_note, outcome=row.outcome, reason=row.reason,
            ) for row in rows],
            not_ready=not_ready,
        )

    async def listing(self, call: Call, decisions: list[Decision] | None = None) -> out.DecisionList:
        decisions = await self.panel.decisions(call.id) if decisions is None else decisions
        proposals = await self.reviews.proposals([d.proposal_id for d in decisions])
        return out.DecisionList(call=call_brief(call), released_at=call.decisions_released_at, items=[
            out.DecisionOut(
                proposal=proposal_brief(proposals[d.proposal_id]), outcome=DecisionOutcome(d.outcome), rank=d.rank,
                total=d.total, note=d.note, staged_by=d.staged_by, staged_at=d.created_at, released_at=d.released_at,
            ) for d in decisions
        ])

    async def decisions(self, *, access: Access, call_id: uuid.UUID) -> out.DecisionList:
        call = await self.call(access=access, call_id=call_id, what="read the panel's decisions")
        return await self.listing(call)

    async def stage(self, *, access: Access, call_id: uuid.UUID) -> out.DecisionList:
        """Stage a decision per proposal from the current ranking, replacing the unreleased ones."""
        call = await self.call(access=access, call_id=call_id, what="stage the panel's decisions", lock=True)
        refuse_released(call)
        rows, not_ready, _ = await self.standing(call)
        if not_ready:
            names = ", ".join(f"{n.proposal.reference} ({n.reason.rstrip('.').lower()})" for n in not_ready)
            raise EvaluationNotReady(f"Every proposal under evaluation needs a finalised consensus first: {names}.",
                                     extra={"not_ready": [n.model_dump(mode="json") for n in not_ready]})
        if not rows:
            raise DecisionsNotStaged(f"Call {call.code} has no proposal under evaluation to decide on.")
        await self.panel.drop_decisions(call.id)
        decisions = [
            Decision(proposal_id=row.candidate.key, call_id=call.id, outcome=row.outcome.value, rank=row.rank,
                     total=row.candidate.total, note=row.reason, staged_by=access.subject,
                     created_at=datetime.now(UTC))
            for row in rows
        ]
        await self.panel.add(*decisions)
        return await self.listing(call, decisions)

    async def override(
        self, *, access: Access, call_id: uuid.UUID, proposal_id: uuid.UUID, data: out.DecisionOverride,
    ) -> out.DecisionOut:
        """Change one staged outcome before release, saying why."""
        call = await self.call(access=access, call_id=call_id, what="change the panel's decisions", lock=True)
        decision = await self.panel.decision(proposal_id, lock=True)
        if decision is None or decision.call_id != call.id:
            raise DecisionNotFound(f"No decision on proposal {proposal_id} is staged in call {call.code}.")
        refuse_released(call)
        decision.outcome, decision.note = data.outcome.value, data.note
        await self.panel.save(decision)
        [item] = (await self.listing(call, [decision])).items
        return item

    async def release(self, *, access: Access, call_id: uuid.UUID) -> out.DecisionList:
        """Release every staged decision once: outcomes take effect, proposals move, applicants are told."""
        call = await self.call(access=access, call_id=call_id, what="release the panel's decisions", lock=True)
        refuse_released(call)
        decisions = await self.panel.decisions(call.id)
        stage = evaluation_stage(call.stages, call.transitions)
        under_evaluation = {p.id for p in await self.panel.proposals_in(call.id, stage)}
        proposals = await self.panel.proposals([d.proposal_id for d in decisions] + list(under_evaluation), lock=True)
        consensuses = await self.panel.consensuses(list(proposals))
        if not decisions:
            raise DecisionsNotStaged(f"Stage the decisions of call {call.code} before releasing them.")
        stale = sorted(
            proposals[d.proposal_id].reference for d in decisions
            if proposals[d.proposal_id].stage != stage
            or (c := consensuses.get(d.proposal_id)) is None or c.finalised_at is None or c.total != d.total
        ) + sorted(proposals[i].reference for i in under_evaluation - {d.proposal_id for d in decisions})
        if stale:
            raise DecisionsNotStaged(
                f"The staged decisions no longer match the evaluation ({', '.join(stale)} changed since): "
                "stage them again, then release.", extra={"changed": stale},
            )
        steps = {p.stage: release_steps(call, p.stage) for p in proposals.values()}
        now = datetime.now(UTC)
        for decision in decisions:
            proposal, outcome = proposals[decision.proposal_id], DecisionOutcome(decision.outcome)
            decision.released_at = now
            details = {"decision": outcome.value, "rank": decision.rank, "total": str(decision.total)}
            comment = f"The panel's decision: {OUTCOME_WORDS[outcome]}."
            if outcome == DecisionOutcome.reserve:
                await self.panel.add(TimelineEntry(
                    proposal_id=proposal.id, kind=TimelineKind.decision.value, actor=access.subject,
                    actor_name=access.name, from_stage=proposal.stage, to_stage=proposal.stage, comment=comment,
                    details=details, at=now,
                ))
            else:
                onward, final = steps[proposal.stage]
                await move(self.session, proposal=proposal, actor=access.subject, actor_name=access.name,
                           transition=onward if outcome == DecisionOutcome.selected else final, comment=comment,
                           details=details)
            await self.tell(proposal, outcome)
        call.decisions_released_at = now
        await self.session.flush()
        await outbox.record_event(
            self.session, type=DECISIONS_RELEASED, aggregate_type="call", aggregate_id=str(call.id),
            payload={"call_id": call.id, "code": call.code, "released_at": now, "decisions": [
                {"proposal_id": d.proposal_id, "reference": proposals[d.proposal_id].reference,
                 "outcome": d.outcome, "rank": d.rank} for d in decisions
            ]},
        )
        return await self.listing(call, decisions)

    async def tell(self, proposal: Proposal, outcome: DecisionOutcome) -> None:
        """The lead organisation's and every confirmed partner's people learn the outcome."""
        organisations = [proposal.lead_organisation_id] + [
            p.organisation_id for p in proposal.partners if p.status == PartnerStatus.confirmed
        ]
        for organisation_id in dict.fromkeys(organisations):
            await notify(
                self.session, audience=Audience.organisation, key=organisation_id, kind="decision.released",
                title=f"{proposal.reference}: {OUTCOME_WORDS[outcome]}", proposal_id=proposal.id,
                body=f"The evaluation panel's decision on '{proposal.title}' is out: {OUTCOME_WORDS[outcome]}. "
                     "The feedback shows the outcome, the rank and the panel's assessment.",
                link=f"/proposals/{proposal.id}/feedback",
            )


def refuse_released(call: Call) -> None:
    if call.decisions_released_at is not None:
        raise DecisionsAlreadyReleased(
            f"The decisions of call {call.code} were released on {call.decisions_released_at:%Y-%m-%d %H:%M} UTC; "
            "they can no longer change."
        )
