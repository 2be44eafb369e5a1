"""Calls over HTTP: the public list and detail, the admin's configuration, the pipeline, next rounds and targets."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from tex4im_common.concurrency import IfMatchHeader, etag
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.call.pipeline_service import PipelineService
from proposals.call.repository import CallRepository
from proposals.call.rounds import RoundService
from proposals.call.schemas import (
    CallCreate,
    CallOut,
    CallPage,
    CallTargetsOut,
    CallUpdate,
    NextRoundIn,
    PipelineIn,
    PipelineOut,
    Year,
)
from proposals.call.service import CallService
from proposals.call.targets import TargetService
from proposals.concurrency import IF_MATCH_REQUIRED
from proposals.db import idempotency
from proposals.vocab import CallKind, CallStatus

router = APIRouter(tags=["calls"], responses=problem_responses(422))

CallId = Annotated[uuid.UUID, Path(description="The call's id.")]


def _calls(session: SessionDep) -> CallService:
    return CallService(CallRepository(session))


def _pipelines(session: SessionDep) -> PipelineService:
    return PipelineService(CallRepository(session))


def _rounds(session: SessionDep) -> RoundService:
    return RoundService(CallRepository(session))


def _targets(session: SessionDep) -> TargetService:
    return TargetService(CallRepository(session))


ServiceDep = Annotated[CallService, Depends(_calls)]
PipelineServiceDep = Annotated[PipelineService, Depends(_pipelines)]
RoundServiceDep = Annotated[RoundService, Depends(_rounds)]
TargetServiceDep = Annotated[TargetService, Depends(_targets)]


def _record_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, CallOut)
    return {"ETag": etag(result.version), "Location": f"/calls/{result.id}"}


@router.get("/calls", response_model=CallPage)
async def list_calls(
    access: AccessDep,
    service: ServiceDep,
    page: PageParamsDep,
    status: Annotated[CallStatus | None, Query(description="Drafts are listed to the admin only.")] = None,
    kind: CallKind | None = None,
    year: Annotated[Year | None, Query(description="A permanent call's round year, or the year a dated call's "
                                       "submission phase opens.")] = None,
) -> CallPage:
    """Calls the caller may see, newest first: published and archived ones to anyone, drafts to the admin."""
    return await service.list_calls(access=access, params=page, status=status, kind=kind, year=year)


@router.post("/calls", status_code=201, response_model=CallOut, responses=problem_responses(401, 403, 409))
async def create_call(access: AccessDep, service: ServiceDep, write: idempotency.Dep, body: CallCreate) -> JSONResponse:
    """Open a new call as a draft, with the default TEX4IM pipeline; the consortium admin only."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201, headers=_record_headers,
        action=lambda: service.create_call(access=access, data=body),
    )


@router.get("/calls/{call_id}", response_model=CallOut, responses=problem_responses(404))
async def get_call(access: AccessDep, service: ServiceDep, call_id: CallId, response: Response) -> CallOut:
    """Everything about one call; its ETag is the version to send in If-Match."""
    result = await service.get_call(access=access, call_id=call_id)
    response.headers["ETag"] = etag(result.version)
    return result


@router.patch(
    "/calls/{call_id}", response_model=CallOut,
    responses=problem_responses(401, 403, 404, 409, 412) | IF_MATCH_REQUIRED,
)
async def update_call(
    access: AccessDep, service: ServiceDep, call_id: CallId, body: CallUpdate, response: Response,
    if_match: IfMatchHeader = None,
) -> CallOut:
    """Change a call or move its status (lists are replaced whole); the admin, with If-Match."""
    result = await service.update_call(access=access, call_id=call_id, data=body, if_match=if_match)
    response.headers["ETag"] = etag(result.version)
    return result


@router.get("/calls/{call_id}/pipeline", response_model=PipelineOut, responses=problem_responses(404))
async def get_pipeline(
    access: AccessDep, service: PipelineServiceDep, call_id: CallId, response: Response,
) -> PipelineOut:
    """The call's stages and transitions; the ETag is the call's."""
    result = await service.get_pipeline(access=access, call_id=call_id)
    response.headers["ETag"] = etag(result.version)
    return result


@router.put(
    "/calls/{call_id}/pipeline", response_model=PipelineOut,
    responses=problem_responses(401, 403, 404, 409, 412) | IF_MATCH_REQUIRED,
)
async def replace_pipeline(
    access: AccessDep, service: PipelineServiceDep, call_id: CallId, body: PipelineIn, response: Response,
    if_match: IfMatchHeader = None,
) -> PipelineOut:
    """Replace the call's stages and transitions; the admin, with If-Match on the call's ETag."""
    result = await service.replace_pipeline(access=access, call_id=call_id, data=body, if_match=if_match)
    response.headers["ETag"] = etag(result.version)
    return result


@router.post(
    "/calls/{call_id}/next-round", status_code=201, response_model=CallOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def open_next_round(
    access: AccessDep, service: RoundServiceDep, call_id: CallId, write: idempotency.Dep,
    body: NextRoundIn | None = None,
) -> JSONResponse:
    """Open next year's round of the permanent annual call as a new draft; the admin only."""
    data = body or NextRoundIn()
    return await write.run(
        subject=access.subject, payload=data, status_code=201, headers=_record_headers,
        action=lambda: service.next_round(access=access, call_id=call_id, data=data),
    )


@router.get("/calls/{call_id}/targets", response_model=CallTargetsOut, responses=problem_responses(404))
async def get_targets(access: AccessDep, service: TargetServiceDep, call_id: CallId) -> CallTargetsOut:
    """The call's portfolio targets with what has been reached so far (counts to be refined by issue 6's KPIs)."""
    return await service.progress(access=access, call_id=call_id)
