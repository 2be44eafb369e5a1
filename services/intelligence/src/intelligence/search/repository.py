"""All SQL of the searches and the map: matches, one keyset page of them, and their counts in one statement."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Row, and_, func, literal, literal_column, null, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams

from intelligence.access import Access
from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation
from intelligence.region.models import Region
from intelligence.search import keyset
from intelligence.search.facets import Counts, counts_query, opportunity_facets, organisation_facets, read_counts
from intelligence.search.filters import Conditions, opportunity_conditions, organisation_conditions
from intelligence.search.keyset import SortKey
from intelligence.search.schemas import OpportunityCriteria, OrganisationCriteria
from intelligence.search.text_query import TextQuery

# sorts after every real deadline (asyncpg reads it as date.max and writes date.max back as infinity, so a
# cursor holds it); a constant, not a parameter, so the sort key is the expression of the index
# ix_opportunity_browse_order also under a generic plan
NO_DEADLINE = literal_column("'infinity'::date", type_=Date)

OPPORTUNITY_COLUMNS = (
    Opportunity.id, Opportunity.kind, Opportunity.title, Opportunity.summary, Opportunity.region_codes,
    Opportunity.country_codes, Opportunity.priorities, Opportunity.deadline, Opportunity.budget_eur,
    Opportunity.status, Opportunity.visibility, Opportunity.lon, Opportunity.lat, Opportunity.created_at,
    Opportunity.published_at,
)
ORGANISATION_COLUMNS = (
    Organisation.id, Organisation.kind, Organisation.name, Organisation.description, Organisation.country_code,
    Organisation.region_code, Organisation.city, Organisation.priorities, Organisation.nace_codes,
    Organisation.size_class, Organisation.value_chain, Organisation.website, Organisation.visibility,
    Organisation.lon, Organisation.lat, Organisation.created_at,
)


@dataclass(frozen=True)
class SearchRows:
    rows: list[Row[Any]]  # the page: the model's columns plus `rank` and `is_new`
    next_cursor: str | None
    counts: Counts


def opportunity_is_new(since: datetime) -> ColumnElement[bool]:
    """Created, or published, after `since`."""
    return func.greatest(Opportunity.created_at, Opportunity.published_at) > since


def organisation_is_new(since: datetime) -> ColumnElement[bool]:
    return Organisation.created_at > since


def _text(criteria: OpportunityCriteria | OrganisationCriteria) -> TextQuery | None:
    return TextQuery(criteria.q) if criteria.q else None


class SearchRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def search_opportunities(
        self, criteria: OpportunityCriteria, *, access: Access, today: date, page: PageParams,
        new_since: datetime | None = None,
    ) -> SearchRows:
        """Ranked by relevance with `q`; otherwise by deadline (soonest first, none last), then newest."""
        o = Opportunity
        text = _text(criteria)
        conditions = opportunity_conditions(criteria, access=access, today=today, text=text)
        if text is not None:
            rank = text.opportunity_rank(today=today)
            keys = keyset.by_rank(rank, o.id)
        else:
            rank = null()
            keys = [
                SortKey(func.coalesce(o.deadline, NO_DEADLINE), False, date.fromisoformat),
                SortKey(o.created_at, True, datetime.fromisoformat),
                SortKey(o.id, False, uuid.UUID),
            ]
        new = opportunity_is_new(new_since) if new_since else None
        return await self._search(
            o, OPPORTUNITY_COLUMNS, criteria, conditions=conditions, keys=keys, rank=rank, page=page, new=new,
            facets=opportunity_facets(today=today),
        )

    async def search_organisations(
        self, criteria: OrganisationCriteria, *, access: Access, page: PageParams, new_since: datetime | None = None
    ) -> SearchRows:
        """Ranked by relevance with `q`; otherwise by name."""
        g = Organisation
        text = _text(criteria)
        conditions = organisation_conditions(criteria, access=access, text=text)
        if text is not None:
            rank = text.rank(g.search_vector)
            keys = keyset.by_rank(rank, g.id)
        else:
            rank = null()
            keys = [SortKey(g.name, False, str), SortKey(g.id, False, uuid.UUID)]
        new = organisation_is_new(new_since) if new_since else None
        return await self._search(
            g, ORGANISATION_COLUMNS, criteria, conditions=conditions, keys=keys, rank=rank, page=page, new=new,
            facets=organisation_facets(),
        )

    async def _search(
        self, model: Any, columns: tuple[Any, ...], criteria: Any, *, conditions: Conditions, keys: list[SortKey],
        rank: Any, page: PageParams, new: Any, facets: list[Any],
    ) -> SearchRows:
        search = keyset.fingerprint(criteria)
        # the matches with their sort keys as columns (a ranked search sorts by its `rank` column), then the
        # page of them after the cursor
        ranked = keys[0].expression is rank
        matches = select(
            *columns,
            rank.label("rank"),
            (new if new is not None else literal(False)).label("is_new"),
            *(key.expression.label(f"sort_{i}") for i, key in enumerate(keys) if not (ranked and i == 0)),
        ).where(*conditions.all())
        if ranked:
            # a fence (OFFSET 0 keeps the subquery whole): the rank is computed once per match, not once more
            # for the sort and for the cursor
            matches = matches.offset(0)
        hit = matches.subquery("hit")
        names = ["rank" if ranked and i == 0 else f"sort_{i}" for i in range(len(keys))]
        keys = [SortKey(hit.c[name], key.descending, key.decode) for name, key in zip(names, keys, strict=True)]
        statement = select(hit)
        if page.cursor:
            statement = statement.where(keyset.after(keys, keyset.decode(page.cursor, keys, search=search)))
        statement = statement.order_by(*(key.ordering() for key in keys)).limit(page.limit + 1)
        rows = list((await self.session.execute(statement)).all())
        next_cursor = None
        if len(rows) > page.limit:
            rows = rows[: page.limit]
            last = rows[-1]
            next_cursor = keyset.encode([getattr(last, name) for name in names], search=search)
        counted = await self.session.execute(counts_query(model, facets, conditions, new=new))
        return SearchRows(rows=rows, next_cursor=next_cursor, counts=read_counts(list(counted.all()), facets))

    async def count_new_opportunities(
        self, criteria: OpportunityCriteria, *, access: Access, today: date, since: datetime
    ) -> int:
        conditions = opportunity_conditions(criteria, access=access, today=today, text=_text(criteria))
        statement = select(func.count()).select_from(Opportunity).where(*conditions.all(), opportunity_is_new(since))
        return await self.session.scalar(statement) or 0

    async def count_new_organisations(self, criteria: OrganisationCriteria, *, access: Access, since: datetime) -> int:
        conditions = organisation_conditions(criteria, access=access, text=_text(criteria))
        statement = select(func.count()).select_from(Organisation).where(*conditions.all(), organisation_is_new(since))
        return await self.session.scalar(statement) or 0

    async def opportunity_points(
        self, criteria: OpportunityCriteria, *, access: Access, today: date, limit: int
    ) -> list[Row[Any]]:
        """Opportunities at their point, or else at their first region's label point (`approximate`)."""
        o = Opportunity
        region = Region.__table__.alias("first_region")
        lon = func.coalesce(o.lon, region.c.label_lon)
        lat = func.coalesce(o.lat, region.c.label_lat)
        conditions = opportunity_conditions(
            criteria, access=access, today=today, text=_text(criteria), point=(lon, lat)
        )
        statement = (
            select(
                o.id, lon.label("lon"), lat.label("lat"), o.title.label("label"), o.kind, o.priorities,
                o.region_codes[1].label("region"), o.lon.is_(None).label("approximate"),
            )
            .select_from(o)
            .outerjoin(region, region.c.code == o.region_codes[1])
            .where(*conditions.all(), or_(o.lon.is_not(None), region.c.code.is_not(None)))
            .order_by(o.id)
            .limit(limit)
        )
        return list((await self.session.execute(statement)).all())

    async def organisation_points(
        self, criteria: OrganisationCriteria, *, access: Access, limit: int
    ) -> list[Row[Any]]:
        """Organisations that have a point."""
        g = Organisation
        conditions = organisation_conditions(criteria, access=access, text=_text(criteria))
        statement = (
            select(
                g.id, g.lon, g.lat, g.name.label("label"), g.kind, g.priorities, g.region_code.label("region"),
                literal(False).label("approximate"),
            )
            .where(*conditions.all(), and_(g.lon.is_not(None), g.lat.is_not(None)))
            .order_by(g.id)
            .limit(limit)
        )
        return list((await self.session.execute(statement)).all())

