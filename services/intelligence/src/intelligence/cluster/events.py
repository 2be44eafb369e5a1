"""What the event feed says about a cluster: its public ECCP profile and ESCP-S3 state, never who changed it."""

from __future__ import annotations

from typing import Any

from intelligence.cluster.escp import MEMBER_FIELDS, total_members
from intelligence.cluster.models import Cluster

AGGREGATE = "cluster"
UPDATED, ESCP_STATE_CHANGED = "cluster.updated", "cluster.escp_state_changed"

PROFILE_FIELDS = (
    "name", "acronym", "website_en", "description", "year_established", *MEMBER_FIELDS, "industrial_ecosystems",
    "nace_codes", "s3_priorities", "esca_label", "esca_valid_until", "support_programme", "eccp_profile_url",
    "partnership_agreement_signed_on",
)


def cluster_payload(cluster: Cluster, *, region_code: str) -> dict[str, Any]:
    """The profile copy partner systems (ESCP-S3 export, open data) keep, refreshed on every change."""
    profile = {field: getattr(cluster, field) for field in PROFILE_FIELDS}
    return {
        "id": str(cluster.id),
        "region_code": region_code,
        **profile,
        "management_fte": str(cluster.management_fte) if cluster.management_fte is not None else None,
        "members_total": total_members(cluster),
        "is_partner": cluster.is_partner,
        "escp_state": cluster.escp_state,
        "version": cluster.version,
    }
