"""A proposal's pipeline over HTTP: the steps out of its stage, taking one, and its history."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from tex4im_common.concurrency import etag
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.db import idempotency
from proposals.lifecycle.service import TransitionService
from proposals.proposal.repository import ProposalRepository
from proposals.proposal.schemas import ProposalDetail, TimelinePage, TransitionOptions, TransitionRequest
from proposals.proposal.service import ProposalService

router = APIRouter(tags=["proposals"], responses=problem_responses(401, 404))

ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]


def _transitions(session: SessionDep) -> TransitionService:
    return TransitionService(ProposalService(ProposalRepository(session)))


ServiceDep = Annotated[TransitionService, Depends(_transitions)]


def _headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, ProposalDetail)
    return {"ETag": etag(result.version)}


@router.get("/proposals/{proposal_id}/transitions", response_model=TransitionOptions)
async def list_transitions(access: AccessDep, service: ServiceDep, proposal_id: ProposalId) -> TransitionOptions:
    """The steps out of the proposal's stage: whether you may take each, and what its guard still lacks."""
    return await service.options(access=access, proposal_id=proposal_id)


@router.post(
    "/proposals/{proposal_id}/transitions", response_model=ProposalDetail,
    responses=problem_responses(403, 409, 422),
)
async def take_transition(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, proposal_id: ProposalId, body: TransitionRequest,
) -> JSONResponse:
    """Take a step (submit, start screening, withdraw...); retried with the same Idempotency-Key, it happens once."""
    return await write.run(
        subject=access.subject, payload=body, status_code=200, headers=_headers,
        action=lambda: service.take(access=access, proposal_id=proposal_id, data=body),
    )


@router.get("/proposals/{proposal_id}/timeline", response_model=TimelinePage)
async def get_timeline(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, page: PageParamsDep,
) -> TimelinePage:
    """The proposal's history, oldest first: created, partners, steps, versions, screening, decisions."""
    return await service.timeline(access=access, proposal_id=proposal_id, params=page)
