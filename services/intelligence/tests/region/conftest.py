import uuid
from typing import Any

import pytest
from intelligence.db import outbox
from intelligence.opportunity.models import Opportunity, OpportunityInterest
from intelligence.organisation.models import Organisation
from sqlalchemy import select


def reference_id(kind: str, key: str) -> uuid.UUID:
    """The stable id the migrations gave a reference row."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:{kind}:{key}")


@pytest.fixture
def add_organisation(session):
    async def add(name: str, region: str, *, visibility: str = "public", merged_into: Organisation | None = None
                  ) -> Organisation:
        organisation = Organisation(
            name=name, kind="company", country_code=region[:2], region_code=region, visibility=visibility,
            merged_into_id=merged_into.id if merged_into else None,
        )
        session.add(organisation)
        await session.flush()
        return organisation

    return add


@pytest.fixture
def add_opportunity(session):
    async def add(title: str, owner: str, *, status: str = "open", visibility: str = "public",
                  regions: tuple[str, ...] = (), interests: int = 0) -> Opportunity:
        opportunity = Opportunity(
            kind="business_cooperation", title=title, summary="Test opportunity.", owner_region_code=owner,
            region_codes=list(regions), status=status, visibility=visibility, created_by="someone",
        )
        session.add(opportunity)
        await session.flush()
        session.add_all(
            [OpportunityInterest(opportunity_id=opportunity.id, subject=f"user-{i}") for i in range(interests)]
        )
        await session.flush()
        return opportunity

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
