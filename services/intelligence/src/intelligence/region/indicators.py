"""Keeping a region's indicators and S3 priorities: the region's cluster managers and the consortium admin."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.access import Access
from intelligence.db import outbox
from intelligence.errors import DuplicateIndicator, IndicatorNotFound, S3PriorityNotFound
from intelligence.region.models import Region, RegionIndicator, RegionS3Priority
from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import (
    IndicatorIn,
    IndicatorOut,
    IndicatorPatch,
    S3PriorityIn,
    S3PriorityOut,
    S3PriorityPatch,
)
from intelligence.region.service import indicator_out, region_or_404

AGGREGATE = "region"
INDICATOR_CREATED, INDICATOR_UPDATED, INDICATOR_DELETED = (
    "region.indicator_created", "region.indicator_updated", "region.indicator_deleted",
)
S3_CREATED, S3_UPDATED, S3_DELETED = (
    "region.s3_priority_created", "region.s3_priority_updated", "region.s3_priority_deleted",
)


class _RegionWrites:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repository = RegionRepository(session)

    async def _managed_region(self, access: Access, code: str, *, what: str) -> Region:
        access.require_user()
        region = await region_or_404(self.repository, code)
        access.require_region_manager(region.code, what=what)
        return region

    async def _event(self, type_: str, region: Region, payload: dict[str, Any]) -> None:
        await outbox.record_event(
            self.session, type=type_, aggregate_type=AGGREGATE, aggregate_id=region.code,
            payload={"region_code": region.code, **payload},
        )


class IndicatorService(_RegionWrites):
    """Indicator values, unique per (region, code, year, scope)."""

    async def create(self, *, access: Access, code: str, data: IndicatorIn) -> IndicatorOut:
        region = await self._managed_region(access, code, what="add indicators")
        await self._refuse_duplicate(region, code=data.code, year=data.year, scope=data.scope)
        indicator = RegionIndicator(region_id=region.id, **data.model_dump())
        await self.repository.add(indicator)
        out = indicator_out(indicator)
        await self._event(INDICATOR_CREATED, region, out.model_dump(mode="json"))
        return out

    async def update(self, *, access: Access, code: str, indicator_id: uuid.UUID, data: IndicatorPatch) -> IndicatorOut:
        region = await self._managed_region(access, code, what="change indicators")
        indicator = await self._indicator(region, indicator_id)
        changes = data.model_dump(exclude_unset=True)
        merged = {"code": indicator.code, "year": indicator.year, "scope": indicator.scope} | {
            k: v for k, v in changes.items() if k in ("code", "year", "scope")
        }
        await self._refuse_duplicate(region, other_than=indicator.id, **merged)
        for field, value in changes.items():
            setattr(indicator, field, value)
        await self.repository.flush()
        out = indicator_out(indicator)
        await self._event(INDICATOR_UPDATED, region, out.model_dump(mode="json"))
        return out

    async def delete(self, *, access: Access, code: str, indicator_id: uuid.UUID) -> None:
        region = await self._managed_region(access, code, what="delete indicators")
        indicator = await self._indicator(region, indicator_id)
        await self.repository.remove(indicator)
        await self._event(INDICATOR_DELETED, region, {"id": str(indicator_id), "code": indicator.code})

    async def _indicator(self, region: Region, indicator_id: uuid.UUID) -> RegionIndicator:
        indicator = await self.repository.get_indicator(region.id, indicator_id)
        if indicator is None:
            raise IndicatorNotFound(f"Region {region.code} has no indicator {indicator_id}.")
        return indicator

    async def _refuse_duplicate(
        self, region: Region, *, code: str, year: int | None, scope: str, other_than: uuid.UUID | None = None
    ) -> None:
        existing = await self.repository.find_indicator(
            region_id=region.id, code=code, year=year, scope=scope, other_than=other_than
        )
        if existing is not None:
            when = f"year {year}" if year is not None else "no stated year"
            raise DuplicateIndicator(
                f"Region {region.code} already has indicator {code} for {when} and scope '{scope}' "
                f"(id {existing.id}); change that value instead.",
                extra={"duplicate_id": str(existing.id)},
            )


class S3PriorityService(_RegionWrites):
    """The region's smart-specialisation priorities, each tied to the partnership's thematic priorities."""

    async def create(self, *, access: Access, code: str, data: S3PriorityIn) -> S3PriorityOut:
        region = await self._managed_region(access, code, what="add S3 priorities")
        fields = data.model_dump()
        if fields["position"] is None:
            fields["position"] = await self.repository.next_s3_position(region.id)
        priority = RegionS3Priority(region_id=region.id, **fields)
        await self.repository.add(priority)
        out = S3PriorityOut.model_validate(priority)
        await self._event(S3_CREATED, region, out.model_dump(mode="json"))
        return out

    async def update(
        self, *, access: Access, code: str, priority_id: uuid.UUID, data: S3PriorityPatch
    ) -> S3PriorityOut:
        region = await self._managed_region(access, code, what="change S3 priorities")
        priority = await self._priority(region, priority_id)
        for field, value in data.model_dump(exclude_unset=True).items():
            setattr(priority, field, value)
        await self.repository.flush()
        out = S3PriorityOut.model_validate(priority)
        await self._event(S3_UPDATED, region, out.model_dump(mode="json"))
        return out

    async def delete(self, *, access: Access, code: str, priority_id: uuid.UUID) -> None:
        region = await self._managed_region(access, code, what="delete S3 priorities")
        priority = await self._priority(region, priority_id)
        await self.repository.remove(priority)
        await self._event(S3_DELETED, region, {"id": str(priority_id)})

    async def _priority(self, region: Region, priority_id: uuid.UUID) -> RegionS3Priority:
        priority = await self.repository.get_s3_priority(region.id, priority_id)
        if priority is None:
            raise S3PriorityNotFound(f"Region {region.code} has no S3 priority {priority_id}.")
        return priority
