"""Feedback to the applicants once the panel's decisions are released: what the call's feedback policy allows.

`none`: the outcome and the rank; `scores`: plus the consensus score of each criterion against its threshold and
the total; `scores_and_comments`: plus the consensus comments and summary. Never who evaluated, nor a review.
"""

from __future__ import annotations

import uuid

from tex4im_common.problems import Forbidden

from proposals.access import Access
from proposals.errors import FeedbackNotFound, FeedbackNotReleased
from proposals.evaluation import review_schemas as out
from proposals.evaluation.consensus import decimal_scores
from proposals.evaluation.panel_repository import PanelRepository
from proposals.evaluation.scoring import call_brief
from proposals.proposal.loader import load
from proposals.vocab import DecisionOutcome, FeedbackPolicy


class FeedbackService:
    def __init__(self, panel: PanelRepository) -> None:
        self.panel = panel

    async def feedback(self, *, access: Access, proposal_id: uuid.UUID) -> out.FeedbackOut:
        """For the co-authors, the lead region's managers and the admin, once the call's decisions are out."""
        loaded = await load(self.panel.session, access=access, proposal_id=proposal_id)
        proposal, call, relation = loaded.proposal, loaded.call, loaded.relation
        if not (relation.author or relation.lead_region_manager or relation.admin):
            raise Forbidden("Only the proposal's co-authors, the lead region's cluster managers and the consortium "
                            "admin may read its feedback.")
        if call.decisions_released_at is None:
            raise FeedbackNotReleased(f"The panel's decisions on call {call.code} are not released yet.")
        decision = await self.panel.decision(proposal.id)
        if decision is None or decision.released_at is None:
            raise FeedbackNotFound(f"The panel took no decision on {proposal.reference}: it was not under evaluation "
                                   "when the decisions were released.")
        feedback = out.FeedbackOut(
            proposal_id=proposal.id, reference=proposal.reference, call=call_brief(call),
            outcome=DecisionOutcome(decision.outcome), rank=decision.rank,
            fundable_count=await self.panel.count_ranked(call.id), released_at=decision.released_at,
            policy=FeedbackPolicy(call.feedback_policy), total=None, overall_threshold=None, passed=None, scores=None,
            summary=None,
        )
        consensus = await self.panel.consensus(proposal.id)
        if feedback.policy == FeedbackPolicy.none or consensus is None:
            return feedback
        comments = feedback.policy == FeedbackPolicy.scores_and_comments
        values = decimal_scores(consensus)
        feedback.total, feedback.overall_threshold, feedback.passed = (
            consensus.total, call.overall_threshold, consensus.passed
        )
        feedback.scores = [
            out.FeedbackLine(criterion=c.key, title=c.title, score=values[c.key], threshold=c.threshold,
                             passed=values[c.key] >= c.threshold,
                             comment=consensus.comments.get(c.key, "") if comments else None)
            for c in call.criteria if c.key in values
        ]
        feedback.summary = consensus.summary if comments else None
        return feedback
