"""The service's controlled vocabularies: stored as strings, validated here and by CHECK constraints."""

from __future__ import annotations

import re
from enum import StrEnum

from tex4im_common.db import sql_in  # noqa: F401  (re-exported for the models' CHECK constraints)


class Visibility(StrEnum):
    """Who may see a record: everyone (open data, anonymous visitors) or signed-in partnership users only."""

    public = "public"
    consortium = "consortium"


class OrganisationKind(StrEnum):
    company = "company"
    rnd_centre = "rnd_centre"
    university = "university"
    science_park = "science_park"
    business_network = "business_network"
    investor = "investor"


class SizeClass(StrEnum):
    """EU SME definition by head count: micro < 10, small < 50, medium < 250, large ≥ 250."""

    micro = "micro"
    small = "small"
    medium = "medium"
    large = "large"


class ValueChainStep(StrEnum):
    """The textile & clothing value chain, in order (the matchmaking service uses the same steps)."""

    fibre = "fibre"
    yarn = "yarn"
    fabric = "fabric"
    finishing = "finishing"
    garment = "garment"
    retail = "retail"
    recycling = "recycling"


VALUE_CHAIN_ORDER = list(ValueChainStep)


class OpportunityKind(StrEnum):
    business_cooperation = "business_cooperation"
    technology_offer = "technology_offer"
    technology_request = "technology_request"
    rnd = "rnd"
    funding_call = "funding_call"
    tender = "tender"
    investment = "investment"
    event = "event"


class OpportunityStatus(StrEnum):
    """draft (only its managers see it) → open → closed; archived hides it from the map."""

    draft = "draft"
    open = "open"
    closed = "closed"
    archived = "archived"


class EscpState(StrEnum):
    """A member cluster's way into the ESCP-S3 partnership page on ECCP."""

    draft = "draft"
    submitted = "submitted"
    validated = "validated"
    linked = "linked"


class IndicatorQuality(StrEnum):
    official = "official"
    secondary = "secondary"


class EscaLabel(StrEnum):
    bronze = "bronze"
    silver = "silver"
    gold = "gold"


# The partnership's five thematic priorities (reference rows in thematic_priority).
PRIORITY_CODES = ("circular_economy", "industry_4_0", "digital_technologies", "advanced_materials", "creativity")

# Content languages of the partners and the PostgreSQL text-search configuration that stems each one.
# Czech has no Snowball stemmer in PostgreSQL: its text is indexed unstemmed ('simple').
TEXT_SEARCH_CONFIG = {
    "en": "english", "it": "italian", "ro": "romanian", "es": "spanish",
    "pt": "portuguese", "cs": "simple", "sv": "swedish", "fr": "french",
}
CONTENT_LANGUAGES = tuple(TEXT_SEARCH_CONFIG)

NUTS2_PATTERN = r"^[A-Z]{2}[A-Z0-9]{2}$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
# NACE Rev.2: a section letter with a division (C13), group (C13.9) or class (C13.91).
NACE_PATTERN = r"^[A-U][0-9]{2}(\.[0-9]{1,2})?$"
NACE_RE = re.compile(NACE_PATTERN)

