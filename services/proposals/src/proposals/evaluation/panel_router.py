"""The panel over HTTP: a proposal's evaluation and consensus, the call's ranking and decisions, and feedback."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from fastapi.responses import JSONResponse
from tex4im_common.concurrency import IfMatchHeader, etag
from tex4im_common.db import SessionDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.concurrency import IF_MATCH_REQUIRED
from proposals.db import idempotency
from proposals.evaluation.consensus import ConsensusService
from proposals.evaluation.decisions import DecisionService
from proposals.evaluation.feedback import FeedbackService
from proposals.evaluation.panel_repository import PanelRepository
from proposals.evaluation.review_repository import ReviewRepository
from proposals.evaluation.review_schemas import (
    ConsensusIn,
    ConsensusView,
    DecisionList,
    DecisionOut,
    DecisionOverride,
    EvaluationOut,
    FeedbackOut,
    RankingOut,
)

router = APIRouter(tags=["panel"], responses=problem_responses(401, 403, 404, 422))

ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]
CallId = Annotated[uuid.UUID, Path(description="The call's id.")]


def _consensus(session: SessionDep) -> ConsensusService:
    return ConsensusService(ReviewRepository(session), PanelRepository(session))


def _decisions(session: SessionDep) -> DecisionService:
    return DecisionService(ReviewRepository(session), PanelRepository(session))


def _feedback(session: SessionDep) -> FeedbackService:
    return FeedbackService(PanelRepository(session))


ConsensusDep = Annotated[ConsensusService, Depends(_consensus)]
DecisionDep = Annotated[DecisionService, Depends(_decisions)]
FeedbackDep = Annotated[FeedbackService, Depends(_feedback)]


def _tag(response: Response, view: ConsensusView) -> ConsensusView:
    if view.consensus is not None:
        response.headers["ETag"] = etag(view.consensus.version)
    return view


@router.get("/proposals/{proposal_id}/evaluation", response_model=EvaluationOut)
async def get_evaluation(access: AccessDep, service: ConsensusDep, proposal_id: ProposalId) -> EvaluationOut:
    """Reviews side by side, spread per criterion, readiness and consensus (admin; lead region's managers read)."""
    return await service.overview(access=access, proposal_id=proposal_id)


@router.get("/proposals/{proposal_id}/consensus", response_model=ConsensusView)
async def get_consensus(
    access: AccessDep, service: ConsensusDep, proposal_id: ProposalId, response: Response,
) -> ConsensusView:
    """The consensus (ETag: its version) and the suggested scores (admin; lead region's managers read)."""
    return _tag(response, await service.get(access=access, proposal_id=proposal_id))


@router.put(
    "/proposals/{proposal_id}/consensus", response_model=ConsensusView,
    responses=problem_responses(409, 412) | IF_MATCH_REQUIRED,
)
async def put_consensus(
    access: AccessDep, service: ConsensusDep, proposal_id: ProposalId, body: ConsensusIn, response: Response,
    if_match: IfMatchHeader = None,
) -> ConsensusView:
    """Write the consensus: agreed scores (left out: the suggestion), comments, summary (admin; If-Match once set)."""
    view = await service.put(access=access, proposal_id=proposal_id, data=body, if_match=if_match)
    return _tag(response, view)


@router.post(
    "/proposals/{proposal_id}/consensus/finalise", response_model=ConsensusView,
    responses=problem_responses(409, 412),
)
async def finalise_consensus(
    access: AccessDep, service: ConsensusDep, proposal_id: ProposalId, response: Response,
    if_match: IfMatchHeader = None,
) -> ConsensusView:
    """Finalise the consensus once the evaluation is ready (admin)."""
    return _tag(response, await service.finalise(access=access, proposal_id=proposal_id, if_match=if_match))


@router.get("/calls/{call_id}/ranking", response_model=RankingOut)
async def get_ranking(access: AccessDep, service: DecisionDep, call_id: CallId) -> RankingOut:
    """The call's ranking with tie-breaks and the portfolio rule's outcomes, and who is not ready (admin)."""
    return await service.ranking(access=access, call_id=call_id)


@router.get("/calls/{call_id}/decisions", response_model=DecisionList)
async def list_decisions(access: AccessDep, service: DecisionDep, call_id: CallId) -> DecisionList:
    """The staged (or released) decisions of the call (admin)."""
    return await service.decisions(access=access, call_id=call_id)


@router.post(
    "/calls/{call_id}/decisions/stage", response_model=DecisionList, responses=problem_responses(409),
)
async def stage_decisions(access: AccessDep, service: DecisionDep, call_id: CallId) -> DecisionList:
    """Stage a decision per proposal from the current ranking, replacing unreleased ones (admin)."""
    return await service.stage(access=access, call_id=call_id)


@router.patch(
    "/calls/{call_id}/decisions/{proposal_id}", response_model=DecisionOut, responses=problem_responses(409),
)
async def override_decision(
    access: AccessDep, service: DecisionDep, call_id: CallId, proposal_id: ProposalId, body: DecisionOverride,
) -> DecisionOut:
    """Change a staged outcome before release, with a note saying why (admin)."""
    return await service.override(access=access, call_id=call_id, proposal_id=proposal_id, data=body)


@router.post(
    "/calls/{call_id}/decisions/release", response_model=DecisionList, responses=problem_responses(409),
)
async def release_decisions(
    access: AccessDep, service: DecisionDep, write: idempotency.Dep, call_id: CallId,
) -> JSONResponse:
    """Release the staged decisions, once: proposals move on or out, applicants are told (admin)."""
    return await write.run(
        subject=access.subject, payload={"call_id": call_id}, status_code=200,
        action=lambda: service.release(access=access, call_id=call_id),
    )


@router.get("/proposals/{proposal_id}/feedback", response_model=FeedbackOut, responses=problem_responses(409))
async def get_feedback(access: AccessDep, service: FeedbackDep, proposal_id: ProposalId) -> FeedbackOut:
    """The outcome, rank and panel assessment the call's policy shares (co-authors, lead region's managers, admin)."""
    return await service.feedback(access=access, proposal_id=proposal_id)
