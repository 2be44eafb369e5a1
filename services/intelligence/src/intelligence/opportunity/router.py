"""Opportunities over HTTP: listing, publishing, changing, interest in them, and imports."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Path, Query, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from tex4im_common.concurrency import IfMatchHeader, etag
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.db import idempotency
from intelligence.errors import OpportunityFileTooLarge
from intelligence.imports.report import ImportReport
from intelligence.opportunity.adapters.registry import AdapterName
from intelligence.opportunity.importing import MAX_FILE_BYTES, OpportunityImportService
from intelligence.opportunity.interest import InterestService
from intelligence.opportunity.repository import OpportunityRepository
from intelligence.opportunity.schemas import (
    InterestedPersonPage,
    InterestIn,
    MyInterestOut,
    MyInterestPage,
    OpportunityCreate,
    OpportunityDetailOut,
    OpportunityPage,
    OpportunityUpdate,
    RegionCode,
)
from intelligence.opportunity.service import OpportunityService
from intelligence.vocab import OpportunityKind, OpportunityStatus

router = APIRouter(tags=["opportunities"], responses=problem_responses(422))

OpportunityId = Annotated[uuid.UUID, Path(description="The opportunity's id.")]


def _opportunities(session: SessionDep) -> OpportunityService:
    return OpportunityService(OpportunityRepository(session))


def _interests(session: SessionDep) -> InterestService:
    return InterestService(OpportunityRepository(session))


def _imports(session: SessionDep) -> OpportunityImportService:
    return OpportunityImportService(OpportunityRepository(session))


ServiceDep = Annotated[OpportunityService, Depends(_opportunities)]
InterestServiceDep = Annotated[InterestService, Depends(_interests)]
ImportServiceDep = Annotated[OpportunityImportService, Depends(_imports)]


def _record_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, OpportunityDetailOut)
    return {"ETag": etag(result.version), "Location": f"/opportunities/{result.id}"}


@router.get("/opportunities", response_model=OpportunityPage)
async def list_opportunities(
    access: AccessDep,
    service: ServiceDep,
    page: PageParamsDep,
    status: Annotated[OpportunityStatus, Query(description="Drafts are listed only to their managers.")] = (
        OpportunityStatus.open
    ),
    kind: OpportunityKind | None = None,
    region: Annotated[RegionCode | None, Query(description="A NUTS-2 region the opportunity concerns.")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(description="The publishing organisation.")] = None,
) -> OpportunityPage:
    """Opportunities the caller may see, soonest deadline first (open-ended last, then by id); open ones by default."""
    return await service.list_opportunities(
        access=access, params=page, status=status, kind=kind, region=region, organisation_id=organisation_id
    )


@router.post(
    "/opportunities/import", response_model=ImportReport, responses=problem_responses(401, 403, 413),
)
async def import_opportunities(
    access: AccessDep,
    service: ImportServiceDep,
    file: Annotated[UploadFile, File(description="The file to import, at most 5 MB.")],
    adapter: Annotated[AdapterName, Query(description="csv (our template), een (EEN profiles), calls (EU F&T).")],
    dry_run: Annotated[bool, Query(description="Check and report only; nothing is written.")] = False,
    owner_region: Annotated[
        RegionCode | None, Query(description="The region that looks after the items; defaults to the one you manage.")
    ] = None,
    regions: Annotated[
        list[RegionCode], Query(description="For `calls`: the regions the calls are placed in (else the owner's).")
    ] = [],  # noqa: B006  (FastAPI copies query defaults)
) -> ImportReport:
    """Import opportunities from a file, with a per-item report; a re-import updates, never copies."""
    content = await file.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise OpportunityFileTooLarge("The file is larger than 5 MB; split it and import the parts.")
    return await service.import_file(
        access=access, adapter=adapter, content=content, filename=file.filename, dry_run=dry_run,
        owner_region_code=owner_region, region_codes=list(regions),
    )


@router.post(
    "/opportunities", status_code=201, response_model=OpportunityDetailOut, responses=problem_responses(401, 403),
)
async def create_opportunity(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, body: OpportunityCreate,
) -> JSONResponse:
    """Publish an opportunity (or save it as a draft); cluster managers for their region, and the admin."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201, headers=_record_headers,
        action=lambda: service.create_opportunity(access=access, data=body),
    )


@router.get("/opportunities/{opportunity_id}", response_model=OpportunityDetailOut, responses=problem_responses(404))
async def get_opportunity(
    access: AccessDep, service: ServiceDep, opportunity_id: OpportunityId, response: Response,
) -> OpportunityDetailOut:
    """One opportunity, with the caller's own interest in it; its ETag is the version to send in If-Match."""
    result = await service.get_opportunity(access=access, opportunity_id=opportunity_id)
    response.headers["ETag"] = etag(result.version)
    return result


@router.patch(
    "/opportunities/{opportunity_id}", response_model=OpportunityDetailOut,
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def update_opportunity(
    access: AccessDep, service: ServiceDep, opportunity_id: OpportunityId, body: OpportunityUpdate,
    response: Response, if_match: IfMatchHeader = None,
) -> OpportunityDetailOut:
    """Change an opportunity or move its status; the owner region's managers and the admin."""
    result = await service.update_opportunity(
        access=access, opportunity_id=opportunity_id, data=body, if_match=if_match
    )
    response.headers["ETag"] = etag(result.version)
    return result


@router.put(
    "/opportunities/{opportunity_id}/interest", response_model=MyInterestOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def express_interest(
    access: AccessDep, service: InterestServiceDep, opportunity_id: OpportunityId, body: InterestIn,
) -> MyInterestOut:
    """Say you are interested in an open opportunity; sending it again only updates your message."""
    return await service.express(access=access, opportunity_id=opportunity_id, data=body)


@router.delete(
    "/opportunities/{opportunity_id}/interest", status_code=204, responses=problem_responses(401, 404),
)
async def withdraw_interest(access: AccessDep, service: InterestServiceDep, opportunity_id: OpportunityId) -> Response:
    """Withdraw your interest (nothing happens if you had not expressed any)."""
    await service.withdraw(access=access, opportunity_id=opportunity_id)
    return Response(status_code=204)


@router.get(
    "/opportunities/{opportunity_id}/interests", response_model=InterestedPersonPage,
    responses=problem_responses(401, 403, 404),
)
async def list_interested_people(
    access: AccessDep, service: InterestServiceDep, opportunity_id: OpportunityId, page: PageParamsDep,
) -> InterestedPersonPage:
    """Who is interested, for the managers of the regions the opportunity concerns and the admin."""
    return await service.interested_people(access=access, opportunity_id=opportunity_id, params=page)


@router.get("/me/interests", response_model=MyInterestPage, responses=problem_responses(401))
async def list_my_interests(access: AccessDep, service: InterestServiceDep, page: PageParamsDep) -> MyInterestPage:
    """The opportunities you have expressed interest in, oldest interest first."""
    return await service.mine(access=access, params=page)
