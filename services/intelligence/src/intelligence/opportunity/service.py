"""Publishing and reading opportunities: who sees which, who changes which, and how their status moves."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.concurrency import check_if_match
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from intelligence.access import Access
from intelligence.errors import OpportunityNotFound
from intelligence.opportunity import events, lifecycle
from intelligence.opportunity.models import Opportunity
from intelligence.opportunity.repository import OpportunityFilter, OpportunityRepository
from intelligence.opportunity.schemas import (
    MyInterest,
    OpportunityCreate,
    OpportunityDetailOut,
    OpportunityOut,
    OpportunityPage,
    OpportunityUpdate,
    Point,
)
from intelligence.vocab import OpportunityStatus

_COORDINATE = Decimal("0.000001")

# -- the policy, applied to one opportunity ----------------------------------------------------------------------


def may_read(access: Access, opportunity: Opportunity) -> bool:
    """Drafts only to the owner region's managers and the admin; the rest by visibility."""
    if opportunity.status == OpportunityStatus.draft:
        return access.manages_region(opportunity.owner_region_code)
    return access.may_read(opportunity.visibility)


def may_see_interests(access: Access, opportunity: Opportunity) -> bool:
    """Who is interested: the managers of the owner region or of a region it concerns, and the admin."""
    regions = {opportunity.owner_region_code, *opportunity.region_codes}
    return access.is_admin or bool(access.managed_regions & regions)


def owner_region(access: Access, requested: str | None, *, field: str) -> str:
    """The region that will look after a new record: as asked, or the one region the caller manages."""
    if requested is not None:
        return requested
    if len(access.managed_regions) == 1:
        return next(iter(access.managed_regions))
    raise InvalidInput(
        "Say which region will look after the opportunity.",
        errors=[FieldProblem(field=field, message="required unless you manage exactly one region", code="missing")],
    )


def today() -> date:
    return datetime.now(UTC).date()


# -- between the API's fields and the table's columns ------------------------------------------------------------


def column_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated API fields as column values: the point split, country codes derived, enums as strings."""
    values = {k: (v.value if isinstance(v, Enum) else v) for k, v in fields.items() if k != "point"}
    if "point" in fields:
        point = fields["point"]
        values["lon"] = Decimal(str(point["lon"])).quantize(_COORDINATE) if point else None
        values["lat"] = Decimal(str(point["lat"])).quantize(_COORDINATE) if point else None
    for name in ("priorities", "region_codes", "nace_codes", "value_chain"):
        if name in values:
            values[name] = [str(v) for v in values[name]]
    if "region_codes" in values:
        values["country_codes"] = list(dict.fromkeys(code[:2] for code in values["region_codes"]))
    return values


def differences(opportunity: Opportunity, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(opportunity, k) != v}


def to_out(opportunity: Opportunity) -> dict[str, Any]:
    point = (
        Point(lon=float(opportunity.lon), lat=float(opportunity.lat))
        if opportunity.lon is not None and opportunity.lat is not None else None
    )
    fields = {name: getattr(opportunity, name) for name in OpportunityOut.model_fields if name != "point"}
    return fields | {"point": point}


class OpportunityService:
    def __init__(self, repository: OpportunityRepository) -> None:
        self.repository = repository

    @property
    def session(self) -> AsyncSession:
        """The request's session, which the outbox writes to."""
        return self.repository.session

    async def list_opportunities(
        self, *, access: Access, params: PageParams, status: OpportunityStatus, kind: str | None,
        region: str | None, organisation_id: uuid.UUID | None,
    ) -> OpportunityPage:
        where = OpportunityFilter(
            visibilities=access.visibilities(), draft_regions=None if access.is_admin else access.managed_regions,
            status=status.value, kind=kind, region=region, organisation_id=organisation_id,
        )
        rows, next_cursor = await self.repository.list_page(where, params)
        return OpportunityPage(items=[OpportunityOut(**to_out(o)) for o in rows], next_cursor=next_cursor)

    async def readable(self, *, access: Access, opportunity_id: uuid.UUID, lock: bool = False) -> Opportunity:
        """The opportunity if the caller may see it; 404 otherwise, whether it is missing or hidden."""
        get = self.repository.get_for_update if lock else self.repository.get
        opportunity = await get(opportunity_id)
        if opportunity is None or not may_read(access, opportunity):
            raise OpportunityNotFound(f"There is no opportunity {opportunity_id} that you may see.")
        return opportunity

    async def detail(self, *, access: Access, opportunity: Opportunity) -> OpportunityDetailOut:
        mine = None
        if access.identity is not None and access.identity.kind == "user":
            interest = await self.repository.get_interest(opportunity.id, access.subject)
            mine = MyInterest(
                expressed=interest is not None, message=interest.message if interest else None,
                expressed_at=interest.created_at if interest else None,
            )
        count = None
        if may_see_interests(access, opportunity):
            count = await self.repository.count_interests(opportunity.id)
        return OpportunityDetailOut(**to_out(opportunity), interest=mine, interest_count=count)

    async def get_opportunity(self, *, access: Access, opportunity_id: uuid.UUID) -> OpportunityDetailOut:
        opportunity = await self.readable(access=access, opportunity_id=opportunity_id)
        return await self.detail(access=access, opportunity=opportunity)

    async def create_opportunity(self, *, access: Access, data: OpportunityCreate) -> OpportunityDetailOut:
        access.require_manager()
        owner = owner_region(access, data.owner_region_code, field="body.owner_region_code")
        access.require_region_manager(owner, what="publish opportunities for it")
        await self.check_references(data.organisation_id, field="body.organisation_id")
        values = column_values(data.model_dump()) | {"owner_region_code": owner}
        opportunity = await self.insert(values=values, created_by=access.subject)
        return await self.detail(access=access, opportunity=opportunity)

    async def update_opportunity(
        self, *, access: Access, opportunity_id: uuid.UUID, data: OpportunityUpdate, if_match: str | None,
    ) -> OpportunityDetailOut:
        opportunity = await self.readable(access=access, opportunity_id=opportunity_id, lock=True)
        access.require_region_manager(opportunity.owner_region_code, what="change its opportunities")
        check_if_match(if_match, opportunity.version)
        fields = data.model_dump(exclude_unset=True)
        if fields.get("owner_region_code") not in (None, opportunity.owner_region_code):
            access.require_region_manager(fields["owner_region_code"], what="hand opportunities over to it")
        if fields.get("organisation_id") is not None:
            await self.check_references(fields["organisation_id"], field="body.organisation_id")
        await self.apply(opportunity, column_values(fields))
        return await self.detail(access=access, opportunity=opportunity)

    # -- the writes, shared with the imports ---------------------------------------------------------------------

    async def check_references(self, organisation_id: uuid.UUID | None, *, field: str) -> None:
        if organisation_id is not None and not await self.repository.organisation_exists(organisation_id):
            raise InvalidInput(
                "The publishing organisation is not in the registry.",
                errors=[FieldProblem(field=field, message=f"no organisation {organisation_id}", code="not_found")],
            )

    async def insert(self, *, values: dict[str, Any], created_by: str) -> Opportunity:
        published_at = datetime.now(UTC) if values["status"] == OpportunityStatus.open else None
        opportunity = Opportunity(**values, created_by=created_by, published_at=published_at)
        await self.repository.add(opportunity)
        await events.record_change(self.session, opportunity, type=lifecycle.event_for_new(opportunity.status))
        return opportunity

    async def apply(self, opportunity: Opportunity, values: dict[str, Any]) -> bool:
        """Write what differs, if the status may move that way; records one event; False if nothing changed."""
        changes = differences(opportunity, values)
        if not changes:
            return False
        previous = opportunity.status
        lifecycle.check_transition(
            previous, changes.get("status", previous), deadline=changes.get("deadline", opportunity.deadline),
            today=today(),
        )
        for name, value in changes.items():
            setattr(opportunity, name, value)
        if previous == lifecycle.DRAFT and opportunity.status == lifecycle.OPEN:
            opportunity.published_at = datetime.now(UTC)
        await self.repository.save(opportunity)
        await events.record_change(self.session, opportunity, type=lifecycle.event_for(previous, opportunity.status))
        return True
