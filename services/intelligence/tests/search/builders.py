"""Small builders of registry rows for the search tests: sensible defaults, every field overridable."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation
from intelligence.search.service import today_utc
from sqlalchemy.ext.asyncio import AsyncSession


def days_from_today(days: int) -> date:
    return today_utc() + timedelta(days=days)


def days_ago(days: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


def opportunity(**fields: Any) -> Opportunity:
    values: dict[str, Any] = {
        "id": uuid.uuid4(), "kind": "business_cooperation", "title": "Partner wanted", "summary": "A partner.",
        "language": "en", "priorities": [], "region_codes": [], "country_codes": [], "nace_codes": [],
        "value_chain": [], "lon": None, "lat": None, "deadline": None, "budget_eur": None, "status": "open",
        "visibility": "public", "owner_region_code": "PT11", "created_by": "tests", "published_at": None,
        "created_at": days_ago(60),
    }
    return Opportunity(**(values | fields))


def organisation(**fields: Any) -> Organisation:
    values: dict[str, Any] = {
        "id": uuid.uuid4(), "name": "Fábrica Exemplo", "kind": "company", "country_code": "PT",
        "region_code": "PT11", "city": None, "lon": None, "lat": None, "nace_codes": [], "size_class": None,
        "value_chain": [], "capabilities": [], "certifications": [], "priorities": [], "description": None,
        "language": "en", "visibility": "public", "created_at": days_ago(60),
    }
    return Organisation(**(values | fields))


async def add(session: AsyncSession, *records: Any) -> None:
    """Insert the records (the triggers fill their search vectors)."""
    session.add_all(records)
    await session.flush()
