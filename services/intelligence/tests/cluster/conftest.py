import uuid
from typing import Any

import pytest
from intelligence.cluster.models import Cluster
from intelligence.db import outbox
from intelligence.organisation.models import Organisation, organisation_cluster
from sqlalchemy import insert, select
from tex4im_common.identity import Role


def cluster_id(acronym: str) -> uuid.UUID:
    """The stable id the migrations gave a partner cluster."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:cluster:{acronym}")


CITEVE = cluster_id("CITEVE")
READY_PROFILE = {
    "website_en": "https://www.citeve.pt/en", "management_fte": "2.5", "members_sme": 40, "members_large": 12,
    "members_research": 3,
}


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject="admin-1")


@pytest.fixture
def norte_manager(identity_headers):
    return identity_headers(Role.cluster_manager, region="PT11", subject="manager-pt11")


@pytest.fixture
def add_member(session):
    """`await add_member(cluster_id, name, visibility=..., merged_into=...)`: an organisation in the cluster."""

    async def add(cluster: uuid.UUID, name: str, *, visibility: str = "public",
                  merged_into: Organisation | None = None) -> Organisation:
        organisation = Organisation(
            name=name, kind="company", country_code="PT", region_code="PT11", city="Guimarães",
            visibility=visibility, merged_into_id=merged_into.id if merged_into else None,
        )
        session.add(organisation)
        await session.flush()
        await session.execute(insert(organisation_cluster).values(organisation_id=organisation.id, cluster_id=cluster))
        return organisation

    return add


@pytest.fixture
def add_cluster(session):
    async def add(name: str, region_code: str = "PT11") -> Cluster:
        region_id = uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:region:{region_code}")
        cluster = Cluster(region_id=region_id, name=name, acronym=name[:10], is_partner=False, is_coordinator=False)
        session.add(cluster)
        await session.flush()
        return cluster

    return add


@pytest.fixture
def recorded_events(session):
    async def recorded(prefix: str) -> list[dict[str, Any]]:
        table = outbox.table
        rows = await session.execute(
            select(table.c.type, table.c.aggregate_id, table.c.payload)
            .where(table.c.type.startswith(prefix)).order_by(table.c.position)
        )
        return [{"type": r.type, "aggregate_id": r.aggregate_id, "payload": r.payload} for r in rows]

    return recorded
