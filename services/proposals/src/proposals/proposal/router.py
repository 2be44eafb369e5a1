"""Proposals over HTTP: the list and the board's counts, drafting, reading, changing, and the partners."""

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
from proposals.concurrency import IF_MATCH_REQUIRED
from proposals.db import idempotency
from proposals.proposal.partners import PartnerService
from proposals.proposal.repository import ProposalFilter, ProposalRepository
from proposals.proposal.schemas import (
    PartnerAnswer,
    PartnerInvite,
    PartnerOut,
    Priority,
    ProposalCreate,
    ProposalDetail,
    ProposalPage,
    ProposalUpdate,
    RegionCode,
    StageCounts,
    StageKey,
)
from proposals.proposal.service import ProposalService

router = APIRouter(tags=["proposals"], responses=problem_responses(401, 422))

ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]
OrganisationId = Annotated[uuid.UUID, Path(description="The partner organisation's id.")]


def _proposals(session: SessionDep) -> ProposalService:
    return ProposalService(ProposalRepository(session))


def _partners(session: SessionDep) -> PartnerService:
    return PartnerService(_proposals(session))


ServiceDep = Annotated[ProposalService, Depends(_proposals)]
PartnerServiceDep = Annotated[PartnerService, Depends(_partners)]


def _filter(
    call_id: Annotated[uuid.UUID | None, Query(description="Only this call's proposals.")] = None,
    stage: Annotated[list[StageKey], Query(description="Stage keys (repeat for several).")] = [],  # noqa: B006
    region: Annotated[
        list[RegionCode], Query(description="The lead's NUTS-2 region (repeat for several).")
    ] = [],  # noqa: B006  (FastAPI copies query defaults)
    priority: Annotated[Priority | None, Query(description="Tagged with this thematic priority.")] = None,
    organisation_id: Annotated[
        uuid.UUID | None, Query(description="Led by this organisation, or with it as invited or confirmed partner.")
    ] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=100, description="Text in the reference, title or acronym.")
    ] = None,
    mine: Annotated[bool, Query(description="Only the proposals you co-author.")] = False,
) -> ProposalFilter:
    return ProposalFilter(
        call_id=call_id, stages=tuple(dict.fromkeys(stage)), regions=tuple(dict.fromkeys(region)), priority=priority,
        organisation_id=organisation_id, q=q.strip() if q else None, mine=mine,
    )


FilterDep = Annotated[ProposalFilter, Depends(_filter)]


def _record_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, ProposalDetail)
    return {"ETag": etag(result.version), "Location": f"/proposals/{result.id}"}


@router.get("/proposals", response_model=ProposalPage)
async def list_proposals(access: AccessDep, service: ServiceDep, where: FilterDep, page: PageParamsDep) -> ProposalPage:
    """The proposals you may see, the most recently changed first."""
    return await service.list_proposals(access=access, where=where, params=page)


@router.get("/proposals/stage-counts", response_model=StageCounts)
async def count_proposals_by_stage(access: AccessDep, service: ServiceDep, where: FilterDep) -> StageCounts:
    """How many of the proposals you may see (with the list's filters) are in each stage, for the board."""
    return await service.stage_counts(access=access, where=where)


@router.post(
    "/proposals", status_code=201, response_model=ProposalDetail, responses=problem_responses(403, 409),
)
async def create_proposal(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, body: ProposalCreate,
) -> JSONResponse:
    """Start a proposal to a published call, led by your organisation (managers: one of their region's)."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201, headers=_record_headers,
        action=lambda: service.create_proposal(access=access, data=body),
    )


@router.get("/proposals/{proposal_id}", response_model=ProposalDetail, responses=problem_responses(404))
async def get_proposal(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, response: Response,
) -> ProposalDetail:
    """One proposal with what you may do with it; its ETag is the version to send in If-Match."""
    result = await service.get_proposal(access=access, proposal_id=proposal_id)
    response.headers["ETag"] = etag(result.version)
    return result


@router.patch(
    "/proposals/{proposal_id}", response_model=ProposalDetail,
    responses=problem_responses(403, 404, 409, 412) | IF_MATCH_REQUIRED,
)
async def update_proposal(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, body: ProposalUpdate, response: Response,
    if_match: IfMatchHeader = None,
) -> ProposalDetail:
    """Change a proposal while its stage is editable; co-authors and the admin, with the ETag read in If-Match."""
    result = await service.update_proposal(access=access, proposal_id=proposal_id, data=body, if_match=if_match)
    response.headers["ETag"] = etag(result.version)
    return result


@router.post(
    "/proposals/{proposal_id}/partners", status_code=201, response_model=PartnerOut,
    responses=problem_responses(403, 404, 409),
)
async def invite_partner(
    access: AccessDep, service: PartnerServiceDep, write: idempotency.Dep, proposal_id: ProposalId,
    body: PartnerInvite,
) -> JSONResponse:
    """Invite a partner organisation; the co-authors while the proposal is editable."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201,
        action=lambda: service.invite(access=access, proposal_id=proposal_id, data=body),
    )


@router.delete(
    "/proposals/{proposal_id}/partners/{organisation_id}", status_code=204,
    responses=problem_responses(403, 404, 409),
)
async def remove_partner(
    access: AccessDep, service: PartnerServiceDep, proposal_id: ProposalId, organisation_id: OrganisationId,
) -> Response:
    """Remove a partner organisation; the co-authors while the proposal is editable."""
    await service.remove(access=access, proposal_id=proposal_id, organisation_id=organisation_id)
    return Response(status_code=204)


@router.post(
    "/proposals/{proposal_id}/partners/{organisation_id}/answer", response_model=PartnerOut,
    responses=problem_responses(403, 404, 409),
)
async def answer_invitation(
    access: AccessDep, service: PartnerServiceDep, proposal_id: ProposalId, organisation_id: OrganisationId,
    body: PartnerAnswer,
) -> PartnerOut:
    """Confirm or decline your organisation's participation; its members, while the proposal is editable."""
    return await service.answer(access=access, proposal_id=proposal_id, organisation_id=organisation_id, data=body)
