"""Idempotent writes: a client that retries a request with the same `Idempotency-Key` gets the first answer.

The key is claimed inside the request's own transaction, and the answer is stored in that transaction too,
so the record exists exactly when the write does: a failed request leaves no key behind and its retry runs
again; a concurrent duplicate waits for the first to commit and then replays its answer. Keys belong to a
caller (the identity's subject) and are kept for 24 hours.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from pydantic_core import to_jsonable_python
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    delete,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB, insert

from tex4im_common.db import SessionDep
from tex4im_common.problems import InvalidInput, ProblemError

TABLE_NAME = "idempotency_record"
KEEP_FOR = timedelta(hours=24)
HEADER_DESCRIPTION = (
    "A unique key (e.g. a UUID) for this write. Retrying with the same key returns the first answer "
    "instead of writing twice; reusing a key for a different request is refused."
)
KeyHeader = Annotated[
    str | None, Header(alias="Idempotency-Key", min_length=8, max_length=128, description=HEADER_DESCRIPTION)
]


class IdempotencyKeyReused(ProblemError):
    status = 422
    slug = "idempotency-key-reused"
    title = "Idempotency key already used for another request"


def idempotency_table(metadata: MetaData) -> Table:
    """Add the `idempotency_record` table to a service's metadata."""
    return Table(
        TABLE_NAME,
        metadata,
        Column("subject", String(100), nullable=False),
        Column("key", String(128), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer, nullable=True),
        Column("body", JSONB, nullable=True),
        Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False, index=True),
        PrimaryKeyConstraint("subject", "key"),
    )


def _fingerprint(method: str, path: str, payload: Any) -> str:
    canonical = json.dumps([method, path, to_jsonable_python(payload)], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class IdempotentWrite:
    """The per-request handle a router uses: `await write.run(...)` around the service call."""

    def __init__(self, table: Table, session: Any, request: Request, key: str | None) -> None:
        self.table, self.session, self.request, self.key = table, session, request, key

    async def run(
        self, *, subject: str, payload: Any, action: Callable[[], Awaitable[BaseModel]], status_code: int = 201,
        headers: Callable[[BaseModel], dict[str, str]] | None = None,
    ) -> JSONResponse:
        """Run `action` once per key; a retry with the same key and payload replays the stored answer."""
        if self.key is None:
            result = await action()
            return JSONResponse(to_jsonable_python(result), status_code=status_code,
                                headers=headers(result) if headers else None)
        table = self.table
        fingerprint = _fingerprint(self.request.method, self.request.url.path, payload)
        await self.session.execute(delete(table).where(table.c.created_at < func.now() - KEEP_FOR))
        claimed = await self.session.execute(
            insert(table).values(subject=subject, key=self.key, fingerprint=fingerprint)
            .on_conflict_do_nothing().returning(table.c.key)
        )
        if claimed.first() is None:
            stored = (await self.session.execute(
                select(table.c.fingerprint, table.c.status_code, table.c.body)
                .where(table.c.subject == subject, table.c.key == self.key)
            )).one()
            if stored.fingerprint != fingerprint:
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was used for a different request; use a new key for a new write."
                )
            return JSONResponse(stored.body, status_code=stored.status_code, headers={"Idempotent-Replayed": "true"})
        result = await action()
        body = to_jsonable_python(result)
        await self.session.execute(
            table.update().where(table.c.subject == subject, table.c.key == self.key)
            .values(status_code=status_code, body=body)
        )
        return JSONResponse(body, status_code=status_code, headers=headers(result) if headers else None)


class Idempotency:
    """One service's idempotency records and the dependency that hands a router an `IdempotentWrite`."""

    def __init__(self, metadata: MetaData) -> None:
        self.table = idempotency_table(metadata)

        def dependency(request: Request, session: SessionDep, key: KeyHeader = None) -> IdempotentWrite:
            if key is not None and not key.isprintable():
                raise InvalidInput("The Idempotency-Key must be printable text.")
            return IdempotentWrite(self.table, session, request, key)

        self.dependency = dependency

    @property
    def Dep(self) -> Any:
        return Annotated[IdempotentWrite, Depends(self.dependency)]
