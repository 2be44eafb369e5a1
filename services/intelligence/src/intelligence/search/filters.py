"""Criteria into SQL conditions, split so the facet counts can drop one filter at a time.

`always` holds what every count applies (who may see what, the words, the point and box, filters that are
no facet); `by_facet` holds each active facet filter under its facet's name. The matches are all of them;
a facet's counts are all but its own (disjunctive faceting: picking Norte still shows the other regions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, exists, func, literal, or_, select

from intelligence.access import Access
from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation, organisation_cluster
from intelligence.search.schemas import OpportunityCriteria, OrganisationCriteria, SearchFilters
from intelligence.search.text_query import TextQuery
from intelligence.vocab import OpportunityStatus

Condition = ColumnElement[bool]
DEADLINE_BUCKETS = ("overdue", "next_30_days", "next_90_days", "later", "none")


@dataclass
class Conditions:
    always: list[Condition] = field(default_factory=list)
    by_facet: dict[str, Condition] = field(default_factory=dict)

    def all(self) -> list[Condition]:
        return [*self.always, *self.by_facet.values()]

    def without(self, facet: str) -> list[Condition]:
        return [*self.always, *(c for name, c in self.by_facet.items() if name != facet)]


def _below(prefix: str) -> str | None:
    """The LIKE pattern of the codes under a NACE code: a division's groups, a group's classes; none for a class."""
    if "." not in prefix:
        return f"{prefix}.%"
    return f"{prefix}_" if len(prefix.split(".", 1)[1]) == 1 else None


def nace_matches(column: Any, codes: list[str]) -> Condition:
    """Any of the record's NACE codes is one of `codes` or below it (C13 matches C13.20; C13.2 matches C13.20)."""
    code = func.unnest(column).table_valued("code").render_derived()
    alternatives = []
    for prefix in codes:
        below = _below(prefix)
        same = code.c.code == prefix
        alternatives.append(same if below is None else or_(same, code.c.code.like(below)))
    return exists(select(literal(1)).select_from(code).where(or_(*alternatives)))


def nace_division(code: ColumnElement[str]) -> ColumnElement[str]:
    return func.split_part(code, ".", 1, type_=String)


def deadline_bucket(deadline: Any, *, today: date) -> ColumnElement[str]:
    return case(
        (deadline.is_(None), "none"),
        (deadline < today, "overdue"),
        (deadline <= today + timedelta(days=30), "next_30_days"),
        (deadline <= today + timedelta(days=90), "next_90_days"),
        else_="later",
    )


def _place(criteria: SearchFilters, own: tuple[Any, Any], drawn: tuple[Any, Any] | None) -> list[Condition]:
    """`has_point` asks about the record's own point; the box holds where it is drawn (the map may place a
    record without a point at its region's label point)."""
    conditions: list[Condition] = []
    if criteria.has_point is not None:
        conditions.append(own[0].is_not(None) if criteria.has_point else own[0].is_(None))
    if criteria.box is not None:
        lon, lat = drawn or own
        min_lon, min_lat, max_lon, max_lat = criteria.box
        conditions.append(and_(lon.between(min_lon, max_lon), lat.between(min_lat, max_lat)))
    return conditions


def opportunity_conditions(
    criteria: OpportunityCriteria, *, access: Access, today: date, text: TextQuery | None,
    point: tuple[Any, Any] | None = None,
) -> Conditions:
    """The caller sees public records, consortium ones when signed in, drafts only of the regions they manage.

    `point` is where the map draws a record (its own point or its region's label point) for the box.
    """
    o = Opportunity
    always: list[Condition] = [o.visibility.in_(access.visibilities())]
    if not access.is_admin:
        managed = sorted(access.managed_regions)
        always.append(or_(o.status != OpportunityStatus.draft.value, o.owner_region_code.in_(managed)))
    if text is not None:
        always.append(text.matches(o.search_vector))
    always += _place(criteria, (o.lon, o.lat), point)
    facets: dict[str, Condition] = {}
    if criteria.region:
        facets["region"] = o.region_codes.overlap(criteria.region)
    if criteria.country:
        facets["country"] = o.country_codes.overlap(criteria.country)
    if criteria.kind:
        facets["kind"] = o.kind.in_([k.value for k in criteria.kind])
    if criteria.priority:
        facets["priority"] = o.priorities.overlap(list(criteria.priority))
    if criteria.nace:
        facets["nace"] = nace_matches(o.nace_codes, criteria.nace)
    facets["status"] = o.status.in_([s.value for s in criteria.status])
    if criteria.deadline_from or criteria.deadline_to:
        facets["deadline"] = and_(
            o.deadline.is_not(None),
            *([o.deadline >= criteria.deadline_from] if criteria.deadline_from else []),
            *([o.deadline <= criteria.deadline_to] if criteria.deadline_to else []),
        )
    return Conditions(always=always, by_facet=facets)


def organisation_conditions(
    criteria: OrganisationCriteria, *, access: Access, text: TextQuery | None
) -> Conditions:
    """The caller sees public records, consortium ones when signed in; merged records never."""
    g = Organisation
    always: list[Condition] = [g.visibility.in_(access.visibilities()), g.merged_into_id.is_(None)]
    if text is not None:
        always.append(text.matches(g.search_vector))
    always += _place(criteria, (g.lon, g.lat), None)
    if criteria.value_chain:
        always.append(g.value_chain.overlap([s.value for s in criteria.value_chain]))
    if criteria.cluster_id:
        members = select(organisation_cluster.c.organisation_id).where(
            organisation_cluster.c.cluster_id.in_(criteria.cluster_id)
        )
        always.append(g.id.in_(members))
    facets: dict[str, Condition] = {}
    if criteria.region:
        facets["region"] = g.region_code.in_(criteria.region)
    if criteria.country:
        facets["country"] = g.country_code.in_(criteria.country)
    if criteria.kind:
        facets["kind"] = g.kind.in_([k.value for k in criteria.kind])
    if criteria.priority:
        facets["priority"] = g.priorities.overlap(list(criteria.priority))
    if criteria.nace:
        facets["nace"] = nace_matches(g.nace_codes, criteria.nace)
    if criteria.size_class:
        facets["size_class"] = g.size_class.in_([s.value for s in criteria.size_class])
    return Conditions(always=always, by_facet=facets)
