"""Who may see and change an organisation, on top of the service-wide policy in `intelligence.access`.

A record is looked after from its region; a record outside the eight partner regions (or without a region)
is looked after from its steward region, the region of the cluster manager who registered it.
"""

from __future__ import annotations

import uuid

from intelligence.access import Access
from intelligence.errors import OrganisationNotFound
from intelligence.organisation.models import Organisation


def managing_region(organisation: Organisation) -> str | None:
    return organisation.steward_region_code or organisation.region_code


def may_manage(access: Access, organisation: Organisation) -> bool:
    return access.manages_region(managing_region(organisation))


def is_member_of(access: Access, organisation: Organisation) -> bool:
    return organisation.id in access.organisations


def may_see_contacts(access: Access, organisation: Organisation) -> bool:
    """Contacts are personal data: the managers of its region, the admin and the organisation's own people."""
    return may_manage(access, organisation) or is_member_of(access, organisation)


def require_visible(access: Access, organisation: Organisation | None, organisation_id: uuid.UUID) -> Organisation:
    """The record, or 404 when it does not exist or the caller may not read it."""
    if organisation is None or not access.may_read(organisation.visibility):
        raise OrganisationNotFound(f"There is no organisation {organisation_id}.")
    return organisation


def steward_for(access: Access, region_code: str | None, partner_regions: set[str], *,
                current: str | None = None) -> str | None:
    """Allow a record into `region_code` (403 naming the region otherwise) and return its steward region.

    A partner region is looked after by its own managers (no steward). Elsewhere the record keeps the
    steward region it had (`current`), or gets the registering manager's region; the admin's stay theirs.
    """
    if region_code in partner_regions:
        access.require_region_manager(region_code, what="register organisations there")
        return None
    access.require_manager()
    if current is not None:
        return current
    if access.is_admin:
        return None
    return sorted(access.managed_regions)[0]
