"""Request and response models of the organisation registry (the CSV import validates rows with the same ones)."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError
from tex4im_common.pagination import Page
from tex4im_common.problems import FieldProblem

from intelligence.vocab import (
    CONTENT_LANGUAGES,
    COUNTRY_PATTERN,
    NACE_PATTERN,
    NUTS2_PATTERN,
    PRIORITY_CODES,
    OrganisationKind,
    SizeClass,
    ValueChainStep,
    Visibility,
)

VAT_PATTERN = r"^[A-Z]{2}[A-Z0-9]{2,13}$"
if TYPE_CHECKING:
    from intelligence.organisation.models import Organisation, OrganisationContact

_VAT_SEPARATORS = re.compile(r"[\s.\-]")
# NUTS uses EL for Greece where ISO 3166 says GR
NUTS_COUNTRY_PREFIX = {"GR": "EL"}

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


Code2 = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=COUNTRY_PATTERN)]
Nuts2 = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=NUTS2_PATTERN)]
City = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Lon = Annotated[float, Field(ge=-180, le=180)]
Lat = Annotated[float, Field(ge=-90, le=90)]
Nace = Annotated[str, BeforeValidator(_upper), StringConstraints(pattern=NACE_PATTERN)]
Capability = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Certification = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Priority = Literal[PRIORITY_CODES]  # type: ignore[valid-type]
Language = Literal[CONTENT_LANGUAGES]  # type: ignore[valid-type]
Website = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]

_http_url = TypeAdapter(HttpUrl)
LIST_FIELDS = ("nace_codes", "value_chain", "capabilities", "certifications", "priorities")


def normalise_vat(value: str) -> str:
    """`it 012.345-678 90` → `IT01234567890`."""
    return _VAT_SEPARATORS.sub("", value).upper()


def _check_vat(value: str | None) -> str | None:
    if value is None:
        return None
    normalised = normalise_vat(value)
    if not normalised:
        return None
    if not re.fullmatch(VAT_PATTERN, normalised):
        raise PydanticCustomError(
            "vat_number_invalid", "must be a country prefix and 2 to 13 letters or digits, e.g. IT01234567890"
        )
    return normalised


def _check_website(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not value.lower().startswith(("http://", "https://")):
        raise PydanticCustomError("url_scheme", "must be an http(s) URL, e.g. https://example.com")
    try:
        _http_url.validate_python(value)
    except ValidationError as exc:
        raise PydanticCustomError("url_invalid", "must be an http(s) URL, e.g. https://example.com") from exc
    return value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _check_region(region_code: str | None, info: ValidationInfo) -> str | None:
    country = info.data.get("country_code")
    if region_code is None or country is None:
        return region_code
    prefix = NUTS_COUNTRY_PREFIX.get(country, country)
    if not region_code.startswith(prefix):
        raise PydanticCustomError(
            "region_not_in_country", "a NUTS-2 region of country {country} starts with {prefix}",
            {"country": country, "prefix": prefix},
        )
    return region_code


def _check_point(lat: float | None, info: ValidationInfo) -> float | None:
    if "lon" not in info.data:  # lon itself was invalid: its own error says so
        return lat
    if (info.data["lon"] is None) != (lat is None):
        raise PydanticCustomError("point_incomplete", "give both lon and lat, or neither")
    return lat


class OrganisationCreate(BaseModel):
    """A new organisation. Field order matters: cross-field checks read the fields before them."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: OrganisationKind
    vat_number: str | None = Field(
        default=None, description="Normalised: upper-case, without spaces, dots and dashes.",
        examples=["IT01234567890"],
    )
    country_code: Code2 = Field(description="ISO 3166-1 alpha-2.", examples=["IT"])
    region_code: Nuts2 | None = Field(default=None, description="NUTS-2 code (EL… for Greece).", examples=["ITI1"])
    city: City | None = None
    lon: Lon | None = None
    lat: Lat | None = Field(default=None, validate_default=True)
    nace_codes: list[Nace] = Field(default_factory=list, max_length=50, examples=[["C13.20"]])
    size_class: SizeClass | None = None
    value_chain: list[ValueChainStep] = Field(default_factory=list)
    capabilities: list[Capability] = Field(default_factory=list, max_length=100)
    certifications: list[Certification] = Field(default_factory=list, max_length=50)
    priorities: list[Priority] = Field(default_factory=list)
    cluster_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    website: Website | None = None
    description: Description | None = None
    language: Language = Field(default="en", description="The language the description is written in.")
    visibility: Visibility = Visibility.consortium

    _vat = field_validator("vat_number")(_check_vat)
    _website = field_validator("website")(_check_website)
    _region = field_validator("region_code")(_check_region)
    _point = field_validator("lat")(_check_point)
    _lists = field_validator(*LIST_FIELDS, "cluster_ids")(_unique)


NOT_NULLABLE = ("name", "kind", "country_code", *LIST_FIELDS, "cluster_ids", "language", "visibility")


class OrganisationPatch(BaseModel):
    """The fields to change; absent fields stay as they are, `null` clears an optional field."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: OrganisationKind | None = None
    vat_number: str | None = None
    country_code: Code2 | None = None
    region_code: Nuts2 | None = None
    city: City | None = None
    lon: Lon | None = None
    lat: Lat | None = None
    nace_codes: list[Nace] | None = None
    size_class: SizeClass | None = None
    value_chain: list[ValueChainStep] | None = None
    capabilities: list[Capability] | None = None
    certifications: list[Certification] | None = None
    priorities: list[Priority] | None = None
    cluster_ids: list[uuid.UUID] | None = None
    website: Website | None = None
    description: Description | None = None
    language: Language | None = None
    visibility: Visibility | None = None

    _vat = field_validator("vat_number")(_check_vat)
    _website = field_validator("website")(_check_website)

    @field_validator(*NOT_NULLABLE)
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        if value is None:
            raise PydanticCustomError("not_nullable", "may not be null")
        return value


def body_problems(exc: ValidationError, *, prefix: str = "body") -> list[FieldProblem]:
    """Pydantic errors as field problems named like FastAPI's (`body.vat_number`)."""
    return [
        FieldProblem(field=".".join([prefix, *map(str, err["loc"])]), message=err["msg"], code=err["type"])
        for err in exc.errors()
    ]


class ContactCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    job_title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    email: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    ] | None = None
    phone: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] | None = None


class ContactPatch(ContactCreate):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = None

    @field_validator("name")
    @classmethod
    def _name_not_null(cls, value: str | None) -> str:
        if value is None:
            raise PydanticCustomError("not_nullable", "may not be null")
        return value


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    job_title: str | None
    email: str | None
    phone: str | None


class OrganisationOut(BaseModel):
    """An organisation as lists show it: never its contacts."""

    id: uuid.UUID
    name: str
    kind: OrganisationKind
    vat_number: str | None
    country_code: str
    region_code: str | None
    city: str | None
    lon: float | None
    lat: float | None
    nace_codes: list[str]
    size_class: SizeClass | None
    value_chain: list[str]
    capabilities: list[str]
    certifications: list[str]
    priorities: list[str]
    cluster_ids: list[uuid.UUID]
    website: str | None
    description: str | None
    language: str
    visibility: Visibility
    merged_into_id: uuid.UUID | None = Field(description="Set on a merged record: follow it to the survivor.")
    version: int
    created_at: datetime
    updated_at: datetime


class OrganisationDetail(OrganisationOut):
    contacts: list[ContactOut] | None = Field(
        description="Only for the managers of its region, the admin and its own members; otherwise null."
    )


class OrganisationPage(Page[OrganisationOut]):
    """A page of organisations, by name then id."""


class DuplicateSide(BaseModel):
    id: uuid.UUID
    name: str
    city: str | None
    vat_number: str | None
    region_code: str | None


class DuplicateOut(BaseModel):
    id: uuid.UUID
    reason: Literal["same_vat_number", "similar_name_same_city"]
    similarity: float = Field(description="1.0 for the same VAT number; the name similarity (0.9–1.0) otherwise.")
    status: Literal["open", "merged", "dismissed"]
    resolved_by: str | None
    created_at: datetime
    first: DuplicateSide
    second: DuplicateSide


class DuplicatePage(Page[DuplicateOut]):
    """A page of duplicate candidates, oldest first."""


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    keep: Literal["first", "second"] = Field(description="Which record of the pair survives.")


class MergeOut(BaseModel):
    duplicate: DuplicateOut
    survivor: OrganisationDetail


def _organisation_fields(organisation: Organisation, cluster_ids: list[uuid.UUID]) -> dict[str, Any]:
    return {
        "id": organisation.id, "name": organisation.name, "kind": organisation.kind,
        "vat_number": organisation.vat_number, "country_code": organisation.country_code,
        "region_code": organisation.region_code, "city": organisation.city,
        "lon": float(organisation.lon) if organisation.lon is not None else None,
        "lat": float(organisation.lat) if organisation.lat is not None else None,
        "nace_codes": list(organisation.nace_codes), "size_class": organisation.size_class,
        "value_chain": list(organisation.value_chain), "capabilities": list(organisation.capabilities),
        "certifications": list(organisation.certifications), "priorities": list(organisation.priorities),
        "cluster_ids": cluster_ids, "website": organisation.website, "description": organisation.description,
        "language": organisation.language, "visibility": organisation.visibility,
        "merged_into_id": organisation.merged_into_id, "version": organisation.version,
        "created_at": organisation.created_at, "updated_at": organisation.updated_at,
    }


def organisation_out(organisation: Organisation, cluster_ids: list[uuid.UUID]) -> OrganisationOut:
    return OrganisationOut(**_organisation_fields(organisation, cluster_ids))


def organisation_detail(
    organisation: Organisation, cluster_ids: list[uuid.UUID], contacts: list[OrganisationContact] | None
) -> OrganisationDetail:
    """The record; `contacts` is None for callers who may not see them, and stays null in the answer."""
    return OrganisationDetail(
        **_organisation_fields(organisation, cluster_ids),
        contacts=None if contacts is None else [ContactOut.model_validate(c) for c in contacts],
    )


def duplicate_side(organisation: Organisation) -> DuplicateSide:
    return DuplicateSide(
        id=organisation.id, name=organisation.name, city=organisation.city, vat_number=organisation.vat_number,
        region_code=organisation.region_code,
    )
