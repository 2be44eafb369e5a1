"""Matching open opportunities to an organisation: SQL prefilters, matching.py scores and explains."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Row

from intelligence.access import Access
from intelligence.errors import NoOwnOrganisation, OrganisationMerged, OrganisationNotFound
from intelligence.organisation.models import Organisation
from intelligence.search import matching
from intelligence.search.matching_repository import MatchingRepository
from intelligence.search.results import (
    MatchedOpportunity,
    MatchingOpportunities,
    MatchReason,
    OpportunityHit,
    OrganisationRef,
)
from intelligence.search.service import opportunity_hit, today_utc
from intelligence.vocab import TEXT_SEARCH_CONFIG


def _profile(organisation: Organisation) -> matching.OrganisationProfile:
    return matching.OrganisationProfile(
        region_code=organisation.region_code, country_code=organisation.country_code,
        priorities=frozenset(organisation.priorities), nace_codes=frozenset(organisation.nace_codes),
        value_chain=frozenset(organisation.value_chain), has_capabilities=bool(organisation.capabilities),
    )


def _candidate(row: Row[Any], capability_words: dict[str, dict[str, str]]) -> matching.OpportunityProfile:
    return matching.OpportunityProfile(
        kind=row.kind, priorities=frozenset(row.priorities), nace_codes=frozenset(row.nace_codes),
        value_chain=frozenset(row.value_chain), region_codes=tuple(row.region_codes),
        country_codes=frozenset(row.country_codes), deadline=row.deadline,
        request_words=frozenset(row.request_words),
        capability_words=capability_words.get(TEXT_SEARCH_CONFIG[row.language], {}),
    )


def _reasons(reasons: list[matching.Reason]) -> list[MatchReason]:
    return [MatchReason(code=r.code, params=r.params, text=r.text, points=r.points) for r in reasons]


class MatchingService:
    def __init__(self, repository: MatchingRepository) -> None:
        self.repository = repository

    async def for_organisation(
        self, *, access: Access, organisation_id: uuid.UUID, limit: int
    ) -> MatchingOpportunities:
        """Best fit first (score, then the sooner deadline, then title); anyone who may see the organisation."""
        organisation = await self.repository.organisation(organisation_id, visibilities=access.visibilities())
        if organisation is None:
            raise OrganisationNotFound(f"There is no organisation {organisation_id} that you may see.")
        if organisation.merged_into_id is not None:
            raise OrganisationMerged(
                f"Organisation {organisation_id} was merged into {organisation.merged_into_id}; ask for its matches.",
                extra={"merged_into_id": str(organisation.merged_into_id)},
            )
        today = today_utc()
        rows = await self.repository.candidates(organisation, visibilities=access.visibilities(), today=today)
        regions = await self.repository.partnership_regions()
        # the capabilities stemmed in the language of each request they are compared with
        configs = {TEXT_SEARCH_CONFIG[r.language] for r in rows if r.kind in matching.KEYWORD_KINDS}
        capability_words = await self.repository.stemmed_words(
            organisation.capabilities, configs=configs if organisation.capabilities else set()
        )
        profile = _profile(organisation)
        scored = [
            (matching.score(profile, _candidate(row, capability_words), today=today, partnership_regions=regions), row)
            for row in rows
        ]
        scored.sort(key=lambda pair: (-pair[0].score, pair[1].deadline or date.max, pair[1].title, pair[1].id))
        return MatchingOpportunities(
            organisation=OrganisationRef(id=organisation.id, name=organisation.name),
            items=[
                MatchedOpportunity(
                    opportunity=OpportunityHit(**opportunity_hit(row)), score=match.score,
                    reasons=_reasons(match.reasons), mismatches=_reasons(match.mismatches),
                )
                for match, row in scored[:limit]
            ],
            candidates=len(rows),
        )

    async def for_me(self, *, access: Access, limit: int) -> MatchingOpportunities:
        """For the caller's organisation: the first of their memberships that names one."""
        identity = access.require_user()
        own = next((m.organisation_id for m in identity.memberships if m.organisation_id), None)
        if own is None:
            raise NoOwnOrganisation(
                "Your account is not linked to an organisation; ask your cluster manager to add you to one."
            )
        return await self.for_organisation(access=access, organisation_id=own, limit=limit)
