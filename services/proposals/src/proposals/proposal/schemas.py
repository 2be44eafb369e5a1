"""Request and response models of proposals, their partners, the board's counts and the caller's permissions."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Protocol

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from tex4im_common.pagination import Page
from tex4im_common.problems import FieldProblem

from proposals.vocab import NUTS2_PATTERN, PRIORITY_CODES, FieldType, PartnerStatus, ValueChainStep

CENTS = Decimal("0.01")


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


RegionCode = Annotated[str, BeforeValidator(_upper), Field(pattern=NUTS2_PATTERN, examples=["ITI1"])]
StageKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", examples=["draft"])]
Priority = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
Title = Annotated[str, Field(min_length=1, max_length=300)]
Acronym = Annotated[str, Field(min_length=1, max_length=30)]
Summary = Annotated[str, Field(max_length=20_000)]
Trl = Annotated[int, Field(ge=1, le=9, description="Technology readiness level, 1–9.")]
Euros = Annotated[
    Decimal, Field(ge=0, max_digits=14, decimal_places=2, description="EUR, serialised as a string (`\"250000.00\"`)."),
    AfterValidator(lambda amount: amount.quantize(CENTS)),
]
Priorities = Annotated[list[Priority], Field(max_length=len(PRIORITY_CODES)), AfterValidator(_unique)]
ValueChain = Annotated[list[ValueChainStep], Field(max_length=len(ValueChainStep)), AfterValidator(_unique)]
Answers = Annotated[
    dict[str, Any],
    Field(max_length=100, description="Answers to the call's own questions, by field key; `null` leaves one blank."),
]


def _requested_within_budget(budget: Decimal | None, requested: Decimal | None) -> None:
    if budget is not None and requested is not None and requested > budget:
        raise ValueError("requested_eur cannot exceed budget_eur")


class ProposalCreate(BaseModel):
    """A new proposal, started in the call's initial stage; everything but the call, title and lead can wait."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    call_id: uuid.UUID
    title: Title
    acronym: Acronym | None = None
    summary: Summary = ""
    priorities: Priorities = Field(default_factory=list)
    value_chain: ValueChain = Field(default_factory=list)
    trl: Trl | None = None
    budget_eur: Euros | None = Field(default=None, description="The project's total budget in EUR.")
    requested_eur: Euros | None = Field(default=None, description="The support requested in EUR, within the budget.")
    lead_organisation_id: uuid.UUID = Field(description="The leading organisation; its region is the proposal's.")
    answers: Answers = Field(default_factory=dict)

    @model_validator(mode="after")
    def _within_budget(self) -> ProposalCreate:
        _requested_within_budget(self.budget_eur, self.requested_eur)
        return self


# Fields that always have a value: PATCH may change them, never clear them.
_NOT_NULL = ("title", "summary", "priorities", "value_chain", "lead_organisation_id", "answers")


class ProposalUpdate(BaseModel):
    """Only the fields sent change; `null` clears an optional field; `answers` are merged key by key."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: Title | None = None
    acronym: Acronym | None = None
    summary: Summary | None = None
    priorities: Priorities | None = None
    value_chain: ValueChain | None = None
    trl: Trl | None = None
    budget_eur: Euros | None = None
    requested_eur: Euros | None = None
    lead_organisation_id: uuid.UUID | None = None
    answers: Answers | None = None

    @model_validator(mode="after")
    def _required_fields_not_cleared(self) -> ProposalUpdate:
        cleared = [name for name in _NOT_NULL if name in self.model_fields_set and getattr(self, name) is None]
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be cleared")
        _requested_within_budget(self.budget_eur, self.requested_eur)
        return self


# -- what a proposal shows -------------------------------------------------------------------------------------


class CallRef(BaseModel):
    id: uuid.UUID
    code: str


class CallSummary(CallRef):
    title: str


class StageRef(BaseModel):
    key: str
    label: str


class StageOut(StageRef):
    kind: str
    editable: bool = Field(description="The applicants may change the proposal in this stage.")


class OrganisationOut(BaseModel):
    """An organisation as the registry copy describes it; `deleted` ones keep their name."""

    id: uuid.UUID
    name: str
    region_code: str | None


class OrganisationDetailOut(OrganisationOut):
    kind: str | None = None
    country_code: str | None = None
    city: str | None = None
    deleted: bool = False


class PartnerOut(BaseModel):
    organisation: OrganisationDetailOut
    region_code: str | None
    role_description: str
    status: PartnerStatus
    invited_at: datetime
    answered_at: datetime | None


class ProposalListItem(BaseModel):
    id: uuid.UUID
    reference: str
    title: str
    acronym: str | None
    call: CallRef
    stage: StageRef
    region_code: str
    lead: OrganisationOut
    partner_regions: list[str] = Field(description="Regions of the invited and confirmed partners, sorted.")
    priorities: list[str]
    trl: int | None
    requested_eur: Decimal | None
    submitted_version: int
    updated_at: datetime


class ProposalPage(Page[ProposalListItem]):
    """A page of the proposals the caller may see, the most recently changed first."""


class StageCount(BaseModel):
    key: str
    label: str
    count: int


class StageCounts(BaseModel):
    """How many proposals the caller may see are in each stage (stages with none are left out), in pipeline order."""

    stages: list[StageCount]
    total: int


class Permissions(BaseModel):
    """What the caller may do with this proposal now, so the SPA shows only the buttons that will work."""

    can_edit: bool
    can_manage_partners: bool
    can_answer_invitation: list[uuid.UUID] = Field(
        description="Invited partner organisations the caller may confirm or decline for."
    )
    transitions: list[str] = Field(description="Keys of the transitions out of this stage the caller may take.")


class ProposalDetail(BaseModel):
    id: uuid.UUID
    reference: str
    call: CallSummary
    stage: StageOut
    title: str
    acronym: str | None
    summary: str
    priorities: list[str]
    value_chain: list[str]
    trl: int | None
    budget_eur: Decimal | None
    requested_eur: Decimal | None
    region_code: str
    lead: OrganisationDetailOut
    partners: list[PartnerOut]
    answers: dict[str, Any] = Field(description="Private-to-evaluators answers are left out for who may not read them.")
    created_by_name: str | None
    created_at: datetime
    updated_at: datetime
    submitted_version: int
    first_submitted_at: datetime | None
    version: int = Field(description="The version to send in If-Match (the ETag).")
    permissions: Permissions


# -- partners ---------------------------------------------------------------------------------------------------


class PartnerInvite(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    organisation_id: uuid.UUID
    role_description: Annotated[str, Field(max_length=5000)] = ""


class PartnerAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    accept: bool = Field(description="true confirms the organisation's participation, false declines it.")


# -- the pipeline: steps and history ----------------------------------------------------------------------------


class TransitionRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    transition: StageKey = Field(description="The key of a transition out of the current stage.", examples=["submit"])
    comment: Annotated[str, Field(max_length=5000)] | None = Field(
        default=None, description="Why; required by some steps (returning, rejecting, withdrawing)."
    )


class TransitionOption(BaseModel):
    """A step out of the current stage: whether the caller may take it and what is still missing."""

    key: str
    label: str
    to_stage: StageRef
    allowed: bool = Field(description="The caller is one of the actors who may take this step.")
    comment_required: bool
    guard: str | None
    unmet: list[FieldProblem] = Field(description="What the guard still lacks; empty when it is met.")


class TransitionOptions(BaseModel):
    stage: StageRef
    transitions: list[TransitionOption]


class TimelineEntryOut(BaseModel):
    id: uuid.UUID
    kind: str
    at: datetime
    actor_name: str | None
    transition: str | None
    from_stage: str | None
    to_stage: str | None
    comment: str | None
    details: dict[str, Any]


class TimelinePage(Page[TimelineEntryOut]):
    """A page of a proposal's history, oldest first."""

# -- the call's own questions -----------------------------------------------------------------------------------

# the longest answer a field takes when the call does not say
DEFAULT_MAX_LENGTH = {FieldType.text: 1_000, FieldType.long_text: 20_000, FieldType.url: 2_000}
_URL = re.compile(r"^https?://\S+$")


class FieldLike(Protocol):
    key: str
    type: str
    options: list[str]
    max_length: int | None


def _answer_problem(field: FieldLike, value: Any) -> tuple[Any, str | None, str]:
    """(the value to store, what is wrong or None, the problem's code) for one non-null answer."""
    kind = FieldType(field.type)
    if kind in (FieldType.text, FieldType.long_text, FieldType.url, FieldType.choice, FieldType.date):
        if not isinstance(value, str):
            return value, "must be text", "type"
        value = value.strip()
        limit = field.max_length or DEFAULT_MAX_LENGTH.get(kind)
        if limit is not None and len(value) > limit:
            return value, f"at most {limit} characters", "max_length"
        if kind == FieldType.url and not _URL.match(value):
            return value, "must be an http(s) address", "url"
        if kind == FieldType.choice and value not in field.options:
            return value, f"must be one of: {', '.join(field.options)}", "choice"
        if kind == FieldType.date:
            try:
                return date.fromisoformat(value).isoformat(), None, ""
            except ValueError:
                return value, "must be a date (YYYY-MM-DD)", "date"
        return value, None, ""
    if kind == FieldType.number:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        return value, None if ok else "must be a number", "type"
    ok = isinstance(value, bool)
    return value, None if ok else "must be true or false", "type"


def check_answers(
    fields: Iterable[FieldLike], given: Mapping[str, Any], *, prefix: str = "body.answers",
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The answers checked against the call's form (type, options, length; unknown keys refused), and the problems.

    `null` stands for a blank answer and is kept as None.
    """
    by_key = {f.key: f for f in fields}
    cleaned: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for key, value in given.items():
        field = by_key.get(key)
        if field is None:
            problems.append(FieldProblem(field=f"{prefix}.{key}", message="the call's form has no such question",
                                         code="unknown_field"))
            continue
        if value is None:
            cleaned[key] = None
            continue
        stored, wrong, code = _answer_problem(field, value)
        if wrong is not None:
            problems.append(FieldProblem(field=f"{prefix}.{key}", message=wrong, code=code))
        cleaned[key] = stored
    return cleaned, problems
