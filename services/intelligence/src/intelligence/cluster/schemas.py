from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from tex4im_common.pagination import Page

from intelligence.vocab import NACE_PATTERN, EscaLabel, EscpState

HTTP_URL_PATTERN = r"^https?://[^\s]+$"

NaceCode = Annotated[str, StringConstraints(pattern=NACE_PATTERN, max_length=6)]
Ecosystem = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
S3Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
MemberCount = Annotated[int, Field(ge=0, le=1_000_000)]


class ClusterSummaryOut(BaseModel):
    id: uuid.UUID
    name: str
    acronym: str
    country_code: str
    region_code: str
    region_name: str
    is_partner: bool
    is_coordinator: bool
    website_en: str | None
    members_total: int
    esca_label: EscaLabel | None
    escp_state: EscpState


class ClusterPage(Page[ClusterSummaryOut]):
    """A page of clusters: the partner clusters first (the coordinator leading), then the others, by name."""


class ReadinessCriterion(BaseModel):
    code: str = Field(examples=["management_fte", "committed_members", "member_types", "english_website"])
    met: bool
    message: str


class StateChangeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_state: EscpState
    to_state: EscpState
    changed_by: str = Field(description="The user id of who took the step.")
    changed_by_name: str | None
    changed_at: datetime
    comment: str | None


class ClusterDetailOut(ClusterSummaryOut):
    """The cluster's ECCP cluster profile, its ESCP-S3 state and how ready it is for ECCP validation."""

    managed_by: str | None
    description: str | None
    year_established: int | None
    members_sme: int
    members_large: int
    members_research: int
    members_university: int
    members_public: int
    members_other: int
    management_fte: str | None = Field(description="Full-time equivalents managing the cluster, as a decimal string.")
    industrial_ecosystems: list[str]
    nace_codes: list[str]
    s3_priorities: list[str]
    esca_valid_until: date | None
    support_programme: str | None
    eccp_profile_url: str | None
    partnership_agreement_signed_on: date | None
    escp_state_changed_at: datetime | None
    next_states: list[EscpState] = Field(description="The ESCP-S3 states the cluster may go to from here.")
    ready: bool = Field(description="Every ECCP validation criterion is met.")
    readiness: list[ReadinessCriterion]
    state_history: list[StateChangeOut] | None = Field(
        description="The ESCP-S3 steps, oldest first; null for callers outside the partnership."
    )
    version: int


class ClusterPatch(BaseModel):
    """Only the fields sent change; nullable profile fields may be cleared with null."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    acronym: str | None = Field(default=None, min_length=1, max_length=60)
    managed_by: str | None = Field(default=None, max_length=200)
    website_en: str | None = Field(default=None, max_length=300, pattern=HTTP_URL_PATTERN)
    description: str | None = Field(default=None, max_length=20_000)
    year_established: int | None = Field(default=None, ge=1800, le=2100)
    members_sme: MemberCount | None = None
    members_large: MemberCount | None = None
    members_research: MemberCount | None = None
    members_university: MemberCount | None = None
    members_public: MemberCount | None = None
    members_other: MemberCount | None = None
    management_fte: Decimal | None = Field(default=None, ge=0, max_digits=5, decimal_places=2)
    industrial_ecosystems: list[Ecosystem] | None = Field(default=None, max_length=14)
    nace_codes: list[NaceCode] | None = Field(default=None, max_length=50, examples=[["C13", "C14.1"]])
    s3_priorities: list[S3Text] | None = Field(default=None, max_length=30)
    esca_label: EscaLabel | None = None
    esca_valid_until: date | None = None
    support_programme: str | None = Field(default=None, max_length=300)
    eccp_profile_url: str | None = Field(default=None, max_length=300, pattern=HTTP_URL_PATTERN)
    partnership_agreement_signed_on: date | None = None

    @model_validator(mode="after")
    def _required_fields_not_null(self) -> ClusterPatch:
        required = {"name", "acronym", "industrial_ecosystems", "nace_codes", "s3_priorities"} | {
            f for f in type(self).model_fields if f.startswith("members_")
        }
        nulls = sorted(f for f in self.model_fields_set & required if getattr(self, f) is None)
        if nulls:
            raise ValueError(f"{', '.join(nulls)} cannot be null; leave a field out to keep it")
        return self


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to_state: EscpState
    comment: str | None = Field(default=None, max_length=2000, description="Required when going back to draft.")


class ClusterMemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: str
    city: str | None
    region_code: str | None


class ClusterMemberPage(Page[ClusterMemberOut]):
    """A page of the cluster's member organisations, by name."""
