"""All SQL about regions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from tex4im_common.pagination import PageParams, paginate

from intelligence.region.models import Region


class RegionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_page(self, params: PageParams) -> tuple[list[Region], str | None]:
        statement = select(Region).options(selectinload(Region.clusters))
        return await paginate(self.session, statement, keys=[Region.code], params=params)

    async def get_by_code(self, code: str) -> Region | None:
        statement = (
            select(Region)
            .where(Region.code == code)
            .options(selectinload(Region.clusters), selectinload(Region.figures))
        )
        return (await self.session.scalars(statement)).one_or_none()
