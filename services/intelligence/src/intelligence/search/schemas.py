"""What a search asks for: the filters of the searches and the map, validated once, also for saved searches.

Within one filter the values are alternatives (region=PT11&region=ITI1: either region); different filters
must all hold. The same models validate the query string of a search and the `criteria` of a saved search.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from tex4im_common.problems import FieldProblem, InvalidInput

from intelligence.vocab import (
    COUNTRY_PATTERN,
    NACE_PATTERN,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    OpportunityKind,
    OpportunityStatus,
    OrganisationKind,
    SizeClass,
    ValueChainStep,
)

MAX_VALUES = 50
LAYERS_PATTERN = r"^(organisations|opportunities)(,(organisations|opportunities))?$"


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


RegionCode = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=NUTS2_PATTERN)]
CountryCode = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=COUNTRY_PATTERN)]
NaceCode = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=NACE_PATTERN)]
PriorityCode = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
AnyKind = Literal[tuple(OpportunityKind) + tuple(OrganisationKind)]  # type: ignore[valid-type]
MapStatus = Literal["draft", "open", "closed"]  # archived opportunities never show on the map


def _values(description: str) -> Any:
    return Field(default_factory=list, max_length=MAX_VALUES, description=description)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """`minLon,minLat,maxLon,maxLat` (WGS 84) as four floats; ValueError says what is wrong."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox must be minLon,minLat,maxLon,maxLat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox must be four numbers: minLon,minLat,maxLon,maxLat") from None
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError("bbox must lie on earth with min ≤ max (lon -180..180, lat -90..90)")
    return min_lon, min_lat, max_lon, max_lat


class SearchFilters(BaseModel):
    """The filters every search shares."""

    q: str | None = Field(
        default=None, max_length=200,
        description='Words to look for, in any partner language; "quoted phrase", OR and -word work as on the web.',
    )
    region: list[RegionCode] = _values("NUTS-2 region code(s), e.g. PT11.")
    country: list[CountryCode] = _values("ISO 3166-1 alpha-2 country code(s).")
    priority: list[PriorityCode] = _values("Thematic priority code(s).")
    nace: list[NaceCode] = _values("NACE Rev.2 code(s); a prefix matches its sub-codes (C13 matches C13.20).")
    has_point: bool | None = Field(default=None, description="Only records with (true) or without (false) a point.")
    bbox: str | None = Field(
        default=None, examples=["-9.5,40.8,-6.2,42.2"], description="minLon,minLat,maxLon,maxLat (WGS 84)."
    )

    @field_validator("q")
    @classmethod
    def _blank_q_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("bbox")
    @classmethod
    def _bbox_is_a_box(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return ",".join(f"{v:g}" for v in parse_bbox(value))

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        return parse_bbox(self.bbox) if self.bbox else None


class DeadlineRange(BaseModel):
    deadline_from: date | None = Field(default=None, description="Deadline on or after this day.")
    deadline_to: date | None = Field(default=None, description="Deadline on or before this day.")

    @field_validator("deadline_to")
    @classmethod
    def _range_not_reversed(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("deadline_from")
        if value is not None and start is not None and value < start:
            raise ValueError("deadline_to must not be before deadline_from")
        return value


class OpportunityCriteria(DeadlineRange, SearchFilters):
    """Filters of the opportunity search."""

    kind: list[OpportunityKind] = _values("Opportunity kind(s).")
    status: list[OpportunityStatus] = Field(
        default_factory=lambda: [OpportunityStatus.open], min_length=1, max_length=4,
        description="Status(es); open by default. Drafts are found only by their region's managers and the admin.",
    )


class OrganisationCriteria(SearchFilters):
    """Filters of the organisation search (merged records are never found)."""

    kind: list[OrganisationKind] = _values("Organisation kind(s).")
    size_class: list[SizeClass] = _values("Size class(es).")
    value_chain: list[ValueChainStep] = _values("Value-chain step(s) the organisation works in.")
    cluster_id: list[uuid.UUID] = _values("Member of (any of) these cluster(s).")


class MapCriteria(DeadlineRange, SearchFilters):
    """Filters of the map: a filter applies to the layer(s) that have that field and is ignored by the others.

    `kind` takes both vocabularies: a layer none of whose kinds is asked for shows no points.
    """

    layers: str = Field(
        default="organisations,opportunities", pattern=LAYERS_PATTERN, description="Comma-separated layers to draw."
    )
    kind: list[AnyKind] = _values("Organisation and/or opportunity kind(s).")
    status: list[MapStatus] = Field(
        default_factory=lambda: ["open"], min_length=1, max_length=3, description="Opportunity status(es)."
    )
    size_class: list[SizeClass] = _values("Organisations: size class(es).")
    value_chain: list[ValueChainStep] = _values("Organisations: value-chain step(s).")
    cluster_id: list[uuid.UUID] = _values("Organisations: member of (any of) these cluster(s).")

    def _shared(self) -> dict[str, Any]:
        return self.model_dump(include=set(SearchFilters.model_fields))

    def for_opportunities(self) -> OpportunityCriteria | None:
        """The opportunity layer's criteria, or None when that layer shows nothing."""
        kinds = [k for k in self.kind if k in set(OpportunityKind)]
        if "opportunities" not in self.layers or (self.kind and not kinds):
            return None
        return OpportunityCriteria(
            **self._shared(), kind=kinds, status=self.status,
            deadline_from=self.deadline_from, deadline_to=self.deadline_to,
        )

    def for_organisations(self) -> OrganisationCriteria | None:
        """The organisation layer's criteria, or None when that layer shows nothing."""
        kinds = [k for k in self.kind if k in set(OrganisationKind)]
        if "organisations" not in self.layers or (self.kind and not kinds):
            return None
        return OrganisationCriteria(
            **self._shared(), kind=kinds, size_class=self.size_class, value_chain=self.value_chain,
            cluster_id=self.cluster_id,
        )


SearchTarget = Literal["organisations", "opportunities"]
CRITERIA_MODELS: dict[str, type[SearchFilters]] = {
    "opportunities": OpportunityCriteria, "organisations": OrganisationCriteria,
}


def parse_criteria(target: str, raw: Any, *, field: str) -> OpportunityCriteria | OrganisationCriteria:
    """Validate stored or submitted criteria with the search's own model; problems name `field`.<name>."""
    model = CRITERIA_MODELS[target]
    if not isinstance(raw, dict):
        raise InvalidInput(
            "The criteria must be an object of search filters.",
            errors=[FieldProblem(field=field, message="must be an object", code="dict_type")],
        )
    unknown = sorted(set(raw) - set(model.model_fields))
    problems = [
        FieldProblem(field=f"{field}.{name}", message=f"not a filter of the {target} search", code="extra_forbidden")
        for name in unknown
    ]
    try:
        criteria = model.model_validate(raw)
    except ValidationError as exc:
        problems += [
            FieldProblem(
                field=".".join([field, *map(str, e["loc"])]) if e["loc"] else field, message=e["msg"], code=e["type"]
            )
            for e in exc.errors()
        ]
    if problems:
        raise InvalidInput(f"The {target} search criteria are not valid.", errors=problems)
    return criteria  # type: ignore[return-value]


def stored_criteria(criteria: SearchFilters) -> dict[str, Any]:
    """The criteria as kept in a saved search: only the filters that differ from their defaults."""
    return criteria.model_dump(mode="json", exclude_defaults=True)
