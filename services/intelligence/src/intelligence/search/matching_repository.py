"""All SQL of opportunity matching: the organisation, the prefiltered candidates, the partnership's regions."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ARRAY, Row, Text, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.opportunity.models import Opportunity
from intelligence.organisation.models import Organisation
from intelligence.region.models import Region
from intelligence.search.filters import nace_matches
from intelligence.search.matching import divisions
from intelligence.search.repository import NO_DEADLINE, OPPORTUNITY_COLUMNS
from intelligence.search.text_query import language_config, regconfig
from intelligence.vocab import OpportunityStatus

MAX_CANDIDATES = 5_000  # scored in Python; the prefilter keeps this far above any real region's open list


class MatchingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def organisation(self, organisation_id: uuid.UUID, *, visibilities: list[str]) -> Organisation | None:
        statement = select(Organisation).where(
            Organisation.id == organisation_id, Organisation.visibility.in_(visibilities)
        )
        return (await self.session.scalars(statement)).one_or_none()

    async def partnership_regions(self) -> frozenset[str]:
        return frozenset((await self.session.scalars(select(Region.code))).all())

    async def candidates(
        self, organisation: Organisation, *, visibilities: list[str], today: date
    ) -> list[Row[Any]]:
        """Open, visible, not yet past their deadline, not the organisation's own, and sharing a priority, a
        NACE division or the region; each with the words of its title and summary, stemmed in its language."""
        o = Opportunity
        shares = []
        if organisation.priorities:
            shares.append(o.priorities.overlap(list(organisation.priorities)))
        if organisation.nace_codes:
            shares.append(nace_matches(o.nace_codes, sorted(divisions(frozenset(organisation.nace_codes)))))
        if organisation.region_code:
            shares.append(o.region_codes.contains([organisation.region_code]))
        if not shares:
            return []
        words = func.tsvector_to_array(
            func.to_tsvector(language_config(o.language), o.title + " " + o.summary), type_=ARRAY(Text)
        )
        statement = (
            select(*OPPORTUNITY_COLUMNS, o.nace_codes, o.value_chain, o.language, words.label("request_words"))
            .where(
                o.visibility.in_(visibilities),
                o.status == OpportunityStatus.open.value,
                or_(o.deadline.is_(None), o.deadline >= today),
                or_(o.organisation_id.is_(None), o.organisation_id != organisation.id),
                or_(*shares),
            )
            .order_by(func.coalesce(o.deadline, NO_DEADLINE), o.id)
            .limit(MAX_CANDIDATES)
        )
        return list((await self.session.execute(statement)).all())

    async def stemmed_words(self, texts: list[str], *, configs: set[str]) -> dict[str, dict[str, str]]:
        """Per text-search configuration, each stem of `texts` and the word it was written as."""
        stems: dict[str, dict[str, str]] = {}
        for config in sorted(configs):
            parsed = func.ts_debug(regconfig(config), " ".join(texts)).table_valued("token", "lexemes")
            rows = await self.session.execute(select(parsed.c.token, parsed.c.lexemes))
            found = stems.setdefault(config, {})
            for token, lexemes in rows.all():
                for lexeme in lexemes or []:
                    found.setdefault(lexeme, token.lower())
        return stems
