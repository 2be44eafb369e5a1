"""HTTP for opportunity matching: for any organisation the caller may see, and for the caller's own."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from tex4im_common.db import SessionDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.search.matching_repository import MatchingRepository
from intelligence.search.matching_service import MatchingService
from intelligence.search.results import MatchingOpportunities

router = APIRouter(tags=["search"], responses=problem_responses(404, 422))
Limit = Annotated[int, Query(ge=1, le=100, description="How many matches to return (at most 100).")]


def _service(session: SessionDep) -> MatchingService:
    return MatchingService(MatchingRepository(session))


MatchingServiceDep = Annotated[MatchingService, Depends(_service)]


@router.get(
    "/organisations/{organisation_id}/matching-opportunities", response_model=MatchingOpportunities,
    responses=problem_responses(409),
)
async def matching_opportunities(
    access: AccessDep, service: MatchingServiceDep, organisation_id: Annotated[uuid.UUID, Path()], limit: Limit = 20,
) -> MatchingOpportunities:
    """Open opportunities that fit an organisation, best first, each with its score, reasons and mismatches."""
    return await service.for_organisation(access=access, organisation_id=organisation_id, limit=limit)


@router.get("/me/matching-opportunities", response_model=MatchingOpportunities, responses=problem_responses(401, 409))
async def my_matching_opportunities(
    access: AccessDep, service: MatchingServiceDep, limit: Limit = 20
) -> MatchingOpportunities:
    """Open opportunities that fit the caller's organisation (their first membership naming one)."""
    return await service.for_me(access=access, limit=limit)
