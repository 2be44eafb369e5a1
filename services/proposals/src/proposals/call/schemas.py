"""Request and response models of calls: their rules, dates, proposal form, rubric, targets and pipeline."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from tex4im_common.pagination import Page

from proposals.vocab import (
    NUTS2_PATTERN,
    PRIORITY_CODES,
    Actor,
    CallKind,
    CallStatus,
    FeedbackPolicy,
    FieldType,
    Guard,
    PhaseKind,
    StageKind,
    TargetMetric,
    TieBreak,
)

IDENTIFIER = r"^[a-z][a-z0-9_]{0,39}$"


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


Identifier = Annotated[str, Field(pattern=IDENTIFIER, description="Lower-case letters, digits and _, from a letter.")]
StageRef = Annotated[str, Field(min_length=1, max_length=40, description="The key of a stage of this pipeline.")]
CallCode = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", examples=["TEX4IM-2027"])]
RegionCode = Annotated[str, BeforeValidator(_upper), Field(pattern=NUTS2_PATTERN, examples=["ITI1"])]
Priority = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
Year = Annotated[int, Field(ge=2000, le=2100)]
Label = Annotated[str, Field(min_length=1, max_length=100)]
Title = Annotated[str, Field(min_length=1, max_length=300)]
Text = Annotated[str, Field(max_length=20_000)]
ScoreLevel = Annotated[Decimal, Field(ge=0, le=5, max_digits=3, decimal_places=2, description="0–5.")]
Weight = Annotated[Decimal, Field(gt=0, max_digits=5, decimal_places=2, description="Stored as given; the scoring "
                                  "normalises the weights, so 30/30/20/20 and 0.3/0.3/0.2/0.2 are the same rubric.")]

_INPUT = ConfigDict(str_strip_whitespace=True, extra="forbid")


class PhaseIn(BaseModel):
    model_config = _INPUT

    kind: PhaseKind
    opens_at: AwareDatetime
    closes_at: AwareDatetime


class FieldIn(BaseModel):
    """A call-specific question on the proposal form."""

    model_config = _INPUT

    key: Identifier
    label: Title
    help_text: Text = ""
    type: FieldType
    required: bool = False
    private_to_evaluators: bool = Field(default=False, description="Read back only by the lead's authors, the "
                                        "lead region's managers, the admin and assigned evaluators.")
    frozen_after: AwareDatetime | None = Field(default=None, description="Past this moment the answer cannot change.")
    options: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=100, description="The choices of a `choice` field (only there)."
    )
    max_length: int | None = Field(default=None, ge=1, le=100_000, description="For text, long_text and url fields.")


class CriterionIn(BaseModel):
    model_config = _INPUT

    key: Identifier
    title: Title
    description: Text = ""
    weight: Weight
    threshold: ScoreLevel = Field(default=Decimal("0"), description="The score a proposal must reach on it (0–5).")


class TargetIn(BaseModel):
    """A portfolio target: for the whole call or one region (the lead's), in all or in one year."""

    model_config = _INPUT

    metric: TargetMetric
    region_code: RegionCode | None = None
    year: Year | None = None
    target: int = Field(ge=0, le=100_000)


class StageIn(BaseModel):
    model_config = _INPUT

    key: Identifier
    label: Label
    kind: StageKind
    editable: bool = Field(default=False, description="Applicants may change the proposal while it is here.")


class TransitionIn(BaseModel):
    model_config = _INPUT

    key: Identifier
    label: Label
    from_stage: StageRef
    to_stage: StageRef
    actors: Annotated[list[Actor], AfterValidator(_unique)] = Field(description="Who may take this step.")
    guard: Guard | None = Field(default=None, description="The condition checked in code before the step.")
    comment_required: bool = False


class PipelineIn(BaseModel):
    """The whole pipeline: stages in display order, and the transitions between them."""

    model_config = _INPUT

    stages: list[StageIn] = Field(max_length=40)
    transitions: list[TransitionIn] = Field(max_length=200)


class CallFields(BaseModel):
    """What the admin configures; shared by create and update. Lists replace the stored list as a whole."""

    model_config = _INPUT

    code: CallCode | None = None
    title: Title | None = None
    description: Text | None = None
    kind: CallKind | None = None
    year: Year | None = Field(default=None, description="The round's year: only, and always, for a permanent call.")
    eligible_priorities: Annotated[list[Priority], AfterValidator(_unique)] | None = None
    min_partner_regions: int | None = Field(default=None, ge=1, le=8,
                                            description="Regions a proposal's organisations must come from.")
    max_proposals_per_region: int | None = Field(default=None, ge=1, description="Null: no regional quota.")
    min_evaluators: int | None = Field(default=None, ge=1, le=10)
    exclude_own_region_evaluators: bool | None = None
    divergence_threshold: ScoreLevel | None = Field(
        default=None, description="Two scores of a criterion further apart than this call for one more evaluator."
    )
    overall_threshold: ScoreLevel | None = None
    selected_count: int | None = Field(default=None, ge=0, le=1000)
    reserve_count: int | None = Field(default=None, ge=0, le=1000)
    max_selected_per_region: int | None = Field(default=None, ge=1)
    tie_breaks: list[TieBreak] | None = Field(default=None, description="Applied in order between equal totals.")
    feedback_policy: FeedbackPolicy | None = None
    phases: list[PhaseIn] | None = Field(default=None, max_length=3)
    fields: list[FieldIn] | None = Field(default=None, max_length=100)
    criteria: list[CriterionIn] | None = Field(default=None, max_length=30)
    targets: list[TargetIn] | None = Field(default=None, max_length=500)


class CallCreate(CallFields):
    """A new call, always a draft; rules left out take their defaults, and without criteria the default rubric."""

    code: CallCode
    title: Title
    description: Text = ""
    kind: CallKind
    eligible_priorities: Annotated[list[Priority], AfterValidator(_unique)] = Field(
        default_factory=lambda: list(PRIORITY_CODES)
    )
    min_partner_regions: int = Field(default=2, ge=1, le=8)
    min_evaluators: int = Field(default=3, ge=1, le=10)
    exclude_own_region_evaluators: bool = False
    divergence_threshold: ScoreLevel = Decimal("2")
    overall_threshold: ScoreLevel = Decimal("3")
    selected_count: int = Field(default=0, ge=0, le=1000)
    reserve_count: int = Field(default=0, ge=0, le=1000)
    tie_breaks: list[TieBreak] = Field(
        default_factory=lambda: [TieBreak.higher_criterion, TieBreak.more_partner_regions, TieBreak.earlier_submission]
    )
    feedback_policy: FeedbackPolicy = FeedbackPolicy.scores_and_comments
    phases: list[PhaseIn] = Field(default_factory=list, max_length=3)
    fields: list[FieldIn] = Field(default_factory=list, max_length=100)
    targets: list[TargetIn] = Field(default_factory=list, max_length=500)


# Fields that always have a value: PATCH may change them, never clear them.
_REQUIRED = ("code", "title", "description", "kind", "eligible_priorities", "min_partner_regions", "min_evaluators",
             "exclude_own_region_evaluators", "divergence_threshold", "overall_threshold", "selected_count",
             "reserve_count", "tie_breaks", "feedback_policy", "phases", "fields", "criteria", "targets", "status")


class CallUpdate(CallFields):
    """Only the fields sent change; `null` clears year and the per-region caps. `status` moves the call."""

    status: CallStatus | None = Field(default=None, description="draft → published → archived "
                                      "(back to draft only while the call has no proposals).")

    @model_validator(mode="after")
    def _required_fields_not_cleared(self) -> CallUpdate:
        cleared = [name for name in _REQUIRED if name in self.model_fields_set and getattr(self, name) is None]
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be cleared")
        return self


class NextRoundIn(BaseModel):
    model_config = _INPUT

    code: CallCode | None = Field(default=None, description="Default: the code with next year's number.")
    title: Title | None = Field(default=None, description="Default: the title with next year's number.")


# -- responses ----------------------------------------------------------------------------------------------------

_OUTPUT = ConfigDict(from_attributes=True)


class PhaseOut(BaseModel):
    model_config = _OUTPUT

    kind: PhaseKind
    opens_at: datetime
    closes_at: datetime


class FieldOut(BaseModel):
    model_config = _OUTPUT

    key: str
    label: str
    help_text: str
    type: FieldType
    required: bool
    private_to_evaluators: bool
    frozen_after: datetime | None
    options: list[str]
    max_length: int | None


class CriterionOut(BaseModel):
    model_config = _OUTPUT

    key: str
    title: str
    description: str
    weight: Decimal
    threshold: Decimal


class TargetOut(BaseModel):
    model_config = _OUTPUT

    metric: TargetMetric
    region_code: str | None
    year: int | None
    target: int


class StageOut(BaseModel):
    model_config = _OUTPUT

    key: str
    label: str
    kind: StageKind
    editable: bool


class TransitionOut(BaseModel):
    model_config = _OUTPUT

    key: str
    label: str
    from_stage: str
    to_stage: str
    actors: list[Actor]
    guard: Guard | None
    comment_required: bool


class PipelineOut(BaseModel):
    """A call's pipeline; its ETag is the call's, so send that in If-Match to replace it."""

    call_id: uuid.UUID
    version: int = Field(description="The call's version.")
    stages: list[StageOut]
    transitions: list[TransitionOut]


class CallSummaryOut(BaseModel):
    id: uuid.UUID
    code: str
    title: str
    kind: CallKind
    year: int | None
    status: CallStatus
    phases: list[PhaseOut]
    submission_open: bool = Field(description="Published, and now inside its submission phase.")
    eligible_priorities: list[str]


class CallPage(Page[CallSummaryOut]):
    """A page of calls, newest first."""


class CallOut(CallSummaryOut):
    """Everything about a call: its rules, dates, form, rubric, targets and pipeline."""

    description: str
    min_partner_regions: int
    max_proposals_per_region: int | None
    min_evaluators: int
    exclude_own_region_evaluators: bool
    divergence_threshold: Decimal
    overall_threshold: Decimal
    selected_count: int
    reserve_count: int
    max_selected_per_region: int | None
    tie_breaks: list[TieBreak]
    feedback_policy: FeedbackPolicy
    decisions_released_at: datetime | None
    fields: list[FieldOut]
    criteria: list[CriterionOut]
    targets: list[TargetOut]
    pipeline: PipelineOut
    created_at: datetime
    updated_at: datetime
    version: int


class TargetProgressOut(TargetOut):
    actual: int | None = Field(description="The count so far; null where this service cannot count it yet.")
    counted_as: str = Field(description="What is counted, in words.")


class CallTargetsOut(BaseModel):
    call_id: uuid.UUID
    items: list[TargetProgressOut]
