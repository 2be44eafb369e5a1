"""The full-text part of a search: one constant tsquery over every partner language, and its ranking.

Every record's `search_vector` holds each text twice (see the migration's triggers): stemmed in the
record's own language and unstemmed ('simple'). The query is the OR of `websearch_to_tsquery` over 'simple'
and every partner language's configuration, so "riciclati" meets the Italian stem of "tessuti riciclati",
"recycled" the English stem of "recycling", and a name typed exactly meets its unstemmed form, whatever
language the visitor writes in. Most words come out the same in several configurations ("wool" is 'wool'
in every one), so identical branches are kept once: a shorter query for the GIN lookup, the match test and the
ranking, with the same matches and the same ranks. The query depends on the request's words only and is
computed in a scalar subquery, so PostgreSQL evaluates it once per statement (also under a generic plan of a
prepared statement) and answers `search_vector @@ query` from the GIN index.

Ranking is `ts_rank_cd` with weights title/name A = 1.0, summary/description/capabilities B = 0.4,
city/certifications/NACE/source C = 0.2, normalised to rank / (rank + 1) so it lies in [0, 1). An
opportunity then gets small, documented boosts, each smaller than the gap between a title match and a
summary match (about 0.21), so they reorder near-equals without overturning relevance:

| boost          | added | when                                                               |
|----------------|-------|--------------------------------------------------------------------|
| closing soon   | 0.05  | open, deadline from today to 30 days on: act on it now             |
| fresh          | 0.02  | created or published in the last 30 days                           |
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY, aggregate_order_by

from intelligence.opportunity.models import Opportunity
from intelligence.vocab import TEXT_SEARCH_CONFIG, OpportunityStatus

QUERY_CONFIGS = ("simple", *sorted(set(TEXT_SEARCH_CONFIG.values()) - {"simple"}))
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"  # D, C, B, A (the triggers write no D)
NORMALISATION = 32  # rank / (rank + 1)
CLOSING_SOON_BOOST, CLOSING_SOON_DAYS = 0.05, 30
FRESH_BOOST, FRESH_DAYS = 0.02, 30


def regconfig(name: str) -> ColumnElement[Any]:
    """A text-search configuration by name (names come from vocab, never from input)."""
    return literal_column(f"'{name}'::regconfig", type_=REGCONFIG)


def language_config(language: ColumnElement[str]) -> ColumnElement[Any]:
    """The configuration that stems a record's content language, as the triggers choose it."""
    return case(
        *[(language == code, regconfig(cfg)) for code, cfg in TEXT_SEARCH_CONFIG.items()],
        else_=regconfig("simple"),
    )


def combined_tsquery(words: ColumnElement[str]) -> ColumnElement[Any]:
    """The OR of `websearch_to_tsquery` over every configuration, each distinct branch once, in config order.

    Branches without lexemes (only stop words) are left out, as `||` leaves them out; no branch at all gives
    NULL, which matches nothing, like the empty query. A tsquery's text form reads back as the same query.
    """
    branches = union_all(*(
        select(func.websearch_to_tsquery(regconfig(cfg), words, type_=TSQUERY).label("q"), literal(n).label("n"))
        for n, cfg in enumerate(QUERY_CONFIGS)
    )).subquery("branch")
    text = cast(branches.c.q, Text)
    distinct = (
        select(text.label("q"), func.min(branches.c.n).label("n"))
        .where(func.numnode(branches.c.q) > 0)
        .group_by(text)
        .subquery("distinct_branch")
    )
    joined = func.string_agg("(" + distinct.c.q + ")", aggregate_order_by(literal_column("' | '"), distinct.c.n))
    return select(cast(joined, TSQUERY)).scalar_subquery()


class TextQuery:
    """The words of one request, as a tsquery and the expressions that match and rank by it."""

    def __init__(self, q: str) -> None:
        self.q = q
        self.tsquery: ColumnElement[Any] = combined_tsquery(bindparam("search_words", q, type_=Text))

    def matches(self, vector: ColumnElement[Any]) -> ColumnElement[bool]:
        return vector.op("@@")(self.tsquery)

    def rank(self, vector: ColumnElement[Any]) -> ColumnElement[float]:
        weights = literal_column(f"'{WEIGHTS}'::float4[]")
        return cast(func.ts_rank_cd(weights, vector, self.tsquery, NORMALISATION), Float)

    def opportunity_rank(self, *, today: date) -> ColumnElement[float]:
        """Text rank plus the boosts of the table above (`today` fixes them for a day, so cursors hold)."""
        o = Opportunity
        closing_soon = and_(
            o.status == OpportunityStatus.open.value,
            o.deadline >= today,
            o.deadline <= today + timedelta(days=CLOSING_SOON_DAYS),
        )
        fresh_since = datetime.combine(today - timedelta(days=FRESH_DAYS), time(), tzinfo=UTC)
        fresh = func.greatest(o.created_at, o.published_at) >= fresh_since
        return (
            self.rank(o.search_vector)
            + case((closing_soon, CLOSING_SOON_BOOST), else_=0.0)
            + case((fresh, FRESH_BOOST), else_=0.0)
        )


def snippet(text: str | None, limit: int = 240) -> str | None:
    """The start of a text, at most `limit` characters, cut at a word with an ellipsis."""
    if text is None:
        return None
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"
