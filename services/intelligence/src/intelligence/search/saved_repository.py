"""All SQL of saved searches (their matches are counted by the search repository)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams, paginate

from intelligence.search.models import SavedSearch


class SavedSearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_page(self, owner: str, params: PageParams) -> tuple[list[SavedSearch], str | None]:
        statement = select(SavedSearch).where(SavedSearch.owner == owner)
        return await paginate(self.session, statement, keys=[SavedSearch.name, SavedSearch.id], params=params)

    async def count(self, owner: str) -> int:
        return await self.session.scalar(select(func.count()).where(SavedSearch.owner == owner)) or 0

    async def get(self, saved_search_id: uuid.UUID, *, owner: str) -> SavedSearch | None:
        statement = select(SavedSearch).where(SavedSearch.id == saved_search_id, SavedSearch.owner == owner)
        return (await self.session.scalars(statement)).one_or_none()

    async def add(self, saved: SavedSearch) -> SavedSearch:
        """Store a new saved search, seen now (the database's clock, like the records' timestamps)."""
        saved.last_seen_at = func.now()  # type: ignore[assignment]
        self.session.add(saved)
        await self.session.flush()
        await self.session.refresh(saved)
        return saved

    async def save(self, saved: SavedSearch) -> SavedSearch:
        await self.session.flush()
        await self.session.refresh(saved)
        return saved

    async def mark_seen(self, saved: SavedSearch) -> SavedSearch:
        saved.last_seen_at = func.now()  # type: ignore[assignment]
        return await self.save(saved)

    async def delete(self, saved: SavedSearch) -> None:
        await self.session.delete(saved)
        await self.session.flush()
