from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field
from tex4im_common.pagination import Page


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


class RegionPage(Page[RegionOut]):
    """A page of regions."""
