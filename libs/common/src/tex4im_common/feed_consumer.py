"""Following another service's event feed: where each feed was last read up to, kept with the changes it caused.

A consumer applies a page of events and moves its cursor in one transaction, so an event's effect is
recorded exactly when the cursor passes it: a crash between the two repeats the page, and handlers are
written to be idempotent (they compare versions), so a repeat changes nothing.

The follower keeps no list of event ids. A page is applied only if the cursor row still holds the cursor it
was fetched with (two replicas polling at once: the second finds the cursor moved and drops its page), so in
normal operation no event reaches a handler twice; the feed itself may hand an event out again to a poll
that was retried, and that is what the idempotent handlers absorb. De-duplication by event id is therefore
the handlers' business: compare the record's version, or make the write a no-op when repeated.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

import httpx
from pydantic import ValidationError
from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table, Text, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from tex4im_common.outbox import EventFeed, EventOut

CURSOR_TABLE_NAME = "feed_cursor"
FEED_PATH = "/events"
SERVICE_TOKEN_PATH = "/api/auth/service-token"  # noqa: S105  (a path, not a secret)
MAX_ERROR_LENGTH = 2000

logger = logging.getLogger("tex4im.feed")

FeedHandler = Callable[[AsyncSession, Sequence[EventOut]], Awaitable[None]]
SessionFactory = Callable[[], AsyncSession]


def feed_cursor_table(metadata: MetaData) -> Table:
    """Add the `feed_cursor` table to a service's metadata: one row per feed followed."""
    return Table(
        CURSOR_TABLE_NAME,
        metadata,
        Column("feed", String(60), primary_key=True),
        Column("cursor", Text, nullable=True),
        Column("events_applied", BigInteger, nullable=False, server_default="0"),
        Column("last_error", Text, nullable=True),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class FeedError(Exception):
    """A poll that failed; the message is what the cursor row's `last_error` records."""


# -- where the bearer token comes from -------------------------------------------------------------------------


class TokenSource(Protocol):
    async def token(self) -> str:
        """A bearer token the feed accepts."""
        ...

    def invalidate(self) -> None:
        """Forget the current token (the feed refused it); the next call fetches a new one."""
        ...


class ClientCredentialsToken:
    """A service token from the gateway (OAuth 2.0 client credentials), reused for most of its life."""

    def __init__(self, client: httpx.AsyncClient, *, client_id: str, client_secret: str, audience: str,
                 path: str = SERVICE_TOKEN_PATH, clock: Callable[[], float] = time.monotonic) -> None:
        self._client, self._path, self._clock = client, path, clock
        self._form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret,
                      "audience": audience}
        self._token: str | None = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        async with self._lock:
            if self._token is None or self._clock() >= self._renew_at:
                self._token, self._renew_at = await self._fetch()
            return self._token

    def invalidate(self) -> None:
        self._token = None

    async def _fetch(self) -> tuple[str, float]:
        requested = self._clock()
        try:
            response = await self._client.post(self._path, data=self._form)
        except httpx.HTTPError as exc:
            raise FeedError(f"cannot reach the gateway for a service token: {_describe_transport(exc)}") from exc
        if response.status_code != 200:
            raise FeedError(f"the gateway refused a service token ({response.status_code}: {_detail(response)})")
        try:
            body = response.json()
            token, lifetime = str(body["access_token"]), float(body["expires_in"])
        except (ValueError, KeyError, TypeError) as exc:
            raise FeedError("the gateway's service-token answer is not a token") from exc
        return token, requested + lifetime * 0.75


# -- the follower ------------------------------------------------------------------------------------------------


class FeedFollower:
    """Polls one feed and applies its pages through `handler`, each page in one transaction with the cursor.

    `poll()` reads one page; `catch_up()` polls until the feed is drained; `start()`/`stop()` run the loop
    in the background: after a full page it polls again at once, otherwise it waits `interval` seconds; after
    a failure it records `last_error` and waits longer each time (up to `max_backoff`).
    """

    def __init__(
        self, *, feed: str, client: httpx.AsyncClient, tokens: TokenSource, session_factory: SessionFactory,
        cursor_table: Table, handler: FeedHandler, interval: float = 5.0, page_size: int = 200,
        max_backoff: float = 60.0, path: str = FEED_PATH,
    ) -> None:
        self.feed, self.client, self.tokens, self.handler = feed, client, tokens, handler
        self.session_factory, self.table = session_factory, cursor_table
        self.interval, self.page_size, self.max_backoff, self.path = interval, page_size, max_backoff, path
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # -- one poll ----------------------------------------------------------------------------------------------

    async def poll(self) -> int:
        """Read and apply the next page; returns how many events the feed sent (a full page: poll again)."""
        try:
            return await self._poll()
        except Exception as exc:
            message = _describe(exc)[:MAX_ERROR_LENGTH]
            await self._record_error(message)
            raise FeedError(message) from exc

    async def catch_up(self, *, max_pages: int = 100_000) -> int:
        """Poll until a page comes back short (the feed is drained); returns the number of events received."""
        received = 0
        for _ in range(max_pages):
            count = await self.poll()
            received += count
            if count < self.page_size:
                break
        return received

    async def _poll(self) -> int:
        cursor = await self._current_cursor()
        page = await self._fetch(cursor)
        table = self.table
        async with self.session_factory() as session, session.begin():
            if not page.items and page.next_cursor == cursor:
                await session.execute(
                    update(table).where(table.c.feed == self.feed, table.c.last_error.is_not(None))
                    .values(last_error=None, updated_at=func.now())
                )
                return 0
            # moved only from the cursor this page was fetched with: a replica that got there first wins
            moved = await session.execute(
                update(table).where(table.c.feed == self.feed, table.c.cursor.is_not_distinct_from(cursor))
                .values(cursor=page.next_cursor, events_applied=table.c.events_applied + len(page.items),
                        last_error=None, updated_at=func.now())
                .returning(table.c.feed)
            )
            if moved.first() is None:
                logger.info("feed page already applied elsewhere", extra={"feed": self.feed})
                return len(page.items)
            if page.items:
                try:
                    await self.handler(session, page.items)
                except Exception as exc:
                    first = page.items[0]
                    raise FeedError(f"applying the page from event {first.id} ({first.type}) failed: "
                                    f"{type(exc).__name__}: {exc}") from exc
        if page.items:
            logger.info("feed page applied", extra={"feed": self.feed, "events": len(page.items)})
        return len(page.items)

    async def _current_cursor(self) -> str | None:
        table = self.table
        async with self.session_factory() as session, session.begin():
            row = (await session.execute(select(table.c.cursor).where(table.c.feed == self.feed))).first()
            if row is None:  # the first poll of this feed ever
                await session.execute(insert(table).values(feed=self.feed).on_conflict_do_nothing())
                return None
            return row.cursor

    async def _fetch(self, cursor: str | None) -> EventFeed:
        params: dict[str, str | int] = {"limit": self.page_size}
        if cursor is not None:
            params["after"] = cursor
        for attempt in (1, 2):
            token = await self.tokens.token()
            try:
                response = await self.client.get(self.path, params=params, headers={"Authorization": f"Bearer {token}"})
            except httpx.HTTPError as exc:
                raise FeedError(f"cannot reach the feed at {self.client.base_url}: {_describe_transport(exc)}") from exc
            if response.status_code == 401 and attempt == 1:
                self.tokens.invalidate()  # expired or signed with a rotated key: one retry with a fresh token
                continue
            if response.status_code != 200:
                raise FeedError(f"the feed answered {response.status_code}: {_detail(response)}")
            try:
                return EventFeed.model_validate_json(response.content)
            except ValidationError as exc:
                raise FeedError("the feed sent a page that is not an event feed") from exc
        raise AssertionError("unreachable")

    async def _record_error(self, message: str) -> None:
        table = self.table
        try:
            async with self.session_factory() as session, session.begin():
                await session.execute(
                    insert(table).values(feed=self.feed, last_error=message)
                    .on_conflict_do_update(index_elements=[table.c.feed],
                                           set_={"last_error": message, "updated_at": func.now()})
                )
        except Exception as exc:  # the database is what failed, most likely; the poll's warning says the rest
            logger.warning("could not record the feed's error: %s: %s", type(exc).__name__, exc,
                           extra={"feed": self.feed})

    # -- the background loop -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Run the loop in a background task (in the service's lifespan)."""
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self.run(), name=f"feed-follower:{self.feed}")

    async def stop(self, *, grace: float = 5.0) -> None:
        """Ask the loop to stop after the current poll, and cancel it if that takes longer than `grace`."""
        self._stopping.set()
        task, self._task = self._task, None
        if task is None:
            return
        # past the grace, wait_for cancels it; the open transaction, if any, rolls back
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(task, timeout=grace)

    async def run(self) -> None:
        """Poll until stopped."""
        failures = 0
        while not self._stopping.is_set():
            try:
                received = await self.poll()
            except FeedError as exc:
                failures += 1
                delay = min(self.interval * 2 ** (failures - 1), self.max_backoff)
                delay *= 0.8 + 0.4 * random.random()  # noqa: S311  (jitter, not a secret)
                logger.warning("feed poll failed: %s; retrying in %.1f s", exc, delay,
                               extra={"feed": self.feed, "failures": failures})
            else:
                failures = 0
                delay = 0.0 if received >= self.page_size else self.interval
            if delay:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), timeout=delay)


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body)[:500]
    return str(body)[:200]


def _describe_transport(exc: httpx.HTTPError) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FeedError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
