"""What the other services learn about an organisation: its public display fields, never its contacts."""

from __future__ import annotations

from typing import Any

from intelligence.organisation.models import Organisation

AGGREGATE = "organisation"
CREATED, UPDATED, MERGED, DELETED = (
    "organisation.created", "organisation.updated", "organisation.merged", "organisation.deleted",
)


def organisation_payload(organisation: Organisation) -> dict[str, Any]:
    """The copy other services keep: enough to show and filter by, refreshed on every change."""
    return {
        "id": str(organisation.id),
        "name": organisation.name,
        "kind": organisation.kind,
        "country_code": organisation.country_code,
        "region_code": organisation.region_code,
        "city": organisation.city,
        "website": organisation.website,
        "size_class": organisation.size_class,
        "priorities": list(organisation.priorities),
        "value_chain": list(organisation.value_chain),
        "visibility": organisation.visibility,
        "merged_into_id": str(organisation.merged_into_id) if organisation.merged_into_id else None,
        "version": organisation.version,
    }
