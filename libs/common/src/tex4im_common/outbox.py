"""The transactional outbox: domain events written with the change, served as an ordered, resumable feed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from pydantic_core import to_jsonable_python
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    func,
    insert,
    select,
    text,
    tuple_,
)
from sqlalchemy import Identity as GeneratedIdentity
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.dialects.postgresql.base import ischema_names
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import UserDefinedType

from tex4im_common.db import SessionDep
from tex4im_common.identity import CurrentIdentity
from tex4im_common.observability import current_request_id
from tex4im_common.pagination import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor
from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput, problem_responses

TABLE_NAME = "outbox_event"
EVENTS_OPENAPI_TAG = {
    "name": "events",
    "description": "The service's domain events as an ordered, resumable feed for other services and partners.",
}


class XID8(UserDefinedType[int]):
    """PostgreSQL's 64-bit, never-wrapping transaction id; asyncpg reads and writes it as an int."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "XID8"

    @property
    def python_type(self) -> type[int]:
        return int


# lets reflection (and so Alembic's model/migration check) recognise the column instead of warning
ischema_names.setdefault("xid8", XID8)


def outbox_event_table(metadata: MetaData) -> Table:
    """Add the `outbox_event` table to a service's metadata, so it lives in that service's schema."""
    return Table(
        TABLE_NAME,
        metadata,
        Column("id", PG_UUID(as_uuid=True), primary_key=True),
        Column("position", BigInteger, GeneratedIdentity(always=True), nullable=False),
        Column("txid", XID8(), server_default=text("pg_current_xact_id()"), nullable=False),
        Column("type", String(100), nullable=False),
        Column("aggregate_type", String(60), nullable=False),
        Column("aggregate_id", Text, nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("occurred_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
        Column("request_id", String(128), nullable=True),
        Index("ix_outbox_event_txid_position", "txid", "position"),
    )


class EventOut(BaseModel):
    id: uuid.UUID = Field(description="The event id: consumers de-duplicate by it.")
    position: int = Field(description="Order of recording; within one transaction the feed follows it.")
    type: str = Field(examples=["region.updated"])
    aggregate_type: str = Field(examples=["region"])
    aggregate_id: str = Field(examples=["ITI1"])
    payload: dict[str, Any]
    occurred_at: datetime


class EventFeed(BaseModel):
    """One page of the feed; `next_cursor` is never null."""

    items: list[EventOut]
    next_cursor: str = Field(description="Pass it as `after` on the next poll, whether or not the page was full.")


def _event_row(type: str, aggregate_type: str, aggregate_id: Any, payload: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(), "type": type, "aggregate_type": aggregate_type, "aggregate_id": str(aggregate_id),
        "payload": to_jsonable_python(payload), "request_id": current_request_id(),
    }


class Outbox:
    """One service's outbox: its table, the writer used inside a transaction, and the feed."""

    def __init__(self, metadata: MetaData) -> None:
        self.table = outbox_event_table(metadata)

    async def record_event(
        self, session: AsyncSession, *, type: str, aggregate_type: str, aggregate_id: str,
        payload: Mapping[str, Any],
    ) -> uuid.UUID:
        """Add an event to the caller's transaction; it is published when, and only if, that commits."""
        row = _event_row(type, aggregate_type, aggregate_id, payload)
        await session.execute(insert(self.table).values(**row))
        return row["id"]

    async def record_events(
        self, session: AsyncSession, *, aggregate_type: str, events: Sequence[tuple[str, Any, Mapping[str, Any]]],
    ) -> None:
        """Many `(type, aggregate_id, payload)` events in one batched insert (an import's), in order."""
        if events:
            await session.execute(insert(self.table), [
                _event_row(type, aggregate_type, aggregate_id, payload) for type, aggregate_id, payload in events
            ])

    async def read_feed(self, session: AsyncSession, *, after: str | None, limit: int) -> EventFeed:
        """The next `limit` events after the cursor `after` that no running transaction can precede."""
        table = self.table
        # Positions come from a sequence at insert time, and transactions commit in any order, so a reader
        # ordering by position alone could pass over a slower transaction's earlier position. The feed is
        # ordered by (transaction id, position) instead and serves only transactions older than every
        # transaction still running: anything that commits later has a higher transaction id, so it sorts
        # after every cursor handed out so far. A long-open writing transaction delays the feed; it never
        # makes it skip.
        visible_before = func.pg_snapshot_xmin(func.pg_current_snapshot(), type_=XID8())
        statement = select(
            table.c.id, table.c.position, table.c.txid, table.c.type, table.c.aggregate_type,
            table.c.aggregate_id, table.c.payload, table.c.occurred_at,
        ).where(table.c.txid < visible_before)
        if after is not None:
            txid, position = _decode_after(after, table)
            statement = statement.where(
                tuple_(table.c.txid, table.c.position)
                > tuple_(bindparam("after_txid", txid, type_=XID8()), bindparam("after_position", position,
                                                                                  type_=BigInteger()))
            )
        statement = statement.order_by(table.c.txid, table.c.position).limit(limit)
        rows = (await session.execute(statement)).all()
        if not rows:
            return EventFeed(items=[], next_cursor=after or encode_cursor([0, 0]))
        return EventFeed(
            items=[EventOut.model_validate(row, from_attributes=True) for row in rows],
            next_cursor=encode_cursor([rows[-1].txid, rows[-1].position]),
        )

    def router(self) -> APIRouter:
        """`GET /events`, the feed of this outbox."""
        return events_router(self)


_MAX_TXID, _MAX_POSITION = 2**64 - 1, 2**63 - 1


def _decode_after(after: str, table: Table) -> tuple[int, int]:
    invalid = InvalidInput(
        "The cursor is not one this feed handed out.",
        errors=[FieldProblem(field="query.after", message="unknown or malformed cursor", code="cursor_invalid")],
    )
    try:
        txid, position = decode_cursor(after, [table.c.txid, table.c.position])  # type: ignore[list-item]
    except InvalidInput as exc:
        raise invalid from exc
    if not (0 <= txid <= _MAX_TXID and 0 <= position <= _MAX_POSITION):
        raise invalid
    return txid, position


def _require_feed_reader(identity: CurrentIdentity) -> None:
    if identity.kind != "client" and not identity.is_consortium_admin:
        raise Forbidden("Only API clients and the consortium admin may read the event feed.")


def events_router(outbox: Outbox) -> APIRouter:
    """The feed of `outbox` as `GET /events`, tagged "events"."""
    router = APIRouter(tags=["events"], responses=problem_responses(401, 403, 422))

    @router.get("/events", response_model=EventFeed, dependencies=[Depends(_require_feed_reader)])
    async def list_events(
        session: SessionDep,
        after: Annotated[str | None, Query(description="The `next_cursor` of the previous poll.")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")] = DEFAULT_LIMIT,
    ) -> EventFeed:
        """The service's domain events after a cursor, for API clients and the consortium admin.

        Start without `after`; then always pass the `next_cursor` of the previous answer. The cursor points
        just after the last item received, so the next poll neither repeats nor skips an event. It is never
        null: a short page still returns the cursor to poll with later, and an empty page returns the one you
        sent. A full page (`limit` items) means more may be waiting: poll again at once.

        The order is fixed and the same for every reader: by the transaction that recorded the events (in the
        order PostgreSQL numbered those transactions, at their first write), then in the order recorded
        within it (`position`). Only committed events are served, and only once every transaction that could
        still add an earlier one has finished, so a new event always lands after every cursor handed out; a
        long-running writer delays the feed but is never skipped. De-duplicate by `id`: a consumer that
        retries a poll may receive an event again.
        """
        return await outbox.read_feed(session, after=after, limit=limit)

    return router
