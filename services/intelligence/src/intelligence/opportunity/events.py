"""What the event feed says about opportunities: public display fields and counts, never who is interested."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.db import outbox
from intelligence.opportunity.models import Opportunity

AGGREGATE = "opportunity"
CREATED, PUBLISHED, UPDATED, CLOSED = (
    "opportunity.created", "opportunity.published", "opportunity.updated", "opportunity.closed",
)
INTEREST_EXPRESSED, INTEREST_WITHDRAWN = "opportunity.interest_expressed", "opportunity.interest_withdrawn"


def opportunity_payload(opportunity: Opportunity) -> dict[str, Any]:
    """The display fields consumers keep; `visibility` tells them whether they may show it to the public."""
    return {
        "id": str(opportunity.id),
        "kind": opportunity.kind,
        "title": opportunity.title,
        "status": opportunity.status,
        "visibility": opportunity.visibility,
        "region_codes": list(opportunity.region_codes),
        "priorities": list(opportunity.priorities),
        "deadline": opportunity.deadline.isoformat() if opportunity.deadline else None,
        "link": opportunity.link,
        "owner_region_code": opportunity.owner_region_code,
        "version": opportunity.version,
    }


async def record_change(session: AsyncSession, opportunity: Opportunity, *, type: str) -> None:
    await outbox.record_event(
        session, type=type, aggregate_type=AGGREGATE, aggregate_id=str(opportunity.id),
        payload=opportunity_payload(opportunity),
    )


async def record_interest(session: AsyncSession, opportunity_id: uuid.UUID, *, type: str, count: int) -> None:
    """An interest expressed or withdrawn: the opportunity and the new count only, no personal data."""
    await outbox.record_event(
        session, type=type, aggregate_type=AGGREGATE, aggregate_id=str(opportunity_id),
        payload={"opportunity_id": str(opportunity_id), "interest_count": count},
    )
