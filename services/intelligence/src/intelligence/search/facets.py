"""The facets of each search: what each one counts, and the one query that counts them all with the total.

Each facet counts distinct records per value under every active filter but its own (see filters.py); an
array column counts a record once under each of its values; NACE codes count under their division (C13).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, String, cast, distinct, func, literal, null, select, union_all

from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation
from intelligence.search.filters import Condition, Conditions, deadline_bucket, nace_division
from intelligence.search.results import FacetCount

TOTAL, NEW = "_total", "_new"


@dataclass(frozen=True)
class Facet:
    name: str
    value: ColumnElement[Any]  # may return a set (unnest): a record counts once per distinct value


def opportunity_facets(*, today: date) -> list[Facet]:
    o = Opportunity
    return [
        Facet("region", func.unnest(o.region_codes)),
        Facet("country", func.unnest(o.country_codes)),
        Facet("kind", o.kind),
        Facet("priority", func.unnest(o.priorities)),
        Facet("nace", nace_division(func.unnest(o.nace_codes))),
        Facet("status", o.status),
        Facet("deadline", deadline_bucket(o.deadline, today=today)),
    ]


def organisation_facets() -> list[Facet]:
    g = Organisation
    return [
        Facet("region", g.region_code),
        Facet("country", g.country_code),
        Facet("kind", g.kind),
        Facet("priority", func.unnest(g.priorities)),
        Facet("nace", nace_division(func.unnest(g.nace_codes))),
        Facet("size_class", g.size_class),
    ]


def _row(name: str, value: ColumnElement[Any], count: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    return [literal(name, String).label("facet"), cast(value, String).label("value"),
            cast(count, BigInteger).label("n")]


def counts_query(
    model: Any, facets: list[Facet], conditions: Conditions, *, new: Condition | None = None
) -> Select[Any]:
    """One statement: the total (and how many are new) and every facet's value counts, as (facet, value, n)."""
    parts: list[Select[Any]] = [select(*_row(TOTAL, null(), func.count())).select_from(model).where(*conditions.all())]
    if new is not None:
        parts.append(select(*_row(NEW, null(), func.count())).select_from(model).where(*conditions.all(), new))
    for facet in facets:
        values = select(model.id.label("id"), facet.value.label("value")).where(*conditions.without(facet.name))
        inner = values.subquery(f"facet_{facet.name}")
        parts.append(
            select(*_row(facet.name, inner.c.value, func.count(distinct(inner.c.id))))
            .where(inner.c.value.is_not(None))
            .group_by(inner.c.value)
        )
    return union_all(*parts)  # type: ignore[return-value]


@dataclass(frozen=True)
class Counts:
    total: int
    new: int
    facets: dict[str, list[FacetCount]]


def read_counts(rows: list[Any], facets: list[Facet]) -> Counts:
    """Rows of `counts_query` into the total and each facet's values, by count (highest first), then value."""
    by_facet: dict[str, list[FacetCount]] = defaultdict(list)
    total = new = 0
    for facet, value, n in rows:
        if facet == TOTAL:
            total = n
        elif facet == NEW:
            new = n
        else:
            by_facet[facet].append(FacetCount(value=value, count=n))
    return Counts(
        total=total, new=new,
        facets={f.name: sorted(by_facet[f.name], key=lambda c: (-c.count, c.value)) for f in facets},
    )
