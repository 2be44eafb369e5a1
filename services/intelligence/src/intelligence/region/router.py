from typing import Annotated

from fastapi import APIRouter, Depends, Path
from tex4im_common.db import SessionDep
from tex4im_common.identity import CurrentIdentity
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.region.repository import RegionRepository
from intelligence.region.schemas import RegionDetailOut, RegionPage
from intelligence.region.service import RegionService

router = APIRouter(prefix="/regions", tags=["regions"], responses=problem_responses(401, 422))


def _service(session: SessionDep) -> RegionService:
    return RegionService(RegionRepository(session))


RegionServiceDep = Annotated[RegionService, Depends(_service)]


@router.get("", response_model=RegionPage)
async def list_regions(identity: CurrentIdentity, service: RegionServiceDep, page: PageParamsDep) -> RegionPage:
    """The partnership's regions with their partner clusters, ordered by NUTS code."""
    return await service.list_regions(identity=identity, params=page)


@router.get("/{code}", response_model=RegionDetailOut, responses=problem_responses(404))
async def get_region(
    identity: CurrentIdentity,
    service: RegionServiceDep,
    code: Annotated[str, Path(pattern=r"^[A-Za-z]{2}[A-Za-z0-9]{1,3}$", description="NUTS-2 code, e.g. ITI1")],
) -> RegionDetailOut:
    """One region with its clusters and its published figures (each with scope, year and source)."""
    return await service.get_region(identity=identity, code=code)
