"""What the searches, the map, the matching and the saved searches answer (response models)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field
from tex4im_common.pagination import Page

from intelligence.search.schemas import SearchTarget


class FacetCount(BaseModel):
    value: str
    count: int


FacetList = Annotated[list[FacetCount], Field(description="Values by count (highest first), then by value.")]


class OpportunityFacets(BaseModel):
    """Counts per value; each facet applies every other active filter but not its own (disjunctive)."""

    region: FacetList
    country: FacetList
    kind: FacetList
    priority: FacetList
    nace: FacetList = Field(description="NACE divisions (C13), counted once per record.")
    status: FacetList
    deadline: FacetList = Field(description="Buckets: overdue, next_30_days, next_90_days, later, none.")


class OrganisationFacets(BaseModel):
    """Counts per value; each facet applies every other active filter but not its own (disjunctive)."""

    region: FacetList
    country: FacetList
    kind: FacetList
    priority: FacetList
    nace: FacetList = Field(description="NACE divisions (C13), counted once per record.")
    size_class: FacetList


class OpportunityHit(BaseModel):
    type: Literal["opportunity"] = "opportunity"
    id: uuid.UUID
    kind: str
    title: str
    summary: str = Field(description="The start of the summary (at most 240 characters, cut at a word).")
    region_codes: list[str]
    country_codes: list[str]
    priorities: list[str]
    deadline: date | None
    budget_eur: Decimal | None = Field(description="EUR, as a decimal string.")
    status: str
    visibility: str
    lon: float | None
    lat: float | None
    rank: float | None = Field(description="Text relevance plus the documented boosts; null without `q`.")
    created_at: datetime
    published_at: datetime | None


class OrganisationHit(BaseModel):
    type: Literal["organisation"] = "organisation"
    id: uuid.UUID
    kind: str
    name: str
    description: str | None = Field(description="The start of the description (at most 240 characters).")
    country_code: str
    region_code: str | None
    city: str | None
    priorities: list[str]
    nace_codes: list[str]
    size_class: str | None
    value_chain: list[str]
    website: str | None
    visibility: str
    lon: float | None
    lat: float | None
    rank: float | None = Field(description="Text relevance; null without `q`.")
    created_at: datetime


class OpportunitySearchPage(Page[OpportunityHit]):
    """One page of matching opportunities, the exact number of matches, and the facet counts."""

    total: int
    facets: OpportunityFacets


class OrganisationSearchPage(Page[OrganisationHit]):
    """One page of matching organisations, the exact number of matches, and the facet counts."""

    total: int
    facets: OrganisationFacets


class MapPoint(BaseModel):
    type: Literal["organisation", "opportunity"]
    id: uuid.UUID
    lon: float
    lat: float
    label: str
    kind: str
    priorities: list[str]
    region: str | None
    approximate: bool = Field(description="True when drawn at its first region's label point (it has no point).")


class MapPoints(BaseModel):
    points: list[MapPoint]
    truncated: bool = Field(description="More points matched than the cap; narrow the filters or the bbox.")


# -- matching --------------------------------------------------------------------------------------------


class MatchReason(BaseModel):
    code: str = Field(examples=["shared_priorities"], description="Stable code; the SPA translates by it.")
    params: dict[str, Any]
    text: str = Field(description="The same in English, for API users.")
    points: int = Field(description="What it adds to (or, for a mismatch, takes from) the score.")


class MatchedOpportunity(BaseModel):
    opportunity: OpportunityHit
    score: int = Field(ge=0, le=100)
    reasons: list[MatchReason]
    mismatches: list[MatchReason]


class OrganisationRef(BaseModel):
    id: uuid.UUID
    name: str


class MatchingOpportunities(BaseModel):
    """Open opportunities the caller may see, best fit first, each with why it fits and why not."""

    organisation: OrganisationRef
    items: list[MatchedOpportunity]
    candidates: int = Field(description="How many opportunities passed the prefilter and were scored.")


# -- saved searches --------------------------------------------------------------------------------------


class SavedSearchIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    target: SearchTarget
    criteria: dict[str, Any] = Field(
        default_factory=dict,
        description="The filters of GET /search/{target} (not cursor/limit), validated by the same rules.",
    )


class SavedSearchPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    target: SearchTarget | None = Field(default=None, description="Changing it needs `criteria` for the new target.")
    criteria: dict[str, Any] | None = None


class SavedSearchOut(BaseModel):
    id: uuid.UUID
    name: str
    target: SearchTarget
    criteria: dict[str, Any]
    last_seen_at: datetime
    created_at: datetime
    updated_at: datetime
    new_count: int = Field(description="Matches created or published since `last_seen_at`.")


class SavedSearchPage(Page[SavedSearchOut]):
    """The caller's saved searches by name."""


class NewOpportunityHit(OpportunityHit):
    is_new: bool


class NewOrganisationHit(OrganisationHit):
    is_new: bool


class SavedSearchResults(Page[Annotated[NewOpportunityHit | NewOrganisationHit, Field(discriminator="type")]]):
    """A saved search run now: its matches, flagged `is_new` when created or published since the last look."""

    saved_search_id: uuid.UUID
    target: SearchTarget
    total: int
    new_count: int
