"""HTTP for saved searches: the signed-in owner's only (anyone else gets 404, anonymous callers 401)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.db import idempotency
from intelligence.search.repository import SearchRepository
from intelligence.search.results import (
    SavedSearchIn,
    SavedSearchOut,
    SavedSearchPage,
    SavedSearchPatch,
    SavedSearchResults,
)
from intelligence.search.saved import SavedSearchService
from intelligence.search.saved_repository import SavedSearchRepository

router = APIRouter(prefix="/saved-searches", tags=["search"], responses=problem_responses(401, 422))
SavedSearchId = Annotated[uuid.UUID, Path(description="The saved search's id.")]


def _service(session: SessionDep) -> SavedSearchService:
    return SavedSearchService(SavedSearchRepository(session), SearchRepository(session))


SavedSearchServiceDep = Annotated[SavedSearchService, Depends(_service)]


@router.get("", response_model=SavedSearchPage)
async def list_saved_searches(
    access: AccessDep, service: SavedSearchServiceDep, page: PageParamsDep
) -> SavedSearchPage:
    """The caller's saved searches by name, each with how many matches are new since they last looked."""
    return await service.list_saved(access=access, params=page)


@router.post("", response_model=SavedSearchOut, status_code=201, responses=problem_responses(409))
async def create_saved_search(
    access: AccessDep, service: SavedSearchServiceDep, body: SavedSearchIn, write: idempotency.Dep
) -> Response:
    """Save a search under a name; its criteria are validated like the search's own query."""
    subject = access.subject
    return await write.run(subject=subject, payload=body, action=lambda: service.create(access=access, body=body))


@router.get("/{saved_search_id}", response_model=SavedSearchOut, responses=problem_responses(404))
async def get_saved_search(
    access: AccessDep, service: SavedSearchServiceDep, saved_search_id: SavedSearchId
) -> SavedSearchOut:
    """One of the caller's saved searches, with its count of new matches."""
    return await service.get_saved(access=access, saved_search_id=saved_search_id)


@router.patch("/{saved_search_id}", response_model=SavedSearchOut, responses=problem_responses(404))
async def update_saved_search(
    access: AccessDep, service: SavedSearchServiceDep, saved_search_id: SavedSearchId, body: SavedSearchPatch
) -> SavedSearchOut:
    """Rename a saved search or change its criteria (a new target needs new criteria)."""
    return await service.update(access=access, saved_search_id=saved_search_id, body=body)


@router.delete("/{saved_search_id}", status_code=204, responses=problem_responses(404))
async def delete_saved_search(
    access: AccessDep, service: SavedSearchServiceDep, saved_search_id: SavedSearchId
) -> Response:
    """Delete one of the caller's saved searches."""
    await service.delete(access=access, saved_search_id=saved_search_id)
    return Response(status_code=204)


@router.get("/{saved_search_id}/results", response_model=SavedSearchResults, responses=problem_responses(404))
async def saved_search_results(
    access: AccessDep, service: SavedSearchServiceDep, saved_search_id: SavedSearchId, page: PageParamsDep
) -> SavedSearchResults:
    """Run a saved search now; matches created or published since the last look are flagged `is_new`."""
    return await service.results(access=access, saved_search_id=saved_search_id, page=page)


@router.post("/{saved_search_id}/seen", response_model=SavedSearchOut, responses=problem_responses(404))
async def mark_saved_search_seen(
    access: AccessDep, service: SavedSearchServiceDep, saved_search_id: SavedSearchId
) -> SavedSearchOut:
    """Mark everything the saved search finds now as seen."""
    return await service.mark_seen(access=access, saved_search_id=saved_search_id)
