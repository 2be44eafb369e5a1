"""Request and response models of reviews, the evaluation overview, consensus, ranking, decisions and feedback.

Scores, totals and thresholds are Decimals, serialised as strings (`"3.5"`, `"3.80"`).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from tex4im_common.pagination import Page

from proposals.vocab import AssignmentReason, AssignmentStatus, DecisionOutcome, FeedbackPolicy, TieBreak

HalfStep = Annotated[
    Decimal, Field(ge=0, le=5, multiple_of=Decimal("0.5"), description="0 to 5 in half steps.", examples=["3.5"])
]
CriterionKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", examples=["excellence"])]
Comment = Annotated[str, Field(max_length=5000)]


class _In(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


# -- reviews ------------------------------------------------------------------------------------------------------


class ScoreIn(_In):
    criterion: CriterionKey
    value: HalfStep
    comment: Comment = Field(default="", description="Required before submitting when the score is below the "
                                                     "criterion's threshold.")


class ScoresIn(_In):
    """The whole review so far: criteria left out are cleared."""

    scores: list[ScoreIn] = Field(default_factory=list, max_length=50)
    comment: Annotated[str, Field(max_length=20_000)] = Field(default="", description="The overall comment.")


class CriterionOut(BaseModel):
    key: str
    title: str
    description: str
    weight: Decimal = Field(description="As the call defines it.")
    share: Decimal = Field(description="The weight normalised so that all criteria sum to 1 (4 places).")
    threshold: Decimal


class ScoreLine(BaseModel):
    """One criterion of a score sheet: the score (null until given), and whether it reaches the threshold."""

    criterion: str
    title: str
    value: Decimal | None
    comment: str
    threshold: Decimal
    passed: bool | None


class ReviewOut(BaseModel):
    """An evaluator's review with its live result: unscored criteria count 0 in `total`; `passed` waits for all."""

    assignment_id: uuid.UUID
    status: AssignmentStatus
    version: int
    comment: str
    submitted_at: datetime | None
    scores: list[ScoreLine]
    total: Decimal = Field(description="Weighted total (weights normalised to sum 1), 2 places.")
    overall_threshold: Decimal
    passed: bool | None = Field(description="Every criterion at its threshold and the total at the call's; "
                                            "null while a criterion is unscored.")
    missing: list[str] = Field(description="Criteria not scored yet.")
    comments_missing: list[str] = Field(description="Criteria scored below their threshold without a comment.")


class ProposalBrief(BaseModel):
    id: uuid.UUID
    reference: str
    title: str
    acronym: str | None
    region_code: str


class CallBrief(BaseModel):
    id: uuid.UUID
    code: str
    title: str


class Progress(BaseModel):
    scored: int
    criteria: int


class AssignmentSummary(BaseModel):
    """One line of an evaluator's workspace."""

    id: uuid.UUID
    status: AssignmentStatus
    reason: AssignmentReason
    proposal: ProposalBrief
    call: CallBrief
    due_at: datetime | None = Field(description="When the call's evaluation phase closes.")
    progress: Progress
    submitted_at: datetime | None
    version: int


class AssignmentPage(Page[AssignmentSummary]):
    pass


class FrozenVersion(BaseModel):
    number: int
    submitted_at: datetime
    content: dict[str, Any] = Field(description="Everything the applicants submitted, private answers included.")


class AssignmentDetail(BaseModel):
    """What an evaluator works from: the submitted proposal, the rubric and their review so far."""

    id: uuid.UUID
    reason: AssignmentReason
    due_at: datetime | None
    proposal: ProposalBrief
    stage: str
    version: FrozenVersion | None = Field(description="The latest submitted version (null if none was frozen).")
    call: CallBrief
    criteria: list[CriterionOut]
    review: ReviewOut


# -- the panel's view of one proposal -----------------------------------------------------------------------------


class ReviewScore(BaseModel):
    criterion: str
    value: Decimal
    comment: str


class PanelReview(BaseModel):
    """One evaluator's review as the panel reads it; scores only once submitted."""

    assignment_id: uuid.UUID
    evaluator_id: uuid.UUID
    evaluator_name: str
    reason: AssignmentReason
    status: AssignmentStatus
    submitted_at: datetime | None
    withdrawn_reason: str | None
    comment: str | None
    scores: list[ReviewScore]
    total: Decimal | None


class CriterionStats(BaseModel):
    criterion: str
    title: str
    threshold: Decimal
    mean: Decimal | None
    min: Decimal | None
    max: Decimal | None
    spread: Decimal | None
    divergent: bool = Field(description="max − min above the call's divergence threshold.")
    suggested: Decimal | None = Field(description="The mean rounded to the nearest 0.5: the consensus default.")


class Readiness(BaseModel):
    ready: bool
    submitted: int
    required: int
    pending: int
    divergence_pending: bool
    reasons: list[str] = Field(description="Why it is not ready (empty when ready).")


class ConsensusLine(BaseModel):
    criterion: str
    title: str
    value: Decimal
    threshold: Decimal
    passed: bool
    comment: str


class ConsensusOut(BaseModel):
    proposal_id: uuid.UUID
    scores: list[ConsensusLine]
    summary: str
    total: Decimal
    overall_threshold: Decimal
    passed: bool
    finalised: bool
    finalised_at: datetime | None
    written_by: str
    version: int
    updated_at: datetime


class ConsensusView(BaseModel):
    """The consensus (null until written) and the suggestion the reviews give."""

    suggested: dict[str, Decimal | None]
    consensus: ConsensusOut | None
    editable: bool = Field(description="Whether the caller may change it now.")


class EvaluationOut(BaseModel):
    proposal: ProposalBrief
    stage: str
    call: CallBrief
    divergence_threshold: Decimal
    reviews: list[PanelReview]
    criteria: list[CriterionStats]
    readiness: Readiness
    consensus: ConsensusView


class ConsensusScoreIn(_In):
    criterion: CriterionKey
    value: HalfStep | None = Field(default=None, description="Left out or null: the suggested score.")
    comment: Comment = ""


class ConsensusIn(_In):
    """The agreed scores; a criterion left out takes the suggested score (the reviews' mean to the nearest 0.5)."""

    scores: list[ConsensusScoreIn] = Field(default_factory=list, max_length=50)
    summary: Annotated[str, Field(max_length=20_000)] = ""


# -- ranking and decisions ----------------------------------------------------------------------------------------


class RankedScore(BaseModel):
    criterion: str
    value: Decimal


class RankingRow(BaseModel):
    rank: int | None = Field(description="Among the fundable proposals; tied proposals share a rank; null if not "
                                         "fundable.")
    tied: bool
    proposal: ProposalBrief
    total: Decimal
    fundable: bool
    scores: list[RankedScore]
    tie_break: TieBreak | None = Field(description="The rule that placed it against an equal total.")
    tie_note: str | None
    outcome: DecisionOutcome
    reason: str


class NotReady(BaseModel):
    proposal: ProposalBrief
    reason: str


class RankingOut(BaseModel):
    call: CallBrief
    selected_count: int
    reserve_count: int
    max_selected_per_region: int | None
    tie_breaks: list[TieBreak]
    rows: list[RankingRow]
    not_ready: list[NotReady] = Field(description="In the evaluation stage without a finalised consensus.")


class DecisionOut(BaseModel):
    proposal: ProposalBrief
    outcome: DecisionOutcome
    rank: int | None
    total: Decimal | None
    note: str
    staged_by: str
    staged_at: datetime
    released_at: datetime | None


class DecisionList(BaseModel):
    call: CallBrief
    released_at: datetime | None
    items: list[DecisionOut]


class DecisionOverride(_In):
    outcome: DecisionOutcome
    note: Annotated[str, Field(min_length=1, max_length=2000, description="Why the panel decided otherwise.")]


# -- feedback -----------------------------------------------------------------------------------------------------


class FeedbackLine(BaseModel):
    criterion: str
    title: str
    score: Decimal
    threshold: Decimal
    passed: bool
    comment: str | None = Field(description="Only under the scores_and_comments policy.")


class FeedbackOut(BaseModel):
    """What the applicants learn: the outcome, the rank, and the consensus as far as the call's policy allows."""

    proposal_id: uuid.UUID
    reference: str
    call: CallBrief
    outcome: DecisionOutcome
    rank: int | None
    fundable_count: int = Field(description="How many proposals were ranked as fundable.")
    released_at: datetime
    policy: FeedbackPolicy
    total: Decimal | None
    overall_threshold: Decimal | None
    passed: bool | None
    scores: list[FeedbackLine] | None
    summary: str | None


WorkspaceStatus = Literal["assigned", "submitted"]
