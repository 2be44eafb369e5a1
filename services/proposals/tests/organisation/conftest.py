"""A recorded intelligence feed served at the HTTP boundary, and a follower of it inside the test's transaction."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from proposals.db import feed_cursor
from proposals.organisation.sync import FEED, apply_organisation_events
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from tex4im_common.feed_consumer import FeedFollower

TOKEN = "service-token-for-intelligence"


class RecordedFeed:
    """Intelligence's `GET /events` as recorded pages: the cursor is the number of events read so far."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.replay_next_poll = False  # serve the next poll from the start, as a retried poll may
        self.failing: httpx.Response | None = None
        self.polls = 0

    def add(self, type: str, payload: dict[str, Any]) -> dict[str, Any]:
        event = {
            "id": str(uuid.uuid4()), "position": len(self.events) + 1, "type": type,
            "aggregate_type": type.split(".")[0], "aggregate_id": str(payload.get("id", "")), "payload": payload,
            "occurred_at": datetime.now(UTC).isoformat(),
        }
        self.events.append(event)
        return event

    def organisation(self, type: str, org_id: uuid.UUID, *, version: int, name: str = "Lanificio Demo S.p.A.",
                     region: str | None = "ITI1", merged_into: uuid.UUID | None = None, **fields: Any) -> None:
        """An organisation event with intelligence's payload (`organisation_payload`)."""
        if type == "organisation.deleted":
            self.add(type, {"id": str(org_id)})
            return
        self.add(type, {
            "id": str(org_id), "name": name, "kind": fields.get("kind", "company"),
            "country_code": region[:2] if region else "DE", "region_code": region, "city": fields.get("city"),
            "website": None, "size_class": "small", "priorities": fields.get("priorities", ["circular_economy"]),
            "value_chain": ["yarn"], "visibility": fields.get("visibility", "consortium"),
            "merged_into_id": str(merged_into) if merged_into else None, "version": version,
        })

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.polls += 1
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return httpx.Response(401, json={"title": "Authentication required", "status": 401})
        if self.failing is not None:
            return self.failing
        assert request.url.path == "/events"
        start = int(request.url.params.get("after", "0"))
        if self.replay_next_poll:
            self.replay_next_poll, start = False, 0
        limit = int(request.url.params["limit"])
        items = self.events[start:start + limit]
        return httpx.Response(200, json={"items": items, "next_cursor": str(start + len(items))})


class StaticToken:
    async def token(self) -> str:
        return TOKEN

    def invalidate(self) -> None:
        pass


@pytest.fixture
def feed() -> RecordedFeed:
    return RecordedFeed()


@pytest.fixture
async def follower(feed: RecordedFeed, connection: AsyncConnection) -> AsyncIterator[FeedFollower]:
    """The organisation follower, its transactions savepoints of the test's rolled-back one."""
    async with httpx.AsyncClient(transport=httpx.MockTransport(feed.handle), base_url="http://intelligence") as client:
        yield FeedFollower(
            feed=FEED, client=client, tokens=StaticToken(), cursor_table=feed_cursor,
            handler=apply_organisation_events, page_size=3,
            session_factory=lambda: AsyncSession(bind=connection, join_transaction_mode="create_savepoint",
                                                 expire_on_commit=False),
        )


@pytest.fixture
def cursor_of(session: AsyncSession) -> Callable[[], Any]:
    async def read() -> Any:
        return (await session.execute(select(feed_cursor).where(feed_cursor.c.feed == FEED))).one()

    return read
