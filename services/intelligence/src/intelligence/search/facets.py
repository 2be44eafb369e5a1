"""The facets of each search: what each one counts, and the one query that counts them all with the total.

Each facet counts distinct records per value under every active filter but its own (see filters.py); an
array column counts a record once under each of its values; NACE codes count under their division (C13).

How the one query does it, in one pass over the matches: a record that fails two of the active facet
filters counts nowhere, so only the records that fail at most one are read, each with the name of the
filter it fails (`failing`, NULL when it passes them all). They are grouped by each facet's column with
GROUPING SETS - a few hundred groups, whatever the number of matches - and every group counts, per facet,
its records that fail nothing or only that facet's filter (`count(*) FILTER`); a facet adds up its own
groups' counts, and an array's groups are split into their distinct values only then, so nothing is
unnested per record. The total (and how many are new) count the records that fail nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import reduce
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    null,
    or_,
    select,
    true,
    union_all,
)

from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation
from intelligence.search.filters import Condition, Conditions, deadline_bucket, nace_division
from intelligence.search.results import FacetCount

TOTAL, NEW = "_total", "_new"


@dataclass(frozen=True)
class Facet:
    name: str
    column: ColumnElement[Any]  # the record's value, or its array of values when `each` is set
    each: Callable[[ColumnElement[Any]], ColumnElement[Any]] | None = None  # an array element's value


def _element(value: ColumnElement[Any]) -> ColumnElement[Any]:
    return value


def opportunity_facets(*, today: date) -> list[Facet]:
    o = Opportunity
    return [
        Facet("region", o.region_codes, _element),
        Facet("country", o.country_codes, _element),
        Facet("kind", o.kind),
        Facet("priority", o.priorities, _element),
        Facet("nace", o.nace_codes, nace_division),
        Facet("status", o.status),
        Facet("deadline", deadline_bucket(o.deadline, today=today)),
    ]


def organisation_facets() -> list[Facet]:
    g = Organisation
    return [
        Facet("region", g.region_code),
        Facet("country", g.country_code),
        Facet("kind", g.kind),
        Facet("priority", g.priorities, _element),
        Facet("nace", g.nace_codes, nace_division),
        Facet("size_class", g.size_class),
    ]


def _row(name: str, value: ColumnElement[Any], count: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    return [literal(name, String).label("facet"), cast(value, String).label("value"),
            cast(count, BigInteger).label("n")]


def _matched(model: Any, facets: list[Facet], conditions: Conditions, new: Condition | None) -> Any:
    """The records passing `always` and failing at most one facet filter: facet columns, `failing`, `is_new`."""
    filters = conditions.by_facet
    records = select(
        *(facet.column.label(f"f_{i}") for i, facet in enumerate(facets)),
        (new if new is not None else false()).label("is_new"),
        *(condition.label(f"passes_{name}") for name, condition in filters.items()),
    ).select_from(model).where(*conditions.always)
    if len(filters) > 1:
        records = records.offset(0)  # a fence: each filter is evaluated once per record, not once per use below
    record = records.subquery("record")
    passes = {name: record.c[f"passes_{name}"] for name in filters}
    failing: ColumnElement[Any] = null()
    if passes:  # the name of the one filter a record fails, NULL when it passes them all
        failing = case(*((passed.is_not(True), literal(name, String)) for name, passed in passes.items()))
    at_most_one: list[Condition] = []
    if len(passes) > 1:
        at_most_one.append(reduce(lambda a, b: a + b, (case((passed, 0), else_=1) for passed in passes.values())) <= 1)
    return select(
        *(record.c[f"f_{i}"] for i in range(len(facets))), failing.label("failing"), record.c.is_new,
    ).where(*at_most_one).subquery("matched")


def counts_query(
    model: Any, facets: list[Facet], conditions: Conditions, *, new: Condition | None = None
) -> Select[Any]:
    """One statement: the total (and how many are new) and every facet's value counts, as (facet, value, n)."""
    matched = _matched(model, facets, conditions, new)
    columns = [matched.c[f"f_{i}"] for i in range(len(facets))]
    passing = matched.c.failing.is_(None)
    # per-facet FILTER counts rather than `failing` as one more grouping column: the planner would multiply
    # the distinct values of every column `failing` reads, expect far too many groups and sort them on disk
    groups = (
        select(
            *columns,
            func.count().filter(passing).label("n"),
            func.count().filter(and_(passing, matched.c.is_new)).label("n_new"),
            *(
                func.count().filter(or_(passing, matched.c.failing == facet.name)).label(f"n_{i}")
                for i, facet in enumerate(facets)
            ),
            func.grouping(*columns).label("grouping_set"),
        )
        .group_by(func.grouping_sets(*columns))
        .cte("facet_group")
    )

    def grouped_by(i: int) -> ColumnElement[bool]:  # GROUPING() sets the bit of each column left out
        return groups.c.grouping_set == sum(1 << (len(facets) - 1 - j) for j in range(len(facets)) if j != i)

    def overall(name: str, count: ColumnElement[Any]) -> Select[Any]:  # every record is in each grouping set
        return select(*_row(name, null(), func.coalesce(func.sum(count), 0))).where(grouped_by(0))

    parts = [overall(TOTAL, groups.c.n), *([overall(NEW, groups.c.n_new)] if new is not None else [])]
    for i, facet in enumerate(facets):
        column, count = groups.c[f"f_{i}"], groups.c[f"n_{i}"]
        if facet.each is None:
            value, source = column, groups
        else:
            element = func.unnest(column).table_valued("element").render_derived()
            values = select(facet.each(element.c.element).label("value")).distinct().lateral(f"value_{i}")
            value, source = values.c.value, groups.join(values, true())
        parts.append(
            select(*_row(facet.name, value, func.sum(count)))
            .select_from(source)
            .where(grouped_by(i), count > 0, value.is_not(None))
            .group_by(value)
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
