from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from tex4im_common.pagination import Page

from intelligence.vocab import PRIORITY_CODES, IndicatorQuality

INDICATOR_CODE_PATTERN = r"^[a-z][a-z0-9_]{1,59}$"
HTTP_URL_PATTERN = r"^https?://[^\s]+$"

M = TypeVar("M", bound=BaseModel)


class LabelPoint(BaseModel):
    """Where the region's label sits on a map (WGS 84)."""

    lon: float
    lat: float


class ClusterOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    acronym: str
    managed_by: str | None
    is_partner: bool
    is_coordinator: bool


class FigureOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    statement: str = Field(description="The figure as published, e.g. '1,424 companies; 23,188 jobs'.")
    scope: str = Field(description="What the figure covers (a district, a cluster, the region) and when.")
    year: int | None = Field(description="Reference year; null where the source does not state one.")
    source: str


def _refuse_nulls(patch: M, *, nullable: set[str]) -> M:
    nulls = sorted(f for f in patch.model_fields_set - nullable if getattr(patch, f) is None)
    if nulls:
        raise ValueError(f"{', '.join(nulls)} cannot be null; leave a field out to keep it")
    return patch


# -- indicators -----------------------------------------------------------------------------------------------


class IndicatorOut(BaseModel):
    id: uuid.UUID
    code: str = Field(examples=["textile_employees"])
    label: str
    value: str = Field(examples=["41251", "19.5"], description="The value as a decimal string (never a float).")
    unit: str = Field(examples=["persons", "%"])
    year: int | None = Field(description="Reference year; null where the source does not state one.")
    scope: str = Field(description="What the value covers: a district, a cluster, the region, the country.")
    quality: IndicatorQuality = Field(description="`official` statistic or `secondary` source.")
    source: str
    source_url: str | None


class IndicatorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=INDICATOR_CODE_PATTERN, examples=["textile_employees"])
    label: str = Field(min_length=1, max_length=200)
    value: Decimal = Field(max_digits=18, decimal_places=4, description="A number or a decimal string.")
    unit: str = Field(min_length=1, max_length=40)
    year: int | None = Field(default=None, ge=1900, le=2100)
    scope: str = Field(min_length=1, max_length=2000)
    quality: IndicatorQuality
    source: str = Field(min_length=1, max_length=2000)
    source_url: str | None = Field(default=None, max_length=500, pattern=HTTP_URL_PATTERN)


class IndicatorPatch(BaseModel):
    """Only the fields sent change; `year` and `source_url` may be set to null."""

    model_config = ConfigDict(extra="forbid")

    code: str | None = Field(default=None, pattern=INDICATOR_CODE_PATTERN)
    label: str | None = Field(default=None, min_length=1, max_length=200)
    value: Decimal | None = Field(default=None, max_digits=18, decimal_places=4)
    unit: str | None = Field(default=None, min_length=1, max_length=40)
    year: int | None = Field(default=None, ge=1900, le=2100)
    scope: str | None = Field(default=None, min_length=1, max_length=2000)
    quality: IndicatorQuality | None = None
    source: str | None = Field(default=None, min_length=1, max_length=2000)
    source_url: str | None = Field(default=None, max_length=500, pattern=HTTP_URL_PATTERN)

    @model_validator(mode="after")
    def _required_fields_not_null(self) -> IndicatorPatch:
        return _refuse_nulls(self, nullable={"year", "source_url"})


class IndicatorCatalogueEntry(BaseModel):
    code: str
    label: str = Field(description="The label most regions use for the code.")
    units: list[str] = Field(description="Every unit the code is recorded in (values in different units differ).")
    regions: list[str] = Field(description="NUTS codes of the regions with at least one value.")
    years: list[int] = Field(description="Reference years present (undated values are not listed).")


# -- S3 priorities --------------------------------------------------------------------------------------------


def _known_priorities(codes: list[str]) -> list[str]:
    unknown = [c for c in codes if c not in PRIORITY_CODES]
    if unknown:
        raise ValueError(f"unknown thematic priorities {unknown}; use some of {list(PRIORITY_CODES)}")
    return [c for c in PRIORITY_CODES if c in codes]  # the partnership's order, once each


ThematicPriorities = Annotated[list[str], AfterValidator(_known_priorities)]


class S3PriorityOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    position: int
    title: str
    description: str | None
    thematic_priorities: list[str] = Field(description="Codes of the partnership's thematic priorities it serves.")
    source: str


class S3PriorityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    description: str | None = Field(default=None, max_length=10_000)
    thematic_priorities: ThematicPriorities = Field(default_factory=list, examples=[["circular_economy"]])
    source: str = Field(min_length=1, max_length=2000, description="The S3 strategy document it comes from.")
    position: int | None = Field(default=None, ge=1, le=1000, description="Place in the list; default: last.")


class S3PriorityPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=300)
    description: str | None = Field(default=None, max_length=10_000)
    thematic_priorities: ThematicPriorities | None = None
    source: str | None = Field(default=None, min_length=1, max_length=2000)
    position: int | None = Field(default=None, ge=1, le=1000)

    @model_validator(mode="after")
    def _required_fields_not_null(self) -> S3PriorityPatch:
        return _refuse_nulls(self, nullable={"description"})


# -- regions --------------------------------------------------------------------------------------------------


class RegionOut(BaseModel):
    code: str = Field(examples=["ITI1"], description="NUTS-2 code (NUTS 2021 = NUTS 2024).")
    name: str
    country_code: str = Field(description="ISO 3166-1 alpha-2 country code.")
    nuts_uri: str
    label_point: LabelPoint
    area_km2: int | None
    clusters: list[ClusterOut]


class RegionDetailOut(RegionOut):
    figures: list[FigureOut]
    indicators: list[IndicatorOut] = Field(description="By code, newest year first; each with scope and source.")
    s3_priorities: list[S3PriorityOut]


class RegionPage(Page[RegionOut]):
    """A page of regions."""


# -- comparisons: the priority overlap matrix and the scorecard -----------------------------------------------


class RegionPriorities(BaseModel):
    code: str
    name: str
    priorities: list[str] = Field(description="Thematic priorities any of the region's S3 priorities is tied to.")


class PriorityOverlapPair(BaseModel):
    region_a: str
    region_b: str
    shared: list[str] = Field(description="Thematic priorities both regions' S3 priorities are tied to.")
    count: int
    jaccard: float | None = Field(description="|shared| / |either|; null when neither region has any priority.")


class PriorityOverlapOut(BaseModel):
    priority_codes: list[str] = Field(description="The five thematic priorities, in the partnership's order.")
    regions: list[RegionPriorities] = Field(description="By NUTS code.")
    pairs: list[PriorityOverlapPair] = Field(description="Each pair once (region_a < region_b), by NUTS codes.")


class ScorecardValue(BaseModel):
    value: str = Field(description="Decimal string.")
    unit: str
    year: int | None
    scope: str
    quality: IndicatorQuality
    source: str
    source_url: str | None


class ScorecardIndicator(BaseModel):
    code: str
    label: str
    values: dict[str, ScorecardValue | None] = Field(
        description="Each region's latest value by NUTS code (newest year; an undated value counts as oldest)."
    )
    units_differ: bool = Field(description="The regions' values are in different units: compare with care.")
    scopes_differ: bool = Field(description="The values cover different scopes (district, cluster, region...).")


class PlatformFigures(BaseModel):
    """Live counts from the platform's own records, limited to what the caller may see."""

    organisations: int = Field(description="Organisations registered in the region (merged duplicates excluded).")
    opportunities_open: int = Field(description="Open opportunities of the region (its own or located there).")
    interests: int = Field(description="Interests expressed in the region's published opportunities.")
    cluster_members: int = Field(description="Members of the region's partner cluster(s), all member types.")
    escp_state: str | None = Field(description="ESCP-S3 state of the region's partner cluster.")


class ScorecardRegion(BaseModel):
    code: str
    name: str
    country_code: str
    platform: PlatformFigures


class ScorecardOut(BaseModel):
    regions: list[ScorecardRegion] = Field(description="By NUTS code.")
    indicators: list[ScorecardIndicator] = Field(description="By indicator code.")


# -- boundaries -----------------------------------------------------------------------------------------------


class BoundaryFeatureNote(BaseModel):
    index: int = Field(description="0-based position of the feature in the uploaded `features`.")
    id: str | None = Field(description="Its NUTS_ID (or nuts_id / id); null when it has none.")
    reason: str | None = None


class BoundaryImportReport(BaseModel):
    source: str
    matched: list[str] = Field(description="Regions whose boundary was stored (replacing any earlier one).")
    skipped: list[BoundaryFeatureNote] = Field(description="Features of regions outside the partnership.")
    refused: list[BoundaryFeatureNote] = Field(description="Features that could not be used, with the reason.")


class BoundaryProperties(BaseModel):
    code: str
    name: str
    indicator: str | None = Field(default=None, description="The `indicator` asked for, when one was.")
    label: str | None = None
    value: float | None = Field(default=None, description="Latest value, as a number for the choropleth scale.")
    unit: str | None = None
    year: int | None = None
    scope: str | None = None
    quality: IndicatorQuality | None = None
    source: str | None = None


class BoundaryFeature(BaseModel):
    type: str = Field(default="Feature", examples=["Feature"])
    id: str
    geometry: dict[str, object] = Field(description="GeoJSON Polygon or MultiPolygon (WGS 84), as imported.")
    properties: BoundaryProperties


class BoundaryCollection(BaseModel):
    type: str = Field(default="FeatureCollection", examples=["FeatureCollection"])
    features: list[BoundaryFeature]
