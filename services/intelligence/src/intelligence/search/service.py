"""Searching opportunities and organisations, and the points of the map, as the caller may see them.

Who sees what is decided per caller (see filters.py and access.py): anonymous visitors find public records
only, and a consortium-only record never enters their results, totals or facet counts; drafts are found
only by the managers of the owning region and the consortium admin.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row
from tex4im_common.pagination import PageParams

from intelligence.access import Access
from intelligence.search.repository import SearchRepository
from intelligence.search.results import (
    MapPoint,
    MapPoints,
    OpportunityFacets,
    OpportunityHit,
    OpportunitySearchPage,
    OrganisationFacets,
    OrganisationHit,
    OrganisationSearchPage,
)
from intelligence.search.schemas import MapCriteria, OpportunityCriteria, OrganisationCriteria
from intelligence.search.text_query import snippet

MAP_POINT_CAP = 10_000


def today_utc() -> date:
    """The day deadlines, boosts and buckets are reckoned by."""
    return datetime.now(UTC).date()


def _float(value: Any) -> float | None:
    return float(value) if value is not None else None


def _rank(value: Any) -> float | None:
    return round(value, 6) if value is not None else None


def opportunity_hit(row: Row[Any]) -> dict[str, Any]:
    """The fields of an `OpportunityHit` from a row of the repository's opportunity columns."""
    return {
        "id": row.id, "kind": row.kind, "title": row.title, "summary": snippet(row.summary) or "",
        "region_codes": list(row.region_codes), "country_codes": list(row.country_codes),
        "priorities": list(row.priorities), "deadline": row.deadline, "budget_eur": row.budget_eur,
        "status": row.status, "visibility": row.visibility, "lon": _float(row.lon), "lat": _float(row.lat),
        "rank": _rank(getattr(row, "rank", None)), "created_at": row.created_at, "published_at": row.published_at,
    }


def organisation_hit(row: Row[Any]) -> dict[str, Any]:
    """The fields of an `OrganisationHit` from a row of the repository's organisation columns."""
    return {
        "id": row.id, "kind": row.kind, "name": row.name, "description": snippet(row.description),
        "country_code": row.country_code, "region_code": row.region_code, "city": row.city,
        "priorities": list(row.priorities), "nace_codes": list(row.nace_codes), "size_class": row.size_class,
        "value_chain": list(row.value_chain), "website": row.website, "visibility": row.visibility,
        "lon": _float(row.lon), "lat": _float(row.lat), "rank": _rank(row.rank), "created_at": row.created_at,
    }


class SearchService:
    def __init__(self, repository: SearchRepository) -> None:
        self.repository = repository

    async def search_opportunities(
        self, *, access: Access, criteria: OpportunityCriteria, page: PageParams
    ) -> OpportunitySearchPage:
        found = await self.repository.search_opportunities(criteria, access=access, today=today_utc(), page=page)
        return OpportunitySearchPage(
            items=[OpportunityHit(**opportunity_hit(r)) for r in found.rows], next_cursor=found.next_cursor,
            total=found.counts.total, facets=OpportunityFacets(**found.counts.facets),
        )

    async def search_organisations(
        self, *, access: Access, criteria: OrganisationCriteria, page: PageParams
    ) -> OrganisationSearchPage:
        found = await self.repository.search_organisations(criteria, access=access, page=page)
        return OrganisationSearchPage(
            items=[OrganisationHit(**organisation_hit(r)) for r in found.rows], next_cursor=found.next_cursor,
            total=found.counts.total, facets=OrganisationFacets(**found.counts.facets),
        )

    async def map_points(self, *, access: Access, criteria: MapCriteria) -> MapPoints:
        """Opportunities first, then organisations, up to the cap; `truncated` says some were left out."""
        rows: list[tuple[str, Row[Any]]] = []
        opportunities = criteria.for_opportunities()
        if opportunities is not None:
            found = await self.repository.opportunity_points(
                opportunities, access=access, today=today_utc(), limit=MAP_POINT_CAP + 1
            )
            rows += [("opportunity", r) for r in found]
        organisations = criteria.for_organisations()
        if organisations is not None and len(rows) <= MAP_POINT_CAP:
            found = await self.repository.organisation_points(
                organisations, access=access, limit=MAP_POINT_CAP + 1 - len(rows)
            )
            rows += [("organisation", r) for r in found]
        points = [
            MapPoint(
                type=kind, id=r.id, lon=float(r.lon), lat=float(r.lat), label=r.label, kind=r.kind,
                priorities=list(r.priorities), region=r.region, approximate=r.approximate,
            )
            for kind, r in rows[:MAP_POINT_CAP]
        ]
        return MapPoints(points=points, truncated=len(rows) > MAP_POINT_CAP)
