"""`create_service_app(dependencies=...)`: a service-wide dependency runs on every route, after the identity check."""

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, Depends, Request
from tex4im_common.app import create_service_app
from tex4im_common.identity import (
    Identity,
    IdentityTokenSigner,
    OptionalIdentity,
    generate_private_key_pem,
    public_key_pem_from_private,
)
from tex4im_common.settings import ServiceSettings


async def _remember(request: Request, identity: OptionalIdentity) -> None:
    request.app.state.seen.append(identity.subject if identity else None)


def _routes() -> APIRouter:
    router = APIRouter(tags=["things"])

    @router.get("/things")
    async def things() -> list[str]:
        return []

    @router.get("/other-things")
    async def other_things() -> list[str]:
        return []

    return router


@pytest.fixture
async def client(notes_db: str, private_key: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = ServiceSettings(environment="test", database_url=notes_db, log_json=False, log_level="WARNING",
                               identity_public_key=public_key_pem_from_private(private_key))
    app = create_service_app(name="things", settings=settings, title="things", description="test app",
                             routers=[_routes()], dependencies=[Depends(_remember)])
    app.state.seen = []
    async with LifespanManager(app), httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                                       base_url="http://things") as client:
        client.seen = app.state.seen  # type: ignore[attr-defined]
        yield client


class TestServiceWideDependencies:
    async def test_they_run_on_every_route_of_the_routers(self, client, private_key):
        token = IdentityTokenSigner(private_key).sign(Identity(subject="ada"), audience="things")
        await client.get("/things")
        await client.get("/other-things", headers={"Authorization": f"Bearer {token}"})
        assert client.seen == [None, "ada"]

    async def test_they_do_not_run_when_the_token_is_refused_or_on_health_checks(self, client):
        forged = IdentityTokenSigner(generate_private_key_pem()).sign(Identity(subject="eve"), audience="things")
        assert (await client.get("/things", headers={"Authorization": f"Bearer {forged}"})).status_code == 401
        assert (await client.get("/healthz")).status_code == 200
        assert client.seen == []
