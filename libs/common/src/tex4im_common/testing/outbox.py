"""Checks of the event feed every service inherits; the package's test module provides an `outbox` fixture.

The feed serves committed transactions only, so these tests commit through their own connections (never the
test's rolled-back one) and empty the outbox afterwards.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from tex4im_common.identity import Identity, IdentityTokenSigner, Role
from tex4im_common.outbox import Outbox
from tex4im_common.pagination import MAX_LIMIT
from tex4im_common.testing.spec import ServiceSpec

Feed = Callable[..., Any]


class OutboxFeedChecks:
    @pytest.fixture(autouse=True)
    async def _empty_outbox_afterwards(self, engine: AsyncEngine, outbox: Outbox) -> AsyncIterator[None]:
        yield
        async with engine.begin() as connection:
            await connection.execute(delete(outbox.table))

    @pytest.fixture
    def admin(self, identity_headers: Callable[..., dict[str, str]]) -> dict[str, str]:
        return identity_headers(Role.consortium_admin)

    @pytest.fixture
    def read(self, client: httpx.AsyncClient, admin: dict[str, str]) -> Feed:
        """`await read(after=, limit=, expect=)` -> (event ids, next_cursor) of one page.

        With `expect`, polls briefly until the page holds that many: a commit a moment ago may still wait
        for an unrelated transaction on the server to end (the feed's rule), which must not fail a test.
        """

        async def read(after: str | None = None, limit: int | None = None, expect: int = 0,
                       headers: dict[str, str] | None = None) -> tuple[list[str], str]:
            params = {k: v for k, v in {"after": after, "limit": limit}.items() if v is not None}
            for _ in range(50):
                response = await client.get("/events", params=params, headers=headers or admin)
                assert response.status_code == 200, response.text
                body = response.json()
                if len(body["items"]) >= expect:
                    break
                await asyncio.sleep(0.1)
            return [item["id"] for item in body["items"]], body["next_cursor"]

        return read

    @pytest.fixture
    def commit_events(self, engine: AsyncEngine, outbox: Outbox) -> Callable[..., Any]:
        """`await commit_events(n)` records n events in one committed transaction and returns their ids."""

        async def commit_events(count: int = 1) -> list[str]:
            async with AsyncSession(engine) as session:
                ids = [await _record(outbox, session, i) for i in range(count)]
                await session.commit()
            return ids

        return commit_events

    # -- who may read ---------------------------------------------------------------------------------------

    async def test_no_token_is_401(self, client):
        response = await client.get("/events")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize("role", [Role.member, Role.cluster_manager, Role.evaluator])
    async def test_other_users_get_a_403_problem(self, client, identity_headers, role):
        response = await client.get("/events", headers=identity_headers(role, region="ITI1"))
        assert response.status_code == 403
        assert response.json()["type"] == "urn:tex4im:problem:forbidden"

    async def test_the_consortium_admin_reads_the_feed(self, read, commit_events):
        ids = await commit_events(2)
        assert (await read(expect=2))[0] == ids

    async def test_an_api_client_reads_the_feed(self, read, identity_signer: IdentityTokenSigner,
                                               service_spec: ServiceSpec, commit_events):
        ids = await commit_events()
        token = identity_signer.sign(Identity(subject="escp-s3", kind="client"), audience=service_spec.name)
        assert (await read(expect=1, headers={"Authorization": f"Bearer {token}"}))[0] == ids

    # -- what is served -------------------------------------------------------------------------------------

    async def test_an_item_carries_the_event_and_its_json_payload(self, client, admin, read, engine, outbox):
        async with AsyncSession(engine) as session:
            event_id = await outbox.record_event(
                session, type="thing.updated", aggregate_type="thing", aggregate_id="T-1",
                payload={"id": uuid.UUID(int=7), "at": datetime(2026, 11, 24, tzinfo=UTC), "eur": Decimal("1.50")},
            )
            await session.commit()
        await read(expect=1)
        item = (await client.get("/events", headers=admin)).json()["items"][0]
        assert item["id"] == str(event_id)
        assert (item["type"], item["aggregate_type"], item["aggregate_id"]) == ("thing.updated", "thing", "T-1")
        assert item["payload"] == {"id": str(uuid.UUID(int=7)), "at": "2026-11-24T00:00:00Z", "eur": "1.50"}
        assert item["position"] >= 1
        assert datetime.fromisoformat(item["occurred_at"]).tzinfo is not None
        assert "request_id" not in item

    async def test_events_of_a_rolled_back_transaction_never_appear(self, read, engine, outbox, commit_events):
        async with AsyncSession(engine) as session:
            await _record(outbox, session)
            await session.rollback()
        kept = await commit_events()
        assert (await read(expect=1))[0] == kept

    async def test_an_open_transaction_is_not_served_until_it_commits_then_after_the_held_cursor(
        self, read, engine, outbox, commit_events
    ):
        before = await commit_events()
        async with AsyncSession(engine) as open_session:
            pending = [await _record(outbox, open_session)]
            later = await commit_events()  # committed, but after a transaction that is still open
            ids, cursor = await read(expect=1)
            assert ids == before
            assert await read(after=cursor) == ([], cursor)
            await open_session.commit()
        assert (await read(after=cursor, expect=2))[0] == pending + later

    async def test_an_older_transaction_that_records_last_is_not_skipped(self, read, engine, outbox):
        # the trap of ordering by position: the older transaction takes its position after the younger one
        async with AsyncSession(engine) as older, AsyncSession(engine) as younger:
            await older.execute(text("SELECT pg_current_xact_id()"))  # its first write, before the other begins
            young = await _record(outbox, younger)
            old = await _record(outbox, older)
            await older.commit()
            ids, cursor = await read(expect=1)
            assert ids == [old]
            await younger.commit()
        assert (await read(after=cursor, expect=1))[0] == [young]

    async def test_events_of_one_transaction_keep_their_recorded_order(self, read, commit_events):
        ids = await commit_events(5)
        assert (await read(expect=5))[0] == ids

    # -- paging ---------------------------------------------------------------------------------------------

    async def test_paging_with_the_cursor_neither_skips_nor_repeats(self, read, commit_events):
        recorded = [*await commit_events(3), *await commit_events(1), *await commit_events(3)]
        await read(expect=7)
        seen, cursor, pages = [], None, 0
        while True:
            ids, cursor = await read(after=cursor, limit=2)
            seen += ids
            pages += 1
            if len(ids) < 2:
                break
        assert seen == recorded
        assert pages == 4
        assert await read(after=cursor) == ([], cursor)
        newer = await commit_events()
        assert (await read(after=cursor, expect=1))[0] == newer

    async def test_an_empty_feed_still_hands_out_a_cursor(self, read, commit_events):
        ids, cursor = await read()
        assert ids == []
        assert cursor
        added = await commit_events()
        assert (await read(after=cursor, expect=1))[0] == added

    async def test_limit_above_the_cap_is_a_422_problem(self, client, admin):
        response = await client.get("/events", params={"limit": MAX_LIMIT + 1}, headers=admin)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["query.limit"]

    @pytest.mark.parametrize("after", ["bm9wZQ", "WzEsMiwzXQ", "Wy0xLDFd"])  # garbage, 3 values, negative
    async def test_a_cursor_not_handed_out_is_a_422_problem(self, client, admin, after):
        response = await client.get("/events", params={"after": after}, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.after"


async def _record(outbox: Outbox, session: AsyncSession, index: int = 0) -> str:
    event_id = await outbox.record_event(
        session, type="thing.updated", aggregate_type="thing", aggregate_id=f"T-{index}", payload={"n": index}
    )
    return str(event_id)

