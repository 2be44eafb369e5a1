"""The SQL behind the scorecard's live platform figures: counts per region, limited to visible records."""

from __future__ import annotations

from sqlalchemy import ColumnElement, any_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.cluster.models import Cluster
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.models import Organisation
from intelligence.region.models import Region
from intelligence.vocab import OpportunityStatus

PUBLISHED = (OpportunityStatus.open.value, OpportunityStatus.closed.value)


def _concerns_region(region_code: ColumnElement[str]) -> ColumnElement[bool]:
    """An opportunity belongs to a region's figures when the region looks after it or it is located there."""
    return or_(Opportunity.owner_region_code == region_code, region_code == any_(Opportunity.region_codes))


class PlatformFiguresRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def organisations(self, visibilities: list[str]) -> dict[str, int]:
        statement = (
            select(Organisation.region_code, func.count())
            .where(
                Organisation.region_code.is_not(None),
                Organisation.merged_into_id.is_(None),
                Organisation.visibility.in_(visibilities),
            )
            .group_by(Organisation.region_code)
        )
        return {code: count for code, count in (await self.session.execute(statement)).all()}

    async def open_opportunities(self, visibilities: list[str]) -> dict[str, int]:
        statement = (
            select(Region.code, func.count(Opportunity.id))
            .join(Opportunity, _concerns_region(Region.code))
            .where(Opportunity.status == OpportunityStatus.open.value, Opportunity.visibility.in_(visibilities))
            .group_by(Region.code)
        )
        return {code: count for code, count in (await self.session.execute(statement)).all()}

    async def interests(self, visibilities: list[str]) -> dict[str, int]:
        statement = (
            select(Region.code, func.count(OpportunityInterest.id))
            .join(Opportunity, _concerns_region(Region.code))
            .join(OpportunityInterest, OpportunityInterest.opportunity_id == Opportunity.id)
            .where(Opportunity.status.in_(PUBLISHED), Opportunity.visibility.in_(visibilities))
            .group_by(Region.code)
        )
        return {code: count for code, count in (await self.session.execute(statement)).all()}

    async def partner_clusters(self) -> dict[str, tuple[int, str | None]]:
        """Region code → (members of its partner clusters, ESCP-S3 state of its first partner cluster)."""
        members = (
            Cluster.members_sme + Cluster.members_large + Cluster.members_research + Cluster.members_university
            + Cluster.members_public + Cluster.members_other
        )
        statement = (
            select(Region.code, members, Cluster.escp_state)
            .join(Cluster, Cluster.region_id == Region.id)
            .where(Cluster.is_partner.is_(True))
            .order_by(Region.code, Cluster.is_coordinator.desc(), Cluster.name)
        )
        result: dict[str, tuple[int, str | None]] = {}
        for code, count, state in (await self.session.execute(statement)).all():
            total, first_state = result.get(code, (0, state))
            result[code] = (total + count, first_state)
        return result
