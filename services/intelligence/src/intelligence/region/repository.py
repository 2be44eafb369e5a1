"""All SQL about regions, their indicators, S3 priorities and boundaries."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, paginate

from intelligence.region.models import Region, RegionBoundary, RegionIndicator, RegionS3Priority
from intelligence.vocab import IndicatorQuality

# which of a region's values for one indicator code is "the latest": the newest year (an undated value counts
# as the oldest), an official statistic before a secondary source, then the most recently edited
LATEST_FIRST = (
    RegionIndicator.year.desc().nulls_last(),
    (RegionIndicator.quality == IndicatorQuality.official.value).desc(),
    RegionIndicator.updated_at.desc(),
    RegionIndicator.id,
)


class RegionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # -- regions ----------------------------------------------------------------------------------------------

    async def list_page(self, params: PageParams) -> tuple[list[Region], str | None]:
        statement = select(Region).options(selectinload(Region.clusters))
        return await paginate(self.session, statement, keys=[Region.code], params=params)

    async def list_all(self) -> list[Region]:
        return list((await self.session.scalars(select(Region).order_by(Region.code))).all())

    async def get_by_code(self, code: str) -> Region | None:
        statement = (
            select(Region)
            .where(Region.code == code)
            .options(
                selectinload(Region.clusters),
                selectinload(Region.figures),
                selectinload(Region.indicators),
                selectinload(Region.s3_priorities),
            )
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def get_plain(self, code: str) -> Region | None:
        """The region row alone (no relationships), for writes below it."""
        return (await self.session.scalars(select(Region).where(Region.code == code))).one_or_none()

    # -- indicators -------------------------------------------------------------------------------------------

    async def get_indicator(self, region_id: uuid.UUID, indicator_id: uuid.UUID) -> RegionIndicator | None:
        statement = select(RegionIndicator).where(
            RegionIndicator.region_id == region_id, RegionIndicator.id == indicator_id
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def find_indicator(
        self, *, region_id: uuid.UUID, code: str, year: int | None, scope: str, other_than: uuid.UUID | None = None
    ) -> RegionIndicator | None:
        """The region's value for (code, year, scope), an undated value matching an undated one."""
        statement = select(RegionIndicator).where(
            RegionIndicator.region_id == region_id,
            RegionIndicator.code == code,
            RegionIndicator.year.is_not_distinct_from(year),
            RegionIndicator.scope == scope,
        )
        if other_than is not None:
            statement = statement.where(RegionIndicator.id != other_than)
        return (await self.session.scalars(statement.limit(1))).one_or_none()

    async def add(self, row: Any) -> None:
        self.session.add(row)
        await self.session.flush()

    async def remove(self, row: Any) -> None:
        await self.session.delete(row)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()

    async def indicator_catalogue(self) -> list[Any]:
        """Per indicator code: its usual label, units, regions and years."""
        statement = (
            select(
                RegionIndicator.code,
                func.mode().within_group(RegionIndicator.label).label("label"),
                func.array_agg(RegionIndicator.unit.distinct()).label("units"),
                func.array_agg(Region.code.distinct()).label("regions"),
                func.array_remove(func.array_agg(RegionIndicator.year.distinct()), None).label("years"),
            )
            .join(Region, Region.id == RegionIndicator.region_id)
            .group_by(RegionIndicator.code)
            .order_by(RegionIndicator.code)
        )
        return list((await self.session.execute(statement)).all())

    async def latest_indicators(self, code: str | None = None) -> list[tuple[str, RegionIndicator]]:
        """(region code, value) of each region's latest value per indicator code, by indicator then region."""
        statement = (
            select(Region.code, RegionIndicator)
            .join(Region, Region.id == RegionIndicator.region_id)
            .ext(distinct_on(RegionIndicator.code, Region.code))
            .order_by(RegionIndicator.code, Region.code, *LATEST_FIRST)
        )
        if code is not None:
            statement = statement.where(RegionIndicator.code == code)
        return [(row[0], row[1]) for row in (await self.session.execute(statement)).all()]

    async def indicator_code_exists(self, code: str) -> bool:
        statement = select(RegionIndicator.id).where(RegionIndicator.code == code).limit(1)
        return (await self.session.scalar(statement)) is not None

    # -- S3 priorities ----------------------------------------------------------------------------------------

    async def get_s3_priority(self, region_id: uuid.UUID, priority_id: uuid.UUID) -> RegionS3Priority | None:
        statement = select(RegionS3Priority).where(
            RegionS3Priority.region_id == region_id, RegionS3Priority.id == priority_id
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def next_s3_position(self, region_id: uuid.UUID) -> int:
        statement = select(func.coalesce(func.max(RegionS3Priority.position), 0)).where(
            RegionS3Priority.region_id == region_id
        )
        return int(await self.session.scalar(statement) or 0) + 1

    async def thematic_priorities_by_region(self) -> dict[str, set[str]]:
        """Region code → every thematic priority any of its S3 priorities is tied to (every region present)."""
        statement = (
            select(Region.code, func.unnest(RegionS3Priority.thematic_priorities))
            .join(RegionS3Priority, RegionS3Priority.region_id == Region.id)
        )
        by_region: dict[str, set[str]] = {}
        for code, priority in (await self.session.execute(statement)).all():
            by_region.setdefault(code, set()).add(priority)
        return by_region

    # -- boundaries -------------------------------------------------------------------------------------------

    async def boundaries(self) -> list[tuple[Region, RegionBoundary]]:
        statement = (
            select(Region, RegionBoundary).join(RegionBoundary, RegionBoundary.region_id == Region.id)
            .order_by(Region.code)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(statement)).all()]

    async def replace_boundaries(self, boundaries: list[RegionBoundary]) -> None:
        """Store `boundaries`, replacing any earlier boundary of the same regions."""
        region_ids = [b.region_id for b in boundaries]
        await self.session.execute(delete(RegionBoundary).where(RegionBoundary.region_id.in_(region_ids)))
        self.session.add_all(boundaries)
        await self.session.flush()

    async def delete_boundaries(self, region_ids: list[uuid.UUID] | None = None) -> list[str]:
        """Remove the boundaries of `region_ids` (all when None); returns the codes of the regions that had one."""
        statement = delete(RegionBoundary)
        if region_ids is not None:
            statement = statement.where(RegionBoundary.region_id.in_(region_ids))
        removed = (await self.session.execute(statement.returning(RegionBoundary.region_id))).scalars().all()
        if not removed:
            return []
        codes = await self.session.scalars(select(Region.code).where(Region.id.in_(removed)).order_by(Region.code))
        return list(codes.all())
