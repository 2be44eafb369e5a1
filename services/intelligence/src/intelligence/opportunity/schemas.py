"""Request and response models of opportunities and of the interest people express in them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from tex4im_common.pagination import Page

from intelligence.vocab import (
    CONTENT_LANGUAGES,
    NACE_PATTERN,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    OpportunityKind,
    OpportunityStatus,
    ValueChainStep,
    Visibility,
)


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


RegionCode = Annotated[str, BeforeValidator(_upper), Field(pattern=NUTS2_PATTERN, examples=["PT11"])]
NaceCode = Annotated[str, BeforeValidator(_upper), Field(pattern=NACE_PATTERN, examples=["C13.20"])]
Priority = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
Language = Literal[CONTENT_LANGUAGES]  # type: ignore[valid-type]
Title = Annotated[str, Field(min_length=1, max_length=300)]
Summary = Annotated[str, Field(min_length=1, max_length=20_000)]
Link = Annotated[str, Field(max_length=500, pattern=r"^https?://\S+$", examples=["https://example.eu/call/42"])]
Budget = Annotated[
    Decimal, Field(ge=0, max_digits=14, decimal_places=2, description="EUR, serialised as a string (`\"250000.00\"`).")
]
# Only a new record starts as a draft or open; closing and archiving are changes of an existing one.
CreateStatus = Literal["draft", "open"]


class Point(BaseModel):
    """A place on the map (WGS 84)."""

    lon: float = Field(ge=-180, le=180)
    lat: float = Field(ge=-90, le=90)


class _Fields(BaseModel):
    """What a manager writes about an opportunity; shared by create, update and the imports."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    title: Title | None = None
    summary: Summary | None = None
    language: Language | None = None
    priorities: Annotated[list[Priority], AfterValidator(_unique)] | None = None
    region_codes: Annotated[list[RegionCode], Field(min_length=1, max_length=50), AfterValidator(_unique)] | None = (
        Field(default=None, description="NUTS-2 regions it concerns; the country codes are derived from them.")
    )
    nace_codes: Annotated[list[NaceCode], Field(max_length=50), AfterValidator(_unique)] | None = None
    value_chain: Annotated[list[ValueChainStep], AfterValidator(_unique)] | None = None
    point: Point | None = None
    deadline: date | None = None
    budget_eur: Budget | None = None
    source: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    source_ref: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        default=None, description="The record's id at its source; with `source`, what a re-import updates by."
    )
    link: Link | None = None
    visibility: Visibility | None = None
    organisation_id: uuid.UUID | None = Field(default=None, description="The publishing organisation, if any.")
    owner_region_code: RegionCode | None = Field(
        default=None,
        description="The region whose cluster managers look after it; defaults to the one region the creator manages.",
    )


class OpportunityCreate(_Fields):
    kind: OpportunityKind
    title: Title
    summary: Summary
    language: Language = "en"
    priorities: Annotated[list[Priority], AfterValidator(_unique)] = Field(default_factory=list)
    region_codes: Annotated[list[RegionCode], Field(min_length=1, max_length=50), AfterValidator(_unique)]
    nace_codes: Annotated[list[NaceCode], Field(max_length=50), AfterValidator(_unique)] = Field(default_factory=list)
    value_chain: Annotated[list[ValueChainStep], AfterValidator(_unique)] = Field(default_factory=list)
    status: CreateStatus = "open"
    visibility: Visibility = Visibility.consortium

    @model_validator(mode="after")
    def _source_ref_needs_source(self) -> OpportunityCreate:
        if self.source_ref is not None and self.source is None:
            raise ValueError("source_ref needs a source")
        return self


# Fields that always have a value: PATCH may change them, never clear them.
_REQUIRED = ("kind", "title", "summary", "language", "priorities", "region_codes", "nace_codes", "value_chain",
             "status", "visibility", "owner_region_code")


class OpportunityUpdate(_Fields):
    """Only the fields sent are changed; `null` clears an optional field."""

    kind: OpportunityKind | None = None
    status: OpportunityStatus | None = None

    @model_validator(mode="after")
    def _required_fields_not_cleared(self) -> OpportunityUpdate:
        cleared = [name for name in _REQUIRED if name in self.model_fields_set and getattr(self, name) is None]
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be cleared")
        return self


class MyInterest(BaseModel):
    """The caller's own interest in the opportunity; null for anonymous visitors."""

    expressed: bool
    message: str | None = None
    expressed_at: datetime | None = None


class OpportunityOut(BaseModel):
    id: uuid.UUID
    kind: OpportunityKind
    title: str
    summary: str
    language: str
    priorities: list[str]
    region_codes: list[str]
    country_codes: list[str] = Field(description="The first two letters of each region code (EL for Greece).")
    nace_codes: list[str]
    value_chain: list[str]
    point: Point | None
    deadline: date | None
    budget_eur: Decimal | None = Field(description="EUR, as a string to keep it exact.")
    source: str | None
    source_ref: str | None
    link: str | None
    status: OpportunityStatus
    visibility: Visibility
    owner_region_code: str
    organisation_id: uuid.UUID | None
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class OpportunityDetailOut(OpportunityOut):
    interest: MyInterest | None = Field(description="Whether the signed-in caller has expressed interest.")
    interest_count: int | None = Field(
        description="How many people expressed interest: only for the managers who may see who they are."
    )


class OpportunityPage(Page[OpportunityOut]):
    """A page of opportunities, soonest deadline first (open-ended ones last), then by id."""


class InterestIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    message: Annotated[str, Field(max_length=2000)] | None = Field(
        default=None, description="A note to the managers looking after the opportunity."
    )


class MyInterestOut(BaseModel):
    """An opportunity the caller is interested in."""

    opportunity_id: uuid.UUID
    title: str
    kind: OpportunityKind
    deadline: date | None
    status: OpportunityStatus
    message: str | None
    expressed_at: datetime


class MyInterestPage(Page[MyInterestOut]):
    """A page of the caller's interests, oldest first."""


class InterestedPersonOut(BaseModel):
    """Someone interested in an opportunity, as the managers looking after it see them."""

    person_name: str | None
    organisation_id: uuid.UUID | None
    organisation_name: str | None
    region_code: str | None
    message: str | None
    expressed_at: datetime


class InterestedPersonPage(Page[InterestedPersonOut]):
    """A page of the people interested in an opportunity, oldest first."""
