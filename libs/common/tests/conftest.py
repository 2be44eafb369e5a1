import asyncio
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from sqlalchemy import text
from tex4im_common.app import create_service_app
from tex4im_common.db import SessionDep
from tex4im_common.identity import CurrentIdentity, generate_private_key_pem, public_key_pem_from_private
from tex4im_common.problems import Conflict, NotFound
from tex4im_common.settings import ServiceSettings
from tex4im_common.testing.database import recreate_database, swap_database
from tex4im_common.testing.fixtures import admin_url  # noqa: F401


class Note(BaseModel):
    title: str


class RecordedRefusal(Conflict):
    keep_changes = True


def _routes() -> APIRouter:
    router = APIRouter(tags=["notes"])

    @router.post("/notes", status_code=201)
    async def add_notes(notes: list[Note], session: SessionDep) -> dict[str, int]:
        """Adds every note or none (the title is unique)."""
        for note in notes:
            await session.execute(text("INSERT INTO note (title) VALUES (:t)"), {"t": note.title})
        return {"added": len(notes)}

    @router.post("/notes/then-fail")
    async def add_then_fail(session: SessionDep) -> None:
        await session.execute(text("INSERT INTO note (title) VALUES ('half-done')"))
        raise NotFound("The thing this write needed is gone.")

    @router.post("/notes/then-crash")
    async def add_then_crash(session: SessionDep) -> None:
        await session.execute(text("INSERT INTO note (title) VALUES ('crashed')"))
        raise RuntimeError("boom")

    @router.post("/notes/refusal-on-record")
    async def refuse_but_record(session: SessionDep) -> None:
        await session.execute(text("INSERT INTO note (title) VALUES ('refusal')"))
        raise RecordedRefusal("Refused, and the refusal is on record.")

    @router.get("/notes/count")
    async def count(session: SessionDep) -> dict[str, int]:
        return {"count": (await session.execute(text("SELECT count(*) FROM note"))).scalar_one()}

    @router.get("/whoami")
    async def whoami(identity: CurrentIdentity) -> dict[str, str]:
        return {"subject": identity.subject}

    @router.get("/items/{item_id}")
    async def item(item_id: int, limit: int = 10) -> dict[str, int]:
        return {"item_id": item_id, "limit": limit}

    return router


@pytest.fixture(scope="session")
def notes_db(admin_url: str) -> str:  # noqa: F811
    asyncio.run(recreate_database(admin_url, "test_common"))
    url = swap_database(admin_url, "test_common")

    async def create() -> None:
        connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
        await connection.execute("CREATE TABLE note (id serial PRIMARY KEY, title text UNIQUE NOT NULL)")
        await connection.close()

    asyncio.run(create())
    return url


@pytest.fixture(scope="session")
def private_key() -> str:
    return generate_private_key_pem()


@pytest.fixture
async def kernel_app(notes_db: str, private_key: str) -> AsyncIterator[FastAPI]:
    settings = ServiceSettings(environment="test", database_url=notes_db, log_json=False, log_level="WARNING",
                               identity_public_key=public_key_pem_from_private(private_key))
    app = create_service_app(name="kernel", settings=settings, title="kernel", description="test app",
                             routers=[_routes()])
    async with LifespanManager(app):
        await _truncate(app)
        yield app


async def _truncate(app: FastAPI) -> None:
    async with app.state.engine.begin() as connection:
        await connection.execute(text("TRUNCATE note"))


@pytest.fixture
async def kernel_client(kernel_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=kernel_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://kernel") as client:
        yield client
