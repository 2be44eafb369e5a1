"""Request and response models of the evaluator pool, conflict declarations and reviewer assignment."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from tex4im_common.pagination import Page

from proposals.evaluation.conflicts import ConflictKind
from proposals.vocab import LANGUAGES, NUTS2_PATTERN, PRIORITY_CODES, AssignmentReason, AssignmentStatus


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


RegionCode = Annotated[str, BeforeValidator(_upper), Field(pattern=NUTS2_PATTERN, examples=["ITI1"])]
Priority = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
Language = Annotated[Literal[LANGUAGES], BeforeValidator(_lower)]  # type: ignore[valid-type]
Expertise = Annotated[list[Priority], Field(max_length=len(PRIORITY_CODES)), AfterValidator(_unique)]
Languages = Annotated[list[Language], Field(max_length=len(LANGUAGES)), AfterValidator(_unique)]
MaxLoad = Annotated[int, Field(ge=1, le=100, description="At most this many proposals at a time; null: no limit.")]
Reason = Annotated[str, Field(min_length=1, max_length=2000)]


# -- the pool ----------------------------------------------------------------------------------------------------


class EvaluatorProfileIn(BaseModel):
    """What an evaluator says about themselves; `name` defaults to the one in their sign-in."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    organisation_id: uuid.UUID | None = Field(
        default=None, description="The registry organisation they work for (conflicts of interest derive from it)."
    )
    region_code: RegionCode | None = Field(default=None, description="Where they work; defaults to the organisation's.")
    expertise: Expertise = Field(default_factory=list, description="The thematic priorities they are expert in.")
    languages: Languages = Field(default_factory=list, description="The languages they can evaluate in.")
    max_load: MaxLoad | None = None


class EvaluatorPatch(BaseModel):
    """What the admin may change about an evaluator; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid")

    active: bool | None = None
    max_load: MaxLoad | None = None
    expertise: Expertise | None = None
    languages: Languages | None = None


class OrganisationBrief(BaseModel):
    id: uuid.UUID
    name: str
    region_code: str | None


class EvaluatorOut(BaseModel):
    id: uuid.UUID
    subject: str
    name: str
    organisation: OrganisationBrief | None
    region_code: str | None
    expertise: list[str]
    languages: list[str]
    max_load: int | None
    active: bool
    load: int = Field(description="Assignments not withdrawn, in calls whose decisions are not released yet.")
    created_at: datetime
    updated_at: datetime


EvaluatorPage = Page[EvaluatorOut]


# -- conflicts ---------------------------------------------------------------------------------------------------


class ConflictDeclarationIn(BaseModel):
    """A conflict with one proposal, or with an organisation (then with every proposal naming it): one of the two."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    proposal_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    reason: Reason


class ProposalBrief(BaseModel):
    id: uuid.UUID
    reference: str
    title: str
    region_code: str


class ConflictDeclarationOut(BaseModel):
    id: uuid.UUID
    proposal: ProposalBrief | None
    organisation: OrganisationBrief | None
    reason: str
    declared_at: datetime
    withdrawn_from: list[str] = Field(
        default_factory=list, description="References of the proposals this declaration took you off."
    )


class ConflictOut(BaseModel):
    kind: ConflictKind
    detail: str


class EvaluationProposalOut(BaseModel):
    """The few facts an evaluator needs to spot a conflict of interest, and nothing else of the proposal."""

    id: uuid.UUID
    reference: str
    title: str
    acronym: str | None
    call_id: uuid.UUID
    lead: OrganisationBrief
    partners: list[OrganisationBrief]
    conflicts: list[ConflictOut] | None = Field(
        description="Your conflicts with it, derived and declared (null until you have registered as an evaluator)."
    )


EvaluationProposalPage = Page[EvaluationProposalOut]


# -- assignments -------------------------------------------------------------------------------------------------


class AssignmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    evaluator_id: uuid.UUID


class EvaluatorBrief(BaseModel):
    id: uuid.UUID
    name: str


class ScoreOut(BaseModel):
    criterion: str
    value: Decimal


class AssignmentOut(BaseModel):
    id: uuid.UUID
    proposal: ProposalBrief
    evaluator: EvaluatorBrief
    status: AssignmentStatus
    reason: AssignmentReason
    created_at: datetime
    submitted_at: datetime | None
    withdrawn_reason: str | None
    scores: list[ScoreOut] | None = Field(default=None, description="For the admin only.")


AssignmentPage = Page[AssignmentOut]


class ProposalStaffing(BaseModel):
    """What one automatic assignment run did for one proposal."""

    proposal: ProposalBrief
    target: int = Field(description="Active assignments it should have (at least the call's minimum).")
    active: int = Field(description="Active assignments it has now.")
    added: list[EvaluatorBrief]
    moved_away: list[EvaluatorBrief] = Field(description="Assignments withdrawn to balance the load or end a conflict.")
    short: int = Field(description="Assignments still missing.")
    short_reason: str | None


class EvaluatorLoad(BaseModel):
    evaluator: EvaluatorBrief
    load: int
    max_load: int | None


class AutoAssignmentReport(BaseModel):
    call_id: uuid.UUID
    assigned: int = Field(description="New assignments made.")
    withdrawn: int = Field(description="Assignments moved away from an evaluator.")
    optimal: bool = Field(description="False when the search stopped at its time budget with a good, unproven plan.")
    proposals: list[ProposalStaffing]
    still_short: list[ProposalStaffing] = Field(description="The proposals below target, with why.")
    loads: list[EvaluatorLoad]
