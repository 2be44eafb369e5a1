"""All SQL about clusters, their ESCP-S3 state changes and their member organisations."""

from __future__ import annotations

import uuid

from sqlalchemy import not_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import contains_eager, load_only
from tex4im_common.pagination import PageParams, decode_cursor, encode_cursor, paginate

from intelligence.cluster.models import Cluster, ClusterStateChange
from intelligence.organisation.models import Organisation, organisation_cluster
from intelligence.region.models import Region

# partner clusters first (the coordinator leading), then the others; by name
CURSOR_KEYS = [Cluster.is_partner, Cluster.is_coordinator, Cluster.name, Cluster.id]


class ClusterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_page(self, params: PageParams, *, region_code: str | None) -> tuple[list[Cluster], str | None]:
        statement = select(Cluster).join(Cluster.region).options(contains_eager(Cluster.region))
        if region_code is not None:
            statement = statement.where(Region.code == region_code)
        ascending = (not_(Cluster.is_partner), not_(Cluster.is_coordinator), Cluster.name, Cluster.id)
        if params.cursor:
            partner, coordinator, name, last_id = decode_cursor(params.cursor, CURSOR_KEYS)
            statement = statement.where(tuple_(*ascending) > tuple_(not partner, not coordinator, name, last_id))
        statement = statement.order_by(*ascending).limit(params.limit + 1)
        rows = list((await self.session.scalars(statement)).all())
        if len(rows) <= params.limit:
            return rows, None
        rows = rows[: params.limit]
        last = rows[-1]
        return rows, encode_cursor([last.is_partner, last.is_coordinator, last.name, last.id])

    async def get(self, cluster_id: uuid.UUID, *, lock: bool = False) -> Cluster | None:
        """The cluster with its region; `lock` holds the cluster row until the transaction ends (for writes)."""
        statement = (
            select(Cluster).join(Cluster.region).options(contains_eager(Cluster.region))
            .where(Cluster.id == cluster_id)
        )
        if lock:
            statement = statement.with_for_update(of=Cluster)
        return (await self.session.scalars(statement)).one_or_none()

    async def state_changes(self, cluster_id: uuid.UUID) -> list[ClusterStateChange]:
        statement = (
            select(ClusterStateChange).where(ClusterStateChange.cluster_id == cluster_id)
            .order_by(ClusterStateChange.changed_at, ClusterStateChange.id)
        )
        return list((await self.session.scalars(statement)).all())

    async def add_state_change(self, change: ClusterStateChange) -> None:
        self.session.add(change)
        await self.session.flush()

    async def flush(self) -> None:
        await self.session.flush()

    async def members_page(
        self, cluster_id: uuid.UUID, *, visibilities: list[str], params: PageParams
    ) -> tuple[list[Organisation], str | None]:
        """The cluster's member organisations the caller may see (merged duplicates left out), by name."""
        statement = (
            select(Organisation)
            .join(organisation_cluster, organisation_cluster.c.organisation_id == Organisation.id)
            .where(
                organisation_cluster.c.cluster_id == cluster_id,
                Organisation.visibility.in_(visibilities),
                Organisation.merged_into_id.is_(None),
            )
            .options(load_only(
                Organisation.id, Organisation.name, Organisation.kind, Organisation.city, Organisation.region_code,
                raiseload=True,
            ))
        )
        return await paginate(self.session, statement, keys=[Organisation.name, Organisation.id], params=params)
