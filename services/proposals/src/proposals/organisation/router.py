"""The organisation copy over HTTP: the partner picker's search and the sync's state."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BeforeValidator, Field
from tex4im_common.db import SessionDep
from tex4im_common.feed_consumer import FeedFollower
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.organisation.repository import OrganisationRepository
from proposals.organisation.schemas import OrganisationPage, SyncStatusOut
from proposals.organisation.service import OrganisationService
from proposals.vocab import NUTS2_PATTERN

router = APIRouter(tags=["organisations"], responses=problem_responses(401, 403))

RegionCode = Annotated[
    str, BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    Field(pattern=NUTS2_PATTERN, examples=["PT11"]),
]


def _service(session: SessionDep) -> OrganisationService:
    return OrganisationService(OrganisationRepository(session))


def _follower(request: Request) -> FeedFollower | None:
    return getattr(request.app.state, "organisation_follower", None)


ServiceDep = Annotated[OrganisationService, Depends(_service)]
FollowerDep = Annotated[FeedFollower | None, Depends(_follower)]


@router.get("/organisations", response_model=OrganisationPage, responses=problem_responses(422))
async def search_organisations(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    q: Annotated[str | None, Query(min_length=1, max_length=100, description="Part of the name, any case.")] = None,
    region: Annotated[RegionCode | None, Query(description="Only organisations of this NUTS-2 region.")] = None,
) -> OrganisationPage:
    """Registry organisations by name, for choosing a lead or partner; signed-in members of the partnership."""
    return await service.search(access=access, name=q.strip() if q else None, region=region, params=page)


@router.get("/organisations/sync-status", response_model=SyncStatusOut)
async def get_sync_status(access: AccessDep, service: ServiceDep, follower: FollowerDep) -> SyncStatusOut:
    """How far the organisation copy has followed the registry's change feed; the consortium admin."""
    return await service.sync_status(access=access, follower=follower)


@router.post("/organisations/sync", response_model=SyncStatusOut, responses=problem_responses(502, 503))
async def sync_organisations(access: AccessDep, service: ServiceDep, follower: FollowerDep) -> SyncStatusOut:
    """Read the registry's change feed now instead of at the next poll; the consortium admin."""
    return await service.catch_up(access=access, follower=follower)
