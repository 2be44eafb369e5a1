"""All SQL about stored import runs."""

from __future__ import annotations

import uuid

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor

from intelligence.imports.models import ImportRun


class ImportRunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_page(
        self, *, run_by: str, target: str | None, params: PageParams
    ) -> tuple[list[ImportRun], str | None]:
        """The runs of one person, newest first (keyset on created_at, id, descending)."""
        keys = [ImportRun.created_at, ImportRun.id]
        statement = select(ImportRun).where(ImportRun.run_by == run_by)
        if target:
            statement = statement.where(ImportRun.target == target)
        if params.cursor:
            statement = statement.where(tuple_(*keys) < tuple_(*decode_cursor(params.cursor, keys)))
        statement = statement.order_by(ImportRun.created_at.desc(), ImportRun.id.desc()).limit(params.limit + 1)
        runs = list((await self.session.scalars(statement)).all())
        if len(runs) <= params.limit:
            return runs, None
        runs = runs[: params.limit]
        return runs, encode_cursor([runs[-1].created_at, runs[-1].id])

    async def get(self, run_id: uuid.UUID) -> ImportRun | None:
        return await self.session.get(ImportRun, run_id)
