"""`een`: a JSON export of Enterprise Europe Network partnering profiles.

The file is a list of profiles (or an object with the list in `profiles`). Each profile:
- `reference` → source_ref (source "EEN"), required: a re-import updates the profile by it;
- `type` → kind: BO (business offer) and BR (business request) → business_cooperation, TO → technology_offer,
  TR → technology_request, RDR (R&D request) → rnd;
- `title`, `summary` (else `description`);
- `country` (ISO 3166-1 alpha-2) and `nutsCode`: the region is the NUTS-2 code (a NUTS-3 code is cut to its
  NUTS-2 region); a profile without one is refused, as it cannot be placed on the map. The NUTS code must lie
  in the country (NUTS writes EL for Greece, UK for the United Kingdom);
- `deadline`, else `expiryDate` (YYYY-MM-DD or an ISO date-time) → deadline;
- `keywords` → priorities, by the terms in `keywords.py` (circular, recycling → circular_economy; automation,
  robotics, IoT → industry_4_0; digital, e-commerce, platform → digital_technologies; smart/technical textiles,
  composites → advanced_materials; design, fashion → creativity); a keyword matching none is dropped;
- `naceCodes` → nace_codes and `url` → link, when present.
Profiles are published openly on the EEN site, so they are imported as public, in English, open.
"""

from __future__ import annotations

from typing import Any

from intelligence.opportunity.adapters.base import Candidate, ImportContext, load_json_items, parse_day, text
from intelligence.opportunity.adapters.keywords import priorities_for
from intelligence.vocab import OpportunityKind

SOURCE = "EEN"
KINDS = {
    "BO": OpportunityKind.business_cooperation,
    "BR": OpportunityKind.business_cooperation,
    "TO": OpportunityKind.technology_offer,
    "TR": OpportunityKind.technology_request,
    "RDR": OpportunityKind.rnd,
}
# NUTS country prefixes that differ from ISO 3166-1
_NUTS_COUNTRY = {"GR": "EL", "GB": "UK"}


def _region(candidate: Candidate, profile: dict[str, Any]) -> str | None:
    nuts, country = text(profile.get("nutsCode")), text(profile.get("country"))
    if nuts is None:
        candidate.refuse("nutsCode", "no NUTS code: the profile cannot be placed in a region")
        return None
    nuts = nuts.upper()
    if len(nuts) < 4:
        candidate.refuse("nutsCode", f"{nuts} is a country or NUTS-1 code; a NUTS-2 region (4 characters) is needed")
        return None
    if country and nuts[:2] != _NUTS_COUNTRY.get(country.upper(), country.upper()):
        candidate.refuse("nutsCode", f"{nuts} is not a region of the profile's country {country.upper()}")
    return nuts[:4]


def _profile(item: int, profile: Any) -> Candidate:
    candidate = Candidate(item=item, data={})
    if not isinstance(profile, dict):
        candidate.refuse("row", "a profile must be a JSON object")
        return candidate
    data = candidate.data
    data["title"] = text(profile.get("title"))
    if data["title"] is None:
        candidate.refuse("title", "required")
    if text(profile.get("summary")) is None and text(profile.get("description")) is None:
        candidate.refuse("summary", "required (or a description)")
    reference = text(profile.get("reference"))
    if reference is None:
        candidate.refuse("reference", "required: re-imports recognise a profile by it")
    kind = KINDS.get((text(profile.get("type")) or "").upper())
    if kind is None:
        candidate.refuse("type", f"'{profile.get('type')}' is not an EEN profile type ({', '.join(KINDS)})")
    region = _region(candidate, profile)
    deadline_field = "deadline" if profile.get("deadline") else "expiryDate"
    raw_deadline = profile.get(deadline_field)
    deadline = parse_day(raw_deadline)
    if raw_deadline and deadline is None:
        candidate.refuse(deadline_field, f"'{raw_deadline}' is not a date (YYYY-MM-DD)")
    keywords = profile.get("keywords") or []
    data.update({
        "kind": kind.value if kind else None,
        "summary": text(profile.get("summary")) or text(profile.get("description")),
        "language": "en",
        "region_codes": [region] if region else [],
        "priorities": priorities_for(keywords if isinstance(keywords, list) else [keywords]),
        "nace_codes": [str(code) for code in profile.get("naceCodes") or []],
        "deadline": deadline,
        "source": SOURCE,
        "source_ref": reference,
        "link": text(profile.get("url")),
        "visibility": "public",
    })
    return candidate


def parse(data: bytes, context: ImportContext) -> list[Candidate]:
    """One candidate per profile, numbered from 1."""
    profiles = load_json_items(data, wrapper_keys=("profiles",))
    return [_profile(item, profile) for item, profile in enumerate(profiles, start=1)]
