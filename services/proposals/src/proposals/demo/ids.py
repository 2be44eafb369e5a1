"""Stable ids the demo shares with the other parts of the platform, computed here without importing them.

- Registry organisations: `uuid5(NAMESPACE_URL, "urn:tex4im:demo-organisation:<NUTS>:<NN>")` (the intelligence demo;
  numbers 01–33 are companies, 34 an R&D centre). The region's demo member account acts for company 01.
- Demo accounts: `uuid5(NAMESPACE_URL, "urn:tex4im:demo-account:<email>")` (the gateway's demo accounts).
Tests on both sides pin the same literals, so the two cannot drift apart.
"""

from __future__ import annotations

import uuid

DEMO_DOMAIN = "demo.tex4im.eu"
REGIONS = ("ITI1", "ITC1", "RO21", "ES52", "PT11", "CZ05", "SE23", "FRE1")
REGION_NAMES = {
    "ITI1": "Toscana", "ITC1": "Piemonte", "RO21": "Nord-Est", "ES52": "Comunitat Valenciana", "PT11": "Norte",
    "CZ05": "Severovýchod", "SE23": "Västsverige", "FRE1": "Nord-Pas-de-Calais",
}
RND_CENTRE_NUMBER = 34


def organisation_id(region_code: str, number: int) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-organisation:{region_code}:{number:02d}")


def account_id(email: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-account:{email}")


def partner_contact_id(organisation: uuid.UUID) -> uuid.UUID:
    """A demo person acting for a partner organisation that has no demo account (not able to sign in)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-partner-contact:{organisation}")
