import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from fastapi.responses import JSONResponse
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.db import idempotency
from intelligence.region.indicators import IndicatorService, S3PriorityService
from intelligence.region.schemas import (
    IndicatorCatalogueEntry,
    IndicatorIn,
    IndicatorOut,
    IndicatorPatch,
    RegionDetailOut,
    RegionPage,
    S3PriorityIn,
    S3PriorityOut,
    S3PriorityPatch,
)
from intelligence.region.service import RegionService
from intelligence.region.views_router import router as views_router

router = APIRouter(tags=["regions"], responses=problem_responses(422))
router.include_router(views_router)  # its fixed /regions/... paths before /regions/{code}

RegionCode = Annotated[str, Path(pattern=r"^[A-Za-z]{2}[A-Za-z0-9]{1,3}$", description="NUTS-2 code, e.g. ITI1")]
WRITE_PROBLEMS = problem_responses(401, 403, 404)


@router.get("/regions", response_model=RegionPage)
async def list_regions(session: SessionDep, page: PageParamsDep) -> RegionPage:
    """The partnership's regions with their partner clusters, ordered by NUTS code (open to anyone)."""
    return await RegionService(session).list_regions(params=page)


@router.get("/indicators", response_model=list[IndicatorCatalogueEntry])
async def list_indicators(session: SessionDep) -> list[IndicatorCatalogueEntry]:
    """The indicator codes present, with label, units, regions covered and years (a short list: not paginated)."""
    return await RegionService(session).indicator_catalogue()


@router.get("/regions/{code}", response_model=RegionDetailOut, responses=problem_responses(404))
async def get_region(session: SessionDep, code: RegionCode) -> RegionDetailOut:
    """One region with its clusters, figures, indicators (scope, year, source) and S3 priorities."""
    return await RegionService(session).get_region(code=code)


@router.post(
    "/regions/{code}/indicators", status_code=status.HTTP_201_CREATED, response_model=IndicatorOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def create_indicator(
    code: RegionCode, body: IndicatorIn, access: AccessDep, session: SessionDep, write: idempotency.Dep
) -> JSONResponse:
    """Add an indicator value to the region; its cluster managers and the consortium admin."""
    return await write.run(
        subject=access.subject, payload=body,
        action=lambda: IndicatorService(session).create(access=access, code=code, data=body),
    )


@router.patch(
    "/regions/{code}/indicators/{indicator_id}", response_model=IndicatorOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def update_indicator(
    code: RegionCode, indicator_id: uuid.UUID, body: IndicatorPatch, access: AccessDep, session: SessionDep
) -> IndicatorOut:
    """Change an indicator value; only the fields sent change."""
    return await IndicatorService(session).update(access=access, code=code, indicator_id=indicator_id, data=body)


@router.delete(
    "/regions/{code}/indicators/{indicator_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_PROBLEMS
)
async def delete_indicator(
    code: RegionCode, indicator_id: uuid.UUID, access: AccessDep, session: SessionDep
) -> Response:
    """Remove an indicator value."""
    await IndicatorService(session).delete(access=access, code=code, indicator_id=indicator_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/regions/{code}/s3-priorities", status_code=status.HTTP_201_CREATED, response_model=S3PriorityOut,
    responses=WRITE_PROBLEMS,
)
async def create_s3_priority(
    code: RegionCode, body: S3PriorityIn, access: AccessDep, session: SessionDep, write: idempotency.Dep
) -> JSONResponse:
    """Add one of the region's smart-specialisation priorities; its cluster managers and the consortium admin."""
    return await write.run(
        subject=access.subject, payload=body,
        action=lambda: S3PriorityService(session).create(access=access, code=code, data=body),
    )


@router.patch("/regions/{code}/s3-priorities/{priority_id}", response_model=S3PriorityOut, responses=WRITE_PROBLEMS)
async def update_s3_priority(
    code: RegionCode, priority_id: uuid.UUID, body: S3PriorityPatch, access: AccessDep, session: SessionDep
) -> S3PriorityOut:
    """Change an S3 priority; only the fields sent change."""
    return await S3PriorityService(session).update(access=access, code=code, priority_id=priority_id, data=body)


@router.delete(
    "/regions/{code}/s3-priorities/{priority_id}", status_code=status.HTTP_204_NO_CONTENT, responses=WRITE_PROBLEMS
)
async def delete_s3_priority(
    code: RegionCode, priority_id: uuid.UUID, access: AccessDep, session: SessionDep
) -> Response:
    """Remove an S3 priority."""
    await S3PriorityService(session).delete(access=access, code=code, priority_id=priority_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
