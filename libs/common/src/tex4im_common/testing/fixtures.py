"""Fixtures: import them all into a package's conftest next to its `service_spec` fixture."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy import pool
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from tex4im_common.identity import (
    Identity,
    IdentityTokenSigner,
    Membership,
    Role,
    generate_private_key_pem,
    public_key_pem_from_private,
)
from tex4im_common.testing.database import create_migrated_database, postgres_server
from tex4im_common.testing.spec import ServiceSpec

__all__ = [
    "admin_url", "app", "client", "connection", "database_url", "engine", "identity_headers",
    "identity_signer", "private_key_pem", "session", "settings",
]


@pytest.fixture(scope="session")
def admin_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def database_url(admin_url: str, service_spec: ServiceSpec) -> str:
    """A database for this package only, built by its real migrations."""
    return create_migrated_database(admin_url, f"test_{service_spec.name}", service_spec.alembic_ini)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url, poolclass=pool.NullPool)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside a transaction that is rolled back after the test, whatever it committed."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield connection
        finally:
            await transaction.rollback()


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    async with AsyncSession(bind=connection, join_transaction_mode="create_savepoint",
                            expire_on_commit=False) as session:
        yield session


@pytest.fixture(scope="session")
def private_key_pem() -> str:
    return generate_private_key_pem()


@pytest.fixture(scope="session")
def identity_signer(private_key_pem: str) -> IdentityTokenSigner:
    return IdentityTokenSigner(private_key_pem)


@pytest.fixture
def settings(service_spec: ServiceSpec, database_url: str, private_key_pem: str) -> Any:
    return service_spec.settings_factory(
        environment="test", database_url=database_url,
        identity_public_key=public_key_pem_from_private(private_key_pem), log_json=False, log_level="WARNING",
    )


@pytest.fixture
async def app(service_spec: ServiceSpec, settings: Any, connection: AsyncConnection) -> AsyncIterator[FastAPI]:
    """The real app, started through its lifespan, with request sessions joined to the test transaction."""
    application = service_spec.app_factory(settings)
    async with LifespanManager(application):
        application.state.sessionmaker = async_sessionmaker(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://service") as client:
        yield client


@pytest.fixture
def identity_headers(identity_signer: IdentityTokenSigner, service_spec: ServiceSpec) -> Callable[..., dict[str, str]]:
    """Headers carrying a gateway-signed identity token: `identity_headers(Role.cluster_manager, region="ITI1")`."""

    def make(role: Role = Role.member, *, region: str | None = None, organisation_id: Any = None,
             subject: str = "00000000-0000-0000-0000-00000000abcd", audience: str | None = None) -> dict[str, str]:
        identity = Identity(subject=subject, name="Test User",
                            memberships=(Membership(role=role, region=region, organisation_id=organisation_id),))
        token = identity_signer.sign(identity, audience=audience or service_spec.name)
        return {"Authorization": f"Bearer {token}"}

    return make
