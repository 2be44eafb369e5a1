"""Idempotent writes: a retried request gets the first answer; a key is never reused for another request."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, FastAPI, Header
from pydantic import BaseModel
from sqlalchemy import MetaData, text
from sqlalchemy.ext.asyncio import create_async_engine
from tex4im_common.app import create_service_app
from tex4im_common.db import SessionDep
from tex4im_common.idempotency import Idempotency
from tex4im_common.identity import public_key_pem_from_private
from tex4im_common.problems import Conflict
from tex4im_common.settings import ServiceSettings

keys = Idempotency(MetaData())


class Letter(BaseModel):
    title: str


class Sent(BaseModel):
    id: uuid.UUID
    title: str


def _routes() -> APIRouter:
    router = APIRouter(tags=["letters"])

    @router.post("/letters", status_code=201)
    async def send_letter(
        letter: Letter, session: SessionDep, write: keys.Dep,
        caller: Annotated[str, Header(alias="X-Caller")] = "ada",
    ) -> Sent:
        """Writes a note with a fresh id; refused (after writing) while a note titled 'blocker' exists."""

        async def action() -> Sent:
            sent = Sent(id=uuid.uuid4(), title=letter.title)
            await session.execute(text("INSERT INTO note (title) VALUES (:t)"), {"t": f"{letter.title} {sent.id}"})
            if letter.title == "slow":
                await asyncio.sleep(0.3)
            blocked = (await session.execute(text("SELECT count(*) FROM note WHERE title = 'blocker'"))).scalar()
            if blocked:
                raise Conflict("A blocker note is in the way.")
            return sent

        return await write.run(subject=caller, payload=letter, action=action, status_code=201,
                               headers=lambda sent: {"Location": f"/letters/{sent.id}"})  # type: ignore[attr-defined]

    return router


@pytest.fixture(scope="session")
async def letters_db(notes_db: str) -> str:
    engine = create_async_engine(notes_db)
    async with engine.begin() as connection:
        await connection.run_sync(keys.table.metadata.create_all)
    await engine.dispose()
    return notes_db


@pytest.fixture
async def letters(letters_db: str, private_key: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(environment="test", database_url=letters_db, log_json=False, log_level="WARNING",
                               identity_public_key=public_key_pem_from_private(private_key))
    app: FastAPI = create_service_app(name="letters", settings=settings, title="letters", description="test app",
                                      routers=[_routes()])
    async with LifespanManager(app):
        async with app.state.engine.begin() as connection:
            await connection.execute(text("TRUNCATE note"))
            await connection.execute(keys.table.delete())
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://letters") as client:
            client.engine = app.state.engine  # type: ignore[attr-defined]
            yield client


async def notes(client: httpx.AsyncClient) -> int:
    async with client.engine.connect() as connection:  # type: ignore[attr-defined]
        return (await connection.execute(text("SELECT count(*) FROM note WHERE title <> 'blocker'"))).scalar_one()


async def sql(client: httpx.AsyncClient, statement: str) -> None:
    async with client.engine.begin() as connection:  # type: ignore[attr-defined]
        await connection.execute(text(statement))


class TestReplay:
    async def test_a_retry_with_the_same_key_gets_the_same_answer_and_writes_once(self, letters):
        headers = {"Idempotency-Key": "letter-key-0001"}
        first = await letters.post("/letters", json={"title": "hello"}, headers=headers)
        again = await letters.post("/letters", json={"title": "hello"}, headers=headers)
        assert (first.status_code, again.status_code) == (201, 201)
        assert again.json() == first.json()
        assert again.headers["Idempotent-Replayed"] == "true"
        assert "Idempotent-Replayed" not in first.headers
        assert first.headers["Location"] == f"/letters/{first.json()['id']}"
        assert await notes(letters) == 1

    async def test_without_a_key_every_request_writes(self, letters):
        first = await letters.post("/letters", json={"title": "hello"})
        again = await letters.post("/letters", json={"title": "hello"})
        assert first.json()["id"] != again.json()["id"]
        assert await notes(letters) == 2

    async def test_keys_belong_to_their_caller(self, letters):
        key = {"Idempotency-Key": "letter-key-0002"}
        ada = await letters.post("/letters", json={"title": "hello"}, headers=key | {"X-Caller": "ada"})
        bob = await letters.post("/letters", json={"title": "hello"}, headers=key | {"X-Caller": "bob"})
        assert ada.json()["id"] != bob.json()["id"]
        assert "Idempotent-Replayed" not in bob.headers
        assert await notes(letters) == 2

    async def test_a_concurrent_duplicate_waits_for_the_first_and_replays_it(self, letters):
        headers = {"Idempotency-Key": "letter-key-0003"}
        first, second = await asyncio.gather(
            letters.post("/letters", json={"title": "slow"}, headers=headers),
            letters.post("/letters", json={"title": "slow"}, headers=headers),
        )
        assert first.json() == second.json()
        assert sorted(r.headers.get("Idempotent-Replayed", "") for r in (first, second)) == ["", "true"]
        assert await notes(letters) == 1


class TestRefusals:
    async def test_the_same_key_for_another_request_is_a_422_problem(self, letters):
        headers = {"Idempotency-Key": "letter-key-0004"}
        await letters.post("/letters", json={"title": "hello"}, headers=headers)
        response = await letters.post("/letters", json={"title": "goodbye"}, headers=headers)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "urn:tex4im:problem:idempotency-key-reused"
        assert await notes(letters) == 1

    async def test_a_failed_request_leaves_no_key_so_its_retry_runs(self, letters):
        headers = {"Idempotency-Key": "letter-key-0005"}
        await sql(letters, "INSERT INTO note (title) VALUES ('blocker')")
        failed = await letters.post("/letters", json={"title": "hello"}, headers=headers)
        assert failed.status_code == 409
        assert await notes(letters) == 0
        await sql(letters, "DELETE FROM note WHERE title = 'blocker'")
        retry = await letters.post("/letters", json={"title": "hello"}, headers=headers)
        assert retry.status_code == 201
        assert "Idempotent-Replayed" not in retry.headers
        assert await notes(letters) == 1

    async def test_a_key_older_than_a_day_is_forgotten(self, letters):
        await sql(letters, "INSERT INTO idempotency_record (subject, key, fingerprint, status_code, body, created_at) "
                           "VALUES ('ada', 'letter-key-0006', 'an-old-request', 201, '{}', "
                           "now() - interval '25 hours')")
        headers = {"Idempotency-Key": "letter-key-0006"}
        response = await letters.post("/letters", json={"title": "hello"}, headers=headers)
        assert response.status_code == 201
        assert "Idempotent-Replayed" not in response.headers

    async def test_a_too_short_key_is_a_422_naming_the_header(self, letters):
        response = await letters.post("/letters", json={"title": "hello"}, headers={"Idempotency-Key": "short"})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["header.Idempotency-Key"]
