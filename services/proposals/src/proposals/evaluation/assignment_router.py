"""Reviewer assignment over HTTP: the automatic run, the call's assignments, manual assignment and withdrawal."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.db import idempotency
from proposals.evaluation.assignment import AssignmentService
from proposals.evaluation.pool_schemas import AssignmentIn, AssignmentOut, AssignmentPage, AutoAssignmentReport
from proposals.evaluation.repository import EvaluationRepository
from proposals.vocab import AssignmentStatus

router = APIRouter(tags=["assignments"], responses=problem_responses(401, 403, 404, 422))


def _service(session: SessionDep) -> AssignmentService:
    return AssignmentService(EvaluationRepository(session))


ServiceDep = Annotated[AssignmentService, Depends(_service)]
CallId = Annotated[uuid.UUID, Path(description="The call's id.")]


def _assignment_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, AssignmentOut)
    return {"Location": f"/assignments/{result.id}"}


@router.post(
    "/calls/{call_id}/assignments/auto", response_model=AutoAssignmentReport, responses=problem_responses(409),
)
async def assign_automatically(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, call_id: CallId,
) -> JSONResponse:
    """Staff every proposal in evaluation with the call's minimum of evaluators, load balanced; reports shortages."""
    return await write.run(
        subject=access.subject, payload={"call_id": call_id}, status_code=200,
        action=lambda: service.auto_assign(access=access, call_id=call_id),
    )


@router.get("/calls/{call_id}/assignments", response_model=AssignmentPage)
async def list_call_assignments(
    access: AccessDep, service: ServiceDep, call_id: CallId, page: PageParamsDep,
    status: Annotated[AssignmentStatus | None, Query(description="Only assignments in this status.")] = None,
) -> AssignmentPage:
    """The call's assignments: all, with scores, for the admin; their region's, without scores, for managers."""
    return await service.list_for_call(access=access, call_id=call_id, params=page, status=status)


@router.post(
    "/proposals/{proposal_id}/assignments", status_code=201, response_model=AssignmentOut,
    responses=problem_responses(409),
)
async def assign_evaluator(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, proposal_id: uuid.UUID, body: AssignmentIn,
) -> JSONResponse:
    """Assign an evaluator to a proposal in evaluation by hand; a conflict of interest is refused (the admin)."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201, headers=_assignment_headers,
        action=lambda: service.assign(access=access, proposal_id=proposal_id, evaluator_id=body.evaluator_id),
    )


@router.delete("/assignments/{assignment_id}", status_code=204, responses=problem_responses(409))
async def withdraw_assignment(
    access: AccessDep, service: ServiceDep, assignment_id: uuid.UUID,
    reason: Annotated[str | None, Query(max_length=500, description="Why, for the record.")] = None,
) -> Response:
    """Withdraw an assignment whose review is not submitted yet (the consortium admin)."""
    await service.withdraw(access=access, assignment_id=assignment_id, reason=reason)
    return Response(status_code=204)
