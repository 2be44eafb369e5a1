"""HTTP for search: the two searches and the map here; matching and saved searches in their own routers."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.search.matching_router import router as matching_router
from intelligence.search.repository import SearchRepository
from intelligence.search.results import MapPoints, OpportunitySearchPage, OrganisationSearchPage
from intelligence.search.saved_router import router as saved_router
from intelligence.search.schemas import MapCriteria, OpportunityCriteria, OrganisationCriteria
from intelligence.search.service import SearchService

TAG = "search"
searches = APIRouter(tags=[TAG], responses=problem_responses(401, 422))


def _service(session: SessionDep) -> SearchService:
    return SearchService(SearchRepository(session))


SearchServiceDep = Annotated[SearchService, Depends(_service)]


@searches.get("/search/opportunities", response_model=OpportunitySearchPage)
async def search_opportunities(
    access: AccessDep, service: SearchServiceDep, criteria: Annotated[OpportunityCriteria, Query()],
    page: PageParamsDep,
) -> OpportunitySearchPage:
    """Full-text and faceted search of the opportunities the caller may see, with exact totals and facet counts."""
    return await service.search_opportunities(access=access, criteria=criteria, page=page)


@searches.get("/search/organisations", response_model=OrganisationSearchPage)
async def search_organisations(
    access: AccessDep, service: SearchServiceDep, criteria: Annotated[OrganisationCriteria, Query()],
    page: PageParamsDep,
) -> OrganisationSearchPage:
    """Full-text and faceted search of the organisations the caller may see (merged records excluded)."""
    return await service.search_organisations(access=access, criteria=criteria, page=page)


@searches.get("/map/points", response_model=MapPoints)
async def map_points(
    access: AccessDep, service: SearchServiceDep, criteria: Annotated[MapCriteria, Query()]
) -> MapPoints:
    """Compact points of the matching organisations and opportunities for the map (at most 10,000)."""
    return await service.map_points(access=access, criteria=criteria)


router = APIRouter()
router.include_router(searches)
router.include_router(matching_router)
router.include_router(saved_router)
