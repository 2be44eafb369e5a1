"""Clusters: public ECCP profiles; their region's managers and the admin keep them and move their ESCP-S3 state."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.concurrency import check_if_match
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from intelligence.access import Access
from intelligence.cluster import events
from intelligence.cluster.escp import MEMBER_FIELDS, check_step, next_states, readiness, total_members
from intelligence.cluster.models import Cluster, ClusterStateChange
from intelligence.cluster.repository import ClusterRepository
from intelligence.cluster.schemas import (
    ClusterDetailOut,
    ClusterMemberOut,
    ClusterMemberPage,
    ClusterPage,
    ClusterPatch,
    ClusterSummaryOut,
    StateChangeOut,
    TransitionIn,
)
from intelligence.db import outbox
from intelligence.errors import ClusterNotFound

DETAIL_FIELDS = (
    "managed_by", "description", "year_established", *MEMBER_FIELDS, "industrial_ecosystems", "nace_codes",
    "s3_priorities", "esca_valid_until", "support_programme", "eccp_profile_url", "partnership_agreement_signed_on",
    "escp_state_changed_at", "version",
)


def _summary_fields(cluster: Cluster) -> dict[str, Any]:
    return {
        "id": cluster.id, "name": cluster.name, "acronym": cluster.acronym,
        "country_code": cluster.region.country_code, "region_code": cluster.region.code,
        "region_name": cluster.region.name, "is_partner": cluster.is_partner, "is_coordinator": cluster.is_coordinator,
        "website_en": cluster.website_en, "members_total": total_members(cluster), "esca_label": cluster.esca_label,
        "escp_state": cluster.escp_state,
    }


def _detail(cluster: Cluster, history: list[ClusterStateChange] | None) -> ClusterDetailOut:
    criteria = readiness(cluster)
    fte = cluster.management_fte
    return ClusterDetailOut(
        **_summary_fields(cluster),
        **{field: getattr(cluster, field) for field in DETAIL_FIELDS},
        management_fte=f"{fte.normalize():f}" if fte is not None else None,
        next_states=next_states(cluster.escp_state),
        ready=all(c.met for c in criteria),
        readiness=criteria,
        state_history=[StateChangeOut.model_validate(c) for c in history] if history is not None else None,
    )


class ClusterService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repository = ClusterRepository(session)

    async def list_clusters(self, *, params: PageParams, region_code: str | None) -> ClusterPage:
        clusters, next_cursor = await self.repository.list_page(
            params, region_code=region_code.upper() if region_code else None
        )
        return ClusterPage(items=[ClusterSummaryOut(**_summary_fields(c)) for c in clusters], next_cursor=next_cursor)

    async def get_cluster(self, *, access: Access, cluster_id: uuid.UUID) -> ClusterDetailOut:
        """Anyone may read a cluster's profile; its state history (who did what) only the partnership."""
        cluster = await self._cluster(cluster_id)
        return await self._out(access, cluster)

    async def update_cluster(
        self, *, access: Access, cluster_id: uuid.UUID, data: ClusterPatch, if_match: str | None
    ) -> ClusterDetailOut:
        access.require_user()
        cluster = await self._cluster(cluster_id, lock=True)
        access.require_region_manager(cluster.region.code, what="change its cluster's profile")
        check_if_match(if_match, cluster.version)
        changes = {k: v for k, v in data.model_dump(exclude_unset=True).items() if getattr(cluster, k) != v}
        label = changes.get("esca_label", cluster.esca_label)
        if label is None and changes.get("esca_valid_until", cluster.esca_valid_until) is not None:
            raise InvalidInput(
                "An ESCA label validity date needs an ESCA label.",
                errors=[FieldProblem(field="body.esca_valid_until", message="set esca_label too, or clear this date",
                                     code="needs_esca_label")],
            )
        if changes:
            for field, value in changes.items():
                setattr(cluster, field, value)
            await self.repository.flush()
            await outbox.record_event(
                self.session, type=events.UPDATED, aggregate_type=events.AGGREGATE, aggregate_id=str(cluster.id),
                payload={**events.cluster_payload(cluster, region_code=cluster.region.code),
                         "changed": sorted(changes)},
            )
        return await self._out(access, cluster)

    async def transition(
        self, *, access: Access, cluster_id: uuid.UUID, data: TransitionIn, if_match: str | None
    ) -> ClusterDetailOut:
        """Move the cluster one ESCP-S3 step (escp.py says which steps exist and who may take them)."""
        identity = access.require_user()
        cluster = await self._cluster(cluster_id, lock=True)
        check_if_match(if_match, cluster.version)
        target, comment = data.to_state.value, (data.comment or "").strip() or None
        check_step(cluster, region_code=cluster.region.code, target=target, access=access, comment=comment)
        now, source = datetime.now(UTC), cluster.escp_state
        cluster.escp_state, cluster.escp_state_changed_at = target, now
        await self.repository.flush()
        await self.repository.add_state_change(ClusterStateChange(
            cluster_id=cluster.id, from_state=source, to_state=target, changed_by=identity.subject,
            changed_by_name=identity.name, comment=comment, changed_at=now,
        ))
        await outbox.record_event(
            self.session, type=events.ESCP_STATE_CHANGED, aggregate_type=events.AGGREGATE,
            aggregate_id=str(cluster.id),
            payload={"id": str(cluster.id), "acronym": cluster.acronym, "region_code": cluster.region.code,
                     "from_state": source, "to_state": target, "changed_at": now, "version": cluster.version},
        )
        return await self._out(access, cluster)

    async def members(self, *, access: Access, cluster_id: uuid.UUID, params: PageParams) -> ClusterMemberPage:
        """The cluster's member organisations the caller may see: public ones for anonymous visitors."""
        await self._cluster(cluster_id)
        organisations, next_cursor = await self.repository.members_page(
            cluster_id, visibilities=access.visibilities(), params=params
        )
        return ClusterMemberPage(
            items=[ClusterMemberOut.model_validate(o) for o in organisations], next_cursor=next_cursor
        )

    async def _cluster(self, cluster_id: uuid.UUID, *, lock: bool = False) -> Cluster:
        cluster = await self.repository.get(cluster_id, lock=lock)
        if cluster is None:
            raise ClusterNotFound(f"There is no cluster {cluster_id}.")
        return cluster

    async def _out(self, access: Access, cluster: Cluster) -> ClusterDetailOut:
        history = await self.repository.state_changes(cluster.id) if access.in_consortium else None
        return _detail(cluster, history)
