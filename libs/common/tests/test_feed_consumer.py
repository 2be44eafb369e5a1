"""Following a feed: a real outbox feed served by a real service app, followed into a real cursor table."""

import asyncio
from collections.abc import AsyncIterator, Sequence

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import Column, Integer, MetaData, Table, Text, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from tex4im_common.app import create_service_app
from tex4im_common.feed_consumer import ClientCredentialsToken, FeedError, FeedFollower, feed_cursor_table
from tex4im_common.identity import (
    Identity,
    IdentityTokenSigner,
    generate_private_key_pem,
    public_key_pem_from_private,
)
from tex4im_common.outbox import EventOut, Outbox
from tex4im_common.settings import ServiceSettings

source_metadata = MetaData(schema="feed_source")
source = Outbox(source_metadata)
follower_metadata = MetaData(schema="feed_follower")
cursors = feed_cursor_table(follower_metadata)
applied = Table("applied", follower_metadata, Column("n", Integer, primary_key=True, autoincrement=True),
                Column("event_id", Text, nullable=False), Column("aggregate_id", Text, nullable=False))


@pytest.fixture(scope="session")
async def feed_db(notes_db: str) -> str:
    engine = create_async_engine(notes_db)
    async with engine.begin() as connection:
        for schema in ("feed_source", "feed_follower"):
            await connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            await connection.execute(text(f"CREATE SCHEMA {schema}"))
        await connection.run_sync(source_metadata.create_all)
        await connection.run_sync(follower_metadata.create_all)
    await engine.dispose()
    return notes_db


@pytest.fixture
async def engine(feed_db: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(feed_db)
    async with engine.begin() as connection:
        for table in (source.table, cursors, applied):
            await connection.execute(table.delete())
    yield engine
    await engine.dispose()


@pytest.fixture
async def feed_app(feed_db: str, private_key: str) -> AsyncIterator[FastAPI]:
    settings = ServiceSettings(environment="test", database_url=feed_db, log_json=False, log_level="WARNING",
                               identity_public_key=public_key_pem_from_private(private_key))
    app = create_service_app(name="feedsrc", settings=settings, title="feed", description="a feed",
                             routers=[source.router()])
    async with LifespanManager(app):
        yield app


class Tokens:
    """A token source that signs client tokens itself, and counts what it was asked."""

    def __init__(self, private_key: str) -> None:
        self.signer = IdentityTokenSigner(private_key)
        self.issued = 0
        self.invalidated = 0
        self.forged_once = False
        self.before_first_token = None

    async def token(self) -> str:
        if self.before_first_token is not None:
            hook, self.before_first_token = self.before_first_token, None
            await hook()
        self.issued += 1
        if self.forged_once:
            self.forged_once = False
            return "not-a-token"
        return self.signer.sign(Identity(subject="service:follower", kind="client"), audience="feedsrc")

    def invalidate(self) -> None:
        self.invalidated += 1


async def record(session: AsyncSession, events: Sequence[EventOut]) -> None:
    for event in events:
        if event.aggregate_id == "poison":
            raise RuntimeError("cannot apply this one")
        await session.execute(insert(applied).values(event_id=str(event.id), aggregate_id=event.aggregate_id))


@pytest.fixture
def tokens(private_key: str) -> Tokens:
    return Tokens(private_key)


@pytest.fixture
async def follow(feed_app: FastAPI, engine: AsyncEngine, tokens: Tokens):
    clients: list[httpx.AsyncClient] = []

    def make(page_size: int = 3, interval: float = 30.0, handler=record) -> FeedFollower:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=feed_app), base_url="http://feed")
        clients.append(client)
        return FeedFollower(feed="source", client=client, tokens=tokens, session_factory=async_sessionmaker(engine),
                            cursor_table=cursors, handler=handler, interval=interval, page_size=page_size,
                            max_backoff=0.05)

    yield make
    for client in clients:
        await client.aclose()


async def publish(engine: AsyncEngine, *aggregate_ids: str) -> list[str]:
    """Commit one event per id, in one transaction, and wait until the feed serves them."""
    async with AsyncSession(engine) as session:
        ids = [str(await source.record_event(session, type="thing.updated", aggregate_type="thing",
                                             aggregate_id=a, payload={"a": a})) for a in aggregate_ids]
        await session.commit()
    return ids


async def applied_ids(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        return list((await connection.execute(select(applied.c.aggregate_id).order_by(applied.c.n))).scalars())


async def cursor_row(engine: AsyncEngine):
    async with engine.connect() as connection:
        return (await connection.execute(select(cursors).where(cursors.c.feed == "source"))).one()


class TestCatchingUp:
    async def test_every_event_is_applied_once_in_feed_order_and_the_cursor_counts_them(self, engine, follow):
        await publish(engine, "a", "b", "c", "d")
        await publish(engine, "e")
        follower = follow(page_size=2)
        assert await follower.catch_up() == 5
        assert await applied_ids(engine) == ["a", "b", "c", "d", "e"]
        row = await cursor_row(engine)
        assert (row.events_applied, row.last_error) == (5, None)
        assert row.cursor

    async def test_catching_up_again_applies_nothing_and_then_only_what_is_new(self, engine, follow):
        await publish(engine, "a", "b")
        follower = follow()
        await follower.catch_up()
        cursor = (await cursor_row(engine)).cursor
        assert await follower.catch_up() == 0
        assert (await cursor_row(engine)).cursor == cursor
        await publish(engine, "c")
        assert await follower.catch_up() == 1
        assert await applied_ids(engine) == ["a", "b", "c"]
        assert (await cursor_row(engine)).events_applied == 3

    async def test_an_empty_feed_leaves_a_cursor_to_poll_from(self, engine, follow):
        assert await follow().catch_up() == 0
        row = await cursor_row(engine)
        assert (row.events_applied, row.last_error) == (0, None)
        assert row.cursor is not None


class TestFailures:
    async def test_a_page_that_cannot_be_applied_changes_nothing_and_is_retried(self, engine, follow):
        await publish(engine, "a", "poison", "c")
        follower = follow()
        with pytest.raises(FeedError, match=r"applying the page from event .* failed: RuntimeError: cannot apply"):
            await follower.catch_up()
        row = await cursor_row(engine)
        assert (row.cursor, row.events_applied) == (None, 0)
        assert "RuntimeError: cannot apply this one" in row.last_error
        assert await applied_ids(engine) == []  # "a" was rolled back with the page

        async def skip_poison(session, events):
            await record(session, [e for e in events if e.aggregate_id != "poison"])

        follower.handler = skip_poison
        assert await follower.catch_up() == 3
        assert await applied_ids(engine) == ["a", "c"]
        row = await cursor_row(engine)
        assert (row.events_applied, row.last_error) == (3, None)

    async def test_an_unreachable_feed_is_recorded_as_the_last_error(self, engine, tokens):
        async def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("connection refused", request=request)

        client = httpx.AsyncClient(transport=httpx.MockTransport(refuse), base_url="http://feed.invalid")
        follower = FeedFollower(feed="source", client=client, tokens=tokens, cursor_table=cursors, handler=record,
                                session_factory=async_sessionmaker(engine))
        with pytest.raises(FeedError):
            await follower.poll()
        assert (await cursor_row(engine)).last_error == (
            "cannot reach the feed at http://feed.invalid: ConnectError: connection refused"
        )

    async def test_a_refused_token_is_replaced_once_and_the_poll_goes_on(self, engine, follow, tokens):
        await publish(engine, "a")
        tokens.forged_once = True
        assert await follow().catch_up() == 1
        assert (tokens.issued, tokens.invalidated) == (2, 1)

    async def test_a_feed_that_keeps_refusing_says_so(self, follow, tokens):
        tokens.signer = IdentityTokenSigner(generate_private_key_pem())  # a key the feed does not trust
        with pytest.raises(FeedError, match=r"the feed answered 401: The identity token is invalid\."):
            await follow().poll()


class TestTwoFollowers:
    async def test_a_page_another_replica_applied_first_is_dropped(self, engine, follow, tokens):
        await publish(engine, "a", "b")
        first, second = follow(), follow()
        # the second reads the cursor, then (while it asks for a token) the first applies the page
        tokens.before_first_token = first.poll
        assert await second.poll() == 2
        assert await applied_ids(engine) == ["a", "b"]
        assert (await cursor_row(engine)).events_applied == 2


class TestTheLoop:
    async def test_full_pages_are_read_at_once_and_stop_ends_the_wait(self, engine, follow):
        await publish(engine, *"abcdefg")
        follower = follow(page_size=2, interval=30.0)
        follower.start()
        for _ in range(100):
            if len(await applied_ids(engine)) == 7:
                break
            await asyncio.sleep(0.05)
        assert await applied_ids(engine) == list("abcdefg")
        loop = asyncio.get_running_loop()
        started = loop.time()
        await follower.stop()
        assert loop.time() - started < 1  # it was waiting its 30 s interval

    async def test_it_backs_off_after_failures_and_recovers(self, engine, follow):
        calls = 0

        async def flaky(session, events):
            nonlocal calls
            calls += 1
            if calls < 3:
                raise RuntimeError("not yet")
            await record(session, events)

        await publish(engine, "a")
        follower = follow(handler=flaky, interval=0.01)
        follower.start()
        for _ in range(100):
            if await applied_ids(engine):
                break
            await asyncio.sleep(0.05)
        await follower.stop()
        assert calls == 3
        assert await applied_ids(engine) == ["a"]
        assert (await cursor_row(engine)).last_error is None


class TestServiceToken:
    def _gateway(self, answers: list[httpx.Response]):
        seen: list[httpx.Request] = []

        async def handle(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return answers.pop(0)

        return httpx.AsyncClient(transport=httpx.MockTransport(handle), base_url="http://gateway"), seen

    async def test_a_token_is_asked_with_the_client_credentials_and_reused_until_late_in_its_life(self):
        now = [100.0]
        client, seen = self._gateway([httpx.Response(200, json={"access_token": "t1", "expires_in": 300}),
                                      httpx.Response(200, json={"access_token": "t2", "expires_in": 300})])
        source = ClientCredentialsToken(client, client_id="proposals", client_secret="s" * 32,
                                        audience="intelligence", clock=lambda: now[0])
        assert await source.token() == "t1"
        now[0] += 224
        assert await source.token() == "t1"
        now[0] += 2
        assert await source.token() == "t2"
        assert len(seen) == 2
        assert seen[0].url.path == "/api/auth/service-token"
        assert seen[0].headers["content-type"] == "application/x-www-form-urlencoded"
        assert dict(httpx.QueryParams(seen[0].content.decode())) == {
            "grant_type": "client_credentials", "client_id": "proposals", "client_secret": "s" * 32,
            "audience": "intelligence",
        }

    async def test_invalidating_fetches_a_new_one(self):
        client, seen = self._gateway([httpx.Response(200, json={"access_token": "t1", "expires_in": 300}),
                                      httpx.Response(200, json={"access_token": "t2", "expires_in": 300})])
        source = ClientCredentialsToken(client, client_id="proposals", client_secret="x", audience="intelligence")
        assert await source.token() == "t1"
        assert await source.token() == "t1"
        source.invalidate()
        assert await source.token() == "t2"
        assert len(seen) == 2

    async def test_a_refusal_is_a_feed_error_naming_the_gateways_reason(self):
        client, _ = self._gateway([httpx.Response(401, json={"title": "Client authentication failed", "status": 401,
                                                             "detail": "The client id or secret is not correct."})])
        source = ClientCredentialsToken(client, client_id="proposals", client_secret="x", audience="intelligence")
        with pytest.raises(FeedError, match=r"refused a service token \(401: The client id or secret is not correct"):
            await source.token()

