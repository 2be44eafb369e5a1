"""Callers and records the organisation tests share."""

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from intelligence.cluster.models import Cluster
from sqlalchemy import select
from tex4im_common.identity import Identity, Membership, Role

Headers = dict[str, str]
Create = Callable[..., Awaitable[dict[str, Any]]]


def _lanificio(**fields: Any) -> dict[str, Any]:
    """A Prato wool mill, as a manager would type it."""
    return {
        "name": "Lanificio Rossi S.p.A.", "kind": "company", "vat_number": "it 012.345-678 90", "country_code": "IT",
        "region_code": "ITI1", "city": "Prato", "lon": 11.0968, "lat": 43.8777, "nace_codes": ["C13.10", "C13.20"],
        "size_class": "medium", "value_chain": ["yarn", "fabric"], "capabilities": ["carded wool", "recycled wool"],
        "certifications": ["GRS"], "priorities": ["circular_economy"], "website": "https://lanificio-rossi.example",
        "description": "Carded and recycled wool fabrics.", "language": "en", "visibility": "public",
    } | fields


@pytest.fixture
def lanificio() -> Callable[..., dict[str, Any]]:
    """`lanificio(**changes)`: the body of a new organisation."""
    return _lanificio


@pytest.fixture
def admin(identity_headers: Callable[..., Headers]) -> Headers:
    return identity_headers(Role.consortium_admin, subject="admin")


@pytest.fixture
def toscana(identity_headers: Callable[..., Headers]) -> Headers:
    """A cluster manager of Toscana (ITI1)."""
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1")


@pytest.fixture
def valencia(identity_headers: Callable[..., Headers]) -> Headers:
    """A cluster manager of the Comunitat Valenciana (ES52)."""
    return identity_headers(Role.cluster_manager, region="ES52", subject="manager-es52")


@pytest.fixture
def partner(identity_headers: Callable[..., Headers]) -> Headers:
    """A signed-in member of the partnership with no say over the records used here."""
    return identity_headers(Role.member, region="PT11", subject="member-pt11")


@pytest.fixture
def create(client: httpx.AsyncClient, admin: Headers) -> Create:
    """`await create(headers=..., **fields)` registers an organisation (as the admin by default)."""

    async def create(headers: Headers | None = None, **fields: Any) -> dict[str, Any]:
        response = await client.post("/organisations", json=_lanificio(**fields), headers=headers or admin)
        assert response.status_code == 201, response.text
        return response.json()

    return create


@pytest.fixture
async def clusters(session) -> dict[str, Any]:
    """Cluster ids by acronym (the partner clusters come with the migrations)."""
    return {acronym: id_ for acronym, id_ in (await session.execute(select(Cluster.acronym, Cluster.id))).all()}


@pytest.fixture
def headers_for(identity_signer, service_spec) -> Callable[..., Headers]:
    """Headers for a caller with several memberships: `headers_for(Membership(...), ..., subject=...)`."""

    def make(*memberships: Membership, subject: str) -> Headers:
        identity = Identity(subject=subject, name="Test User", memberships=memberships)
        return {"Authorization": f"Bearer {identity_signer.sign(identity, audience=service_spec.name)}"}

    return make
