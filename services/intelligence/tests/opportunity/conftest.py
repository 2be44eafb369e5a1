"""The people of the opportunity tests, a publishing organisation, and helpers to publish and read events."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from intelligence.db import outbox
from intelligence.organisation.models import Organisation
from sqlalchemy import select
from tex4im_common.identity import Role

FIXTURES = Path(__file__).parent / "fixtures"
ORGANISATION_ID = uuid.UUID("00000000-0000-4000-8000-0000000000c1")

Headers = dict[str, str]


@pytest.fixture
def norte_manager(identity_headers) -> Headers:
    return identity_headers(Role.cluster_manager, region="PT11", subject="manager-norte")


@pytest.fixture
def toscana_manager(identity_headers) -> Headers:
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")


@pytest.fixture
def admin(identity_headers) -> Headers:
    return identity_headers(Role.consortium_admin, subject="admin")


@pytest.fixture
def member(identity_headers, organisation) -> Headers:
    """A company member in Norte, working for the demo spinning mill."""
    return identity_headers(Role.member, region="PT11", organisation_id=organisation.id, subject="member-ana")


@pytest.fixture
def other_member(identity_headers) -> Headers:
    return identity_headers(Role.member, region="ES52", subject="member-bruno")


@pytest.fixture
async def organisation(session) -> Organisation:
    record = Organisation(id=ORGANISATION_ID, name="Fiação Demo do Ave, Lda. (demo)", kind="company",
                          country_code="PT", region_code="PT11", visibility="public")
    session.add(record)
    await session.flush()
    return record


def body(**overrides: Any) -> dict[str, Any]:
    """A valid new opportunity: a public, open technology request in Norte."""
    return {
        "kind": "technology_request",
        "title": "Supplier of recycled polyester yarn wanted",
        "summary": "A Norte weaver looks for a supplier of GRS-certified recycled polyester yarn, 20 t a month.",
        "priorities": ["circular_economy"],
        "region_codes": ["PT11"],
        "deadline": "2030-06-30",
        "visibility": "public",
    } | overrides


@pytest.fixture
def new_opportunity() -> Callable[..., dict[str, Any]]:
    return body


@pytest.fixture
def publish(client, norte_manager) -> Callable[..., Awaitable[dict[str, Any]]]:
    """`await publish(headers=..., **fields)`: create through the API (as the Norte manager by default)."""

    async def create(headers: Headers | None = None, **overrides: Any) -> dict[str, Any]:
        response = await client.post("/opportunities", json=body(**overrides), headers=headers or norte_manager)
        assert response.status_code == 201, response.text
        return response.json()

    return create


@pytest.fixture
def events_of(session) -> Callable[[str], Awaitable[list[tuple[str, dict[str, Any]]]]]:
    """`await events_of(id)` -> [(type, payload)] recorded for the aggregate, in order."""

    async def read(aggregate_id: str) -> list[tuple[str, dict[str, Any]]]:
        table = outbox.table
        rows = await session.execute(
            select(table.c.type, table.c.payload).where(table.c.aggregate_id == str(aggregate_id))
            .order_by(table.c.position)
        )
        return [(row.type, row.payload) for row in rows]

    return read
