"""The evaluator pool over HTTP: profiles, the admin's view of the pool, conflict declarations, and the
proposals in evaluation as evaluators may see them."""

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
from proposals.evaluation.pool import EvaluatorPoolService
from proposals.evaluation.pool_schemas import (
    ConflictDeclarationIn,
    ConflictDeclarationOut,
    EvaluationProposalPage,
    EvaluatorOut,
    EvaluatorPage,
    EvaluatorPatch,
    EvaluatorProfileIn,
)
from proposals.evaluation.repository import EvaluationRepository

router = APIRouter(tags=["evaluators"], responses=problem_responses(401, 403, 422))


def _service(session: SessionDep) -> EvaluatorPoolService:
    return EvaluatorPoolService(EvaluationRepository(session))


ServiceDep = Annotated[EvaluatorPoolService, Depends(_service)]
EvaluatorId = Annotated[uuid.UUID, Path(description="The evaluator's id in the pool.")]


def _declaration_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, ConflictDeclarationOut)
    return {"Location": f"/evaluators/me/conflicts/{result.id}"}


@router.put("/evaluators/me", response_model=EvaluatorOut, responses={201: {"model": EvaluatorOut}})
async def register_evaluator(
    access: AccessDep, service: ServiceDep, body: EvaluatorProfileIn, response: Response,
) -> EvaluatorOut:
    """Join the evaluator pool or update your profile (users with the evaluator role); 201 when new."""
    result, created = await service.register(access=access, data=body)
    if created:
        response.status_code = 201
    return result


@router.get("/evaluators/me", response_model=EvaluatorOut, responses=problem_responses(404))
async def get_my_evaluator_profile(access: AccessDep, service: ServiceDep) -> EvaluatorOut:
    """Your evaluator profile and current load (404 until you register)."""
    return await service.out(await service.me(access))


@router.get("/evaluators", response_model=EvaluatorPage)
async def list_evaluators(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    active: Annotated[bool | None, Query(description="Only active (true) or inactive (false) evaluators.")] = None,
) -> EvaluatorPage:
    """Every evaluator in the pool with their current load, by name (the consortium admin)."""
    return await service.list_evaluators(access=access, params=page, active=active)


@router.patch("/evaluators/{evaluator_id}", response_model=EvaluatorOut, responses=problem_responses(404))
async def update_evaluator(
    access: AccessDep, service: ServiceDep, evaluator_id: EvaluatorId, body: EvaluatorPatch,
) -> EvaluatorOut:
    """Activate or deactivate an evaluator, or change their maximum load, expertise or languages (the admin)."""
    return await service.update(access=access, evaluator_id=evaluator_id, data=body)


@router.post(
    "/evaluators/me/conflicts", status_code=201, response_model=ConflictDeclarationOut,
    responses=problem_responses(404, 409),
)
async def declare_conflict(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, body: ConflictDeclarationIn,
) -> JSONResponse:
    """Declare a conflict of interest with a proposal or an organisation; it takes you off what it concerns."""
    return await write.run(
        subject=access.subject, payload=body, status_code=201, headers=_declaration_headers,
        action=lambda: service.declare(access=access, data=body),
    )


@router.get(
    "/evaluators/me/conflicts", response_model=list[ConflictDeclarationOut], responses=problem_responses(404),
)
async def list_my_conflicts(access: AccessDep, service: ServiceDep) -> list[ConflictDeclarationOut]:
    """The conflicts of interest you have declared, oldest first."""
    return await service.my_declarations(access=access)


@router.delete("/evaluators/me/conflicts/{declaration_id}", status_code=204, responses=problem_responses(404))
async def remove_my_conflict(access: AccessDep, service: ServiceDep, declaration_id: uuid.UUID) -> Response:
    """Take back a declaration (assignments it withdrew stay withdrawn)."""
    await service.remove_declaration(access=access, declaration_id=declaration_id)
    return Response(status_code=204)


@router.get("/evaluation/proposals", response_model=EvaluationProposalPage)
async def list_proposals_in_evaluation(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    call_id: Annotated[uuid.UUID | None, Query(description="Only this call's proposals.")] = None,
) -> EvaluationProposalPage:
    """Proposals in evaluation, with only what evaluators need to spot a conflict of interest, and their conflicts."""
    return await service.evaluation_proposals(access=access, call_id=call_id, params=page)
