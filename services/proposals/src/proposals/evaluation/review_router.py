"""Reviews over HTTP: the evaluator's workspace, one assignment, its scores, and its submission."""

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
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.review_schemas import (
    AssignmentDetail,
    AssignmentPage,
    ReviewOut,
    ScoresIn,
    WorkspaceStatus,
)
from proposals.evaluation.scoring import ReviewService

router = APIRouter(tags=["reviews"], responses=problem_responses(401, 422))

AssignmentId = Annotated[uuid.UUID, Path(description="The assignment's id.")]


def _reviews(session: SessionDep) -> ReviewService:
    return ReviewService(ReviewRepository(session))


ServiceDep = Annotated[ReviewService, Depends(_reviews)]


def _review_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, ReviewOut)
    return {"ETag": etag(result.version)}


@router.get("/me/assignments", response_model=AssignmentPage, responses=problem_responses(403))
async def list_my_assignments(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    status: Annotated[WorkspaceStatus | None, Query(description="Only assignments in this status.")] = None,
) -> AssignmentPage:
    """Your review workspace: assigned proposals with their call, due date and progress, oldest first."""
    return await service.workspace(access=access, params=page, status=status)


@router.get("/assignments/{assignment_id}", response_model=AssignmentDetail, responses=problem_responses(404))
async def get_assignment(
    access: AccessDep, service: ServiceDep, assignment_id: AssignmentId, response: Response,
) -> AssignmentDetail:
    """One of your assignments: the submitted proposal, the rubric, your scores and the live total (ETag: review)."""
    result = await service.detail(access=access, assignment_id=assignment_id)
    response.headers["ETag"] = etag(result.review.version)
    return result


@router.put(
    "/assignments/{assignment_id}/scores", response_model=ReviewOut,
    responses=problem_responses(404, 409, 412) | IF_MATCH_REQUIRED,
)
async def put_scores(
    access: AccessDep, service: ServiceDep, assignment_id: AssignmentId, body: ScoresIn, response: Response,
    if_match: IfMatchHeader = None,
) -> ReviewOut:
    """Save your review so far, with its ETag in If-Match (criteria left out are cleared); answers pass/fail, total."""
    result = await service.save_scores(access=access, assignment_id=assignment_id, data=body, if_match=if_match)
    response.headers["ETag"] = etag(result.version)
    return result


@router.post(
    "/assignments/{assignment_id}/submit", response_model=ReviewOut, responses=problem_responses(404, 409),
)
async def submit_review(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, assignment_id: AssignmentId,
) -> JSONResponse:
    """Submit your review: every criterion scored, a comment on each score below its threshold."""
    return await write.run(
        subject=access.subject, payload={"assignment_id": assignment_id}, status_code=200, headers=_review_headers,
        action=lambda: service.submit(access=access, assignment_id=assignment_id),
    )
