"""Screening over HTTP: the eligibility checklist of a proposal and the decision on it."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import JSONResponse
from tex4im_common.db import SessionDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.db import idempotency
from proposals.screening.repository import ScreeningRepository
from proposals.screening.schemas import ScreeningDecisionIn, ScreeningOut
from proposals.screening.service import ScreeningService

router = APIRouter(tags=["screening"], responses=problem_responses(401, 403, 404, 422))


def _service(session: SessionDep) -> ScreeningService:
    return ScreeningService(ScreeningRepository(session))


ServiceDep = Annotated[ScreeningService, Depends(_service)]
ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]


@router.get("/proposals/{proposal_id}/screening", response_model=ScreeningOut)
async def get_screening(access: AccessDep, service: ServiceDep, proposal_id: ProposalId) -> ScreeningOut:
    """The checklist and decision for the lead region's managers and the admin; the decision alone for applicants."""
    return await service.view(access=access, proposal_id=proposal_id)


@router.put("/proposals/{proposal_id}/screening", response_model=ScreeningOut, responses=problem_responses(409))
async def decide_screening(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, proposal_id: ProposalId, body: ScreeningDecisionIn,
) -> JSONResponse:
    """Decide whether the proposal in screening is eligible, and why (lead region's managers, admin); replaces."""
    return await write.run(
        subject=access.subject, payload=body, status_code=200,
        action=lambda: service.decide(access=access, proposal_id=proposal_id, data=body),
    )
