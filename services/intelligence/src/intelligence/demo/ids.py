"""Stable ids of the demo records: the same in every installation, so other packages can point at them.

The pattern is documented because the gateway computes one of these ids without importing this package:
the organisation of a region's demo member account is `uuid5(NAMESPACE_URL, "urn:tex4im:demo-organisation:<NUTS>:01")`.
"""

from __future__ import annotations

import uuid

DEMO_DOMAIN = "demo.tex4im.eu"
DEMO_SUFFIX = " (demo)"


def demo_id(kind: str, key: str) -> uuid.UUID:
    """`uuid5(NAMESPACE_URL, "urn:tex4im:demo-<kind>:<key>")`."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-{kind}:{key}")


def organisation_id(region_code: str, number: int) -> uuid.UUID:
    """The id of the region's demo organisation number `number` (1-based, two digits in the URN)."""
    return demo_id("organisation", f"{region_code}:{number:02d}")


def opportunity_id(region_code: str, number: int) -> uuid.UUID:
    return demo_id("opportunity", f"{region_code}:{number:02d}")


def demo_member_organisation_id(region_code: str) -> uuid.UUID:
    """The organisation of the region's demo member account: the region's first demo company (number 01)."""
    return organisation_id(region_code, 1)
