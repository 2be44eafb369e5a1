import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from gateway.account.models import Membership, User
from gateway.account.passwords import hash_password
from gateway.main import create_app
from gateway.settings import GatewaySettings
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tex4im_common.testing.fixtures import *  # noqa: F403
from tex4im_common.testing.spec import ServiceSpec

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def service_spec() -> ServiceSpec:
    return ServiceSpec(name="gateway", alembic_ini=Path(__file__).parents[1] / "alembic.ini",
                       settings_factory=GatewaySettings, app_factory=create_app)


# --- a real HTTP upstream on loopback, standing in for a service ---------------------------------------------

async def _echo(request: Request) -> Response:
    body = await request.body()
    return JSONResponse({
        "method": request.method, "path": request.url.path, "query": request.url.query,
        "headers": dict(request.headers), "body": body.decode(),
    }, headers={"ETag": '"v1"', "Set-Cookie": "upstream=should-not-pass"})


async def _problem(request: Request) -> Response:
    return JSONResponse({"type": "urn:tex4im:problem:not-found", "title": "Region not found", "status": 404,
                         "detail": "There is no partnership region with NUTS code DE11."},
                        status_code=404, media_type="application/problem+json")


async def _slow(request: Request) -> Response:
    await asyncio.sleep(2)
    return JSONResponse({"late": True})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def upstream_url() -> Iterator[str]:
    app = Starlette(routes=[Route("/problem", _problem), Route("/slow", _slow),
                            Route("/{path:path}", _echo, methods=["GET", "POST", "PATCH", "DELETE", "PUT"])])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
def settings(database_url: str, private_key_pem: str, upstream_url: str, tmp_path: Path) -> GatewaySettings:
    spa = tmp_path / "dist"
    (spa / "assets").mkdir(parents=True)
    (spa / "index.html").write_text("<!doctype html><title>TEX4IM</title><div id=root></div>")
    (spa / "assets" / "app.js").write_text("console.log('tex4im')")
    return GatewaySettings(
        environment="test", database_url=database_url, identity_private_key=private_key_pem,
        log_json=False, log_level="WARNING", cookie_secure=False, spa_dir=spa,
        intelligence_url=upstream_url, proposals_url=f"http://127.0.0.1:{_free_port()}",  # nothing listens there
        matchmaking_url=upstream_url, upstream_read_timeout=0.5,
    )


@pytest.fixture
async def user(session) -> User:
    account = User(email="manager.iti1@example.test", display_name="Maria Manager", locale="en",
                   password_hash=hash_password(PASSWORD), is_active=True,
                   memberships=[Membership(role="cluster_manager", region="ITI1")])
    session.add(account)
    await session.commit()
    return account


@pytest.fixture
async def signed_in(client, user) -> dict[str, Any]:
    """The client after a successful login; returns the CSRF header to send with unsafe requests."""
    response = await client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"X-CSRF-Token": client.cookies["tex4im_csrf"]}
