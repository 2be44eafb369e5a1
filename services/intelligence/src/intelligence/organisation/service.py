"""The organisation registry's rules: reading per visibility, registering per region, editing, removing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from tex4im_common.concurrency import check_if_match
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput

from intelligence.access import Access
from intelligence.errors import OrganisationMerged
from intelligence.organisation import events
from intelligence.organisation.duplicates import detect_duplicates
from intelligence.organisation.models import Organisation
from intelligence.organisation.policy import (
    is_member_of,
    managing_region,
    may_manage,
    may_see_contacts,
    require_visible,
    steward_for,
)
from intelligence.organisation.repository import OrganisationRepository
from intelligence.organisation.schemas import (
    LIST_FIELDS,
    OrganisationCreate,
    OrganisationDetail,
    OrganisationPage,
    OrganisationPatch,
    body_problems,
    organisation_detail,
    organisation_out,
)

COLUMNS = (
    "name", "kind", "vat_number", "country_code", "region_code", "city", "lon", "lat", *LIST_FIELDS,
    "size_class", "website", "description", "language", "visibility",
)
# what a member of the organisation may not change on its own profile
MANAGERS_ONLY = ("visibility", "region_code")
_MICRODEGREE = Decimal("0.000001")


def _column_value(field: str, value: Any) -> Any:
    """A validated value as the column stores it: plain strings, Decimal degrees."""
    if value is None:
        return None
    if field in ("lon", "lat"):
        return Decimal(str(value)).quantize(_MICRODEGREE)
    if field in LIST_FIELDS:
        return [str(v) for v in value]
    return str(value) if isinstance(value, str) else value


def _current_values(organisation: Organisation, cluster_ids: list[uuid.UUID]) -> dict[str, Any]:
    values: dict[str, Any] = {field: getattr(organisation, field) for field in COLUMNS}
    values["lon"] = float(organisation.lon) if organisation.lon is not None else None
    values["lat"] = float(organisation.lat) if organisation.lat is not None else None
    values["cluster_ids"] = cluster_ids
    return values


def new_organisation(data: OrganisationCreate, steward: str | None) -> Organisation:
    """A record from validated fields (not written yet; its id is known at once)."""
    return Organisation(
        id=uuid.uuid4(), steward_region_code=steward,
        **{field: _column_value(field, getattr(data, field)) for field in COLUMNS},
    )


def apply_changes(organisation: Organisation, changes: dict[str, Any]) -> bool:
    """Set the changed columns (cluster memberships aside); whether anything differed."""
    changed = False
    for field, value in changes.items():
        stored = _column_value(field, value)
        if field != "cluster_ids" and getattr(organisation, field) != stored:
            setattr(organisation, field, stored)
            changed = True
    return changed


class OrganisationService:
    def __init__(self, repository: OrganisationRepository) -> None:
        self.repository = repository

    # -- reading ------------------------------------------------------------------------------------------

    async def list_organisations(
        self, *, access: Access, region: str | None, kind: str | None, cluster_id: uuid.UUID | None,
        params: PageParams,
    ) -> OrganisationPage:
        organisations, next_cursor = await self.repository.list_page(
            visibilities=access.visibilities(), region=region, kind=kind, cluster_id=cluster_id, params=params
        )
        clusters = await self.repository.cluster_ids(o.id for o in organisations)
        return OrganisationPage(
            items=[organisation_out(o, clusters.get(o.id, [])) for o in organisations], next_cursor=next_cursor
        )

    async def get_organisation(self, *, access: Access, organisation_id: uuid.UUID) -> OrganisationDetail:
        organisation = require_visible(access, await self.repository.get(organisation_id), organisation_id)
        return await self.detail(access=access, organisation=organisation)

    async def detail(self, *, access: Access, organisation: Organisation) -> OrganisationDetail:
        """The record as this caller may see it: contacts only for those who may see them."""
        clusters = await self.repository.cluster_ids([organisation.id])
        contacts = await self.repository.contacts(organisation.id) if may_see_contacts(access, organisation) else None
        return organisation_detail(organisation, clusters.get(organisation.id, []), contacts)

    # -- writing ------------------------------------------------------------------------------------------

    async def create(self, *, access: Access, data: OrganisationCreate) -> OrganisationDetail:
        """Register an organisation in a region the caller looks after."""
        partner_regions = await self.repository.partner_region_codes()
        steward = steward_for(access, data.region_code, partner_regions)
        await self.check_clusters(data.cluster_ids)
        organisation = await self.insert(data=data, steward=steward)
        return await self.detail(access=access, organisation=organisation)

    async def update(
        self, *, access: Access, organisation_id: uuid.UUID, patch: OrganisationPatch, if_match: str | None
    ) -> OrganisationDetail:
        """Change some fields: its region's managers, the admin, or its own members (not visibility or region)."""
        organisation = require_visible(access, await self.repository.get(organisation_id, lock=True), organisation_id)
        access.require_user()
        manager = may_manage(access, organisation)
        if not manager and not is_member_of(access, organisation):
            raise Forbidden(
                f"Only the cluster managers of region {managing_region(organisation)}, the consortium admin and the "
                "organisation's own members may change it."
            )
        self._refuse_merged(organisation)
        check_if_match(if_match, organisation.version)
        changes = patch.model_dump(exclude_unset=True)
        cluster_ids = (await self.repository.cluster_ids([organisation.id])).get(organisation.id, [])
        if not manager:
            for field in MANAGERS_ONLY:
                if field in changes and changes[field] != getattr(organisation, field):
                    raise Forbidden(f"Only cluster managers and the consortium admin may change `{field}`.")
        try:
            merged = OrganisationCreate.model_validate(_current_values(organisation, cluster_ids) | changes)
        except ValidationError as exc:
            raise InvalidInput("The changes leave the record invalid.", errors=body_problems(exc)) from exc
        changes = {field: getattr(merged, field) for field in changes}
        if "region_code" in changes and changes["region_code"] != organisation.region_code:
            partner_regions = await self.repository.partner_region_codes()
            current = organisation.steward_region_code or (
                organisation.region_code if organisation.region_code in partner_regions else None
            )
            changes["steward_region_code"] = steward_for(
                access, changes["region_code"], partner_regions, current=current
            )
        if "cluster_ids" in changes:
            await self.check_clusters(changes["cluster_ids"])
        await self.apply(organisation, changes)
        return await self.detail(access=access, organisation=organisation)

    async def delete(self, *, access: Access, organisation_id: uuid.UUID, if_match: str | None) -> None:
        """Remove a record (and the records merged into it): its region's managers and the admin."""
        organisation = require_visible(access, await self.repository.get(organisation_id, lock=True), organisation_id)
        access.require_region_manager(organisation.steward_region_code or organisation.region_code,
                                      what="remove this organisation")
        check_if_match(if_match, organisation.version)
        losers = await self.repository.delete_with_merged(organisation.id)
        for removed in [*losers, organisation.id]:
            await self.repository.record_event(events.DELETED, removed, {"id": str(removed)})

    # -- building blocks, shared with the CSV import and the merge -----------------------------------------

    async def check_clusters(self, cluster_ids: list[uuid.UUID]) -> None:
        known = await self.repository.existing_cluster_ids(cluster_ids) if cluster_ids else set()
        unknown = [c for c in cluster_ids if c not in known]
        if unknown:
            raise InvalidInput(
                "Some clusters do not exist.",
                errors=[FieldProblem(field="body.cluster_ids", message=f"no cluster {c}", code="cluster_unknown")
                        for c in unknown],
            )

    async def insert(self, *, data: OrganisationCreate, steward: str | None) -> Organisation:
        """Write a validated, authorised record, look for its duplicates, and tell the feed."""
        organisation = new_organisation(data, steward)
        await self.repository.add(organisation)
        if data.cluster_ids:
            await self.repository.set_clusters(organisation.id, data.cluster_ids)
        await detect_duplicates(self.repository, [organisation])
        await self.repository.record_event(events.CREATED, organisation.id, events.organisation_payload(organisation))
        return organisation

    async def apply(self, organisation: Organisation, changes: dict[str, Any]) -> bool:
        """Write validated, authorised changes; nothing (no new version, no event) when nothing differs."""
        changed = False
        if "cluster_ids" in changes:
            current = (await self.repository.cluster_ids([organisation.id])).get(organisation.id, [])
            if set(current) != set(changes["cluster_ids"]):
                await self.repository.set_clusters(organisation.id, changes["cluster_ids"])
                changed = True
        changed = apply_changes(organisation, changes) or changed
        if not changed:
            return False
        await self.touch(organisation)
        await detect_duplicates(self.repository, [organisation])
        await self.repository.record_event(events.UPDATED, organisation.id, events.organisation_payload(organisation))
        return True

    async def touch(self, *organisations: Organisation) -> None:
        """A new version of each, even when only its cluster memberships changed."""
        now = datetime.now(UTC)
        for organisation in organisations:
            organisation.updated_at = now
        await self.repository.flush()

    @staticmethod
    def _refuse_merged(organisation: Organisation) -> None:
        if organisation.merged_into_id is not None:
            raise OrganisationMerged(
                f"This record was merged into {organisation.merged_into_id}; change that one instead.",
                extra={"merged_into_id": str(organisation.merged_into_id)},
            )
