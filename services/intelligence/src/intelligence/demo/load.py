"""Writing the demo data set in one transaction, with the events a manager's typing would have published."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.cluster import events as cluster_events
from intelligence.cluster.escp import MEMBER_FIELDS
from intelligence.cluster.models import Cluster, ClusterStateChange
from intelligence.db import outbox
from intelligence.demo.clusters import fill_profile, s3_priorities
from intelligence.demo.ids import demo_member_organisation_id
from intelligence.demo.opportunities import build_opportunities
from intelligence.demo.organisations import build_organisations
from intelligence.demo.places import REGION_CODES
from intelligence.opportunity import events as opportunity_events
from intelligence.organisation import events as organisation_events
from intelligence.organisation.models import Organisation, organisation_cluster
from intelligence.region.models import Region

# the event a manager's API call would have recorded for a new record in each status
OPPORTUNITY_EVENT = {"open": opportunity_events.PUBLISHED, "closed": opportunity_events.CLOSED,
                     "draft": opportunity_events.CREATED}
CLUSTER_PROFILE_FIELDS = (
    *MEMBER_FIELDS, "website_en", "description", "management_fte", "industrial_ecosystems", "nace_codes",
    "s3_priorities", "esca_label", "support_programme", "eccp_profile_url", "partnership_agreement_signed_on",
)


async def demo_is_loaded(session: AsyncSession) -> bool:
    return await session.get(Organisation, demo_member_organisation_id(REGION_CODES[0])) is not None


async def load_intelligence_demo(session: AsyncSession, *, today: date) -> int:
    """Load the demo data set into the caller's transaction, dated around `today`; returns the organisations created.

    Does nothing (returns 0) when the demo data set is already there. Never commits: the caller does.
    """
    if await demo_is_loaded(session):
        return 0
    regions = {r.code: r for r in await session.scalars(select(Region))}
    organisations = build_organisations()
    session.add_all(organisations.organisations)
    await session.flush()
    clusters = {
        code: cluster
        for cluster, code in (await session.execute(
            select(Cluster, Region.code).join(Region, Cluster.region_id == Region.id).where(Cluster.is_partner)
        )).all()
    }
    memberships = [
        {"organisation_id": org_id, "cluster_id": clusters[code].id}
        for code, members in organisations.cluster_members.items()
        for org_id in members
    ]
    await session.execute(insert(organisation_cluster), memberships)
    session.add_all(organisations.duplicates)

    opportunities = build_opportunities(organisations.by_region, today=today)
    session.add_all(opportunities.opportunities)
    await session.flush()
    session.add_all(opportunities.interests)

    session.add_all(s3_priorities(regions))
    history = {code: fill_profile(cluster, region_code=code, region_name=regions[code].name, today=today)
               for code, cluster in clusters.items()}
    session.add_all([change for changes in history.values() for change in changes])
    await session.flush()

    for org in organisations.organisations:
        await outbox.record_event(
            session, type=organisation_events.CREATED, aggregate_type=organisation_events.AGGREGATE,
            aggregate_id=str(org.id), payload=organisation_events.organisation_payload(org),
        )
    for opportunity in opportunities.opportunities:
        await opportunity_events.record_change(session, opportunity, type=OPPORTUNITY_EVENT[opportunity.status])
    interest_counts: Counter[uuid.UUID] = Counter()
    for interest in opportunities.interests:
        interest_counts[interest.opportunity_id] += 1
        await opportunity_events.record_interest(session, interest.opportunity_id,
                                                 type=opportunity_events.INTEREST_EXPRESSED,
                                                 count=interest_counts[interest.opportunity_id])
    for code, cluster in clusters.items():
        await _record_cluster_events(session, cluster, code, history[code])
    return len(organisations.organisations)


async def _record_cluster_events(session: AsyncSession, cluster: Cluster, region_code: str,
                                 changes: list[ClusterStateChange]) -> None:
    """The profile update, then each ESCP-S3 step, with the payloads the cluster API records."""
    await outbox.record_event(
        session, type=cluster_events.UPDATED, aggregate_type=cluster_events.AGGREGATE, aggregate_id=str(cluster.id),
        payload={**cluster_events.cluster_payload(cluster, region_code=region_code),
                 "changed": sorted(CLUSTER_PROFILE_FIELDS)},
    )
    for change in changes:
        await outbox.record_event(
            session, type=cluster_events.ESCP_STATE_CHANGED, aggregate_type=cluster_events.AGGREGATE,
            aggregate_id=str(cluster.id),
            payload={"id": str(cluster.id), "acronym": cluster.acronym, "region_code": region_code,
                     "from_state": change.from_state, "to_state": change.to_state, "changed_at": change.changed_at,
                     "version": cluster.version},
        )
