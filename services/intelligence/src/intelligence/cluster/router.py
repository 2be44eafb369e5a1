import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response
from tex4im_common.concurrency import IfMatchHeader, etag
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.cluster.schemas import ClusterDetailOut, ClusterMemberPage, ClusterPage, ClusterPatch, TransitionIn
from intelligence.cluster.service import ClusterService

router = APIRouter(prefix="/clusters", tags=["clusters"], responses=problem_responses(422))

ETAG_HEADER = {"ETag": {"description": "The cluster's version, for If-Match.", "schema": {"type": "string"}}}


@router.get("", response_model=ClusterPage)
async def list_clusters(
    session: SessionDep,
    page: PageParamsDep,
    region: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}[A-Za-z0-9]{1,3}$", description="NUTS-2 code")] = None,
) -> ClusterPage:
    """The clusters: the partnership's member clusters first (the coordinator leading), then the others."""
    return await ClusterService(session).list_clusters(params=page, region_code=region)


@router.get(
    "/{cluster_id}", response_model=ClusterDetailOut,
    responses={**problem_responses(404), 200: {"headers": ETAG_HEADER}},
)
async def get_cluster(
    cluster_id: uuid.UUID, access: AccessDep, session: SessionDep, response: Response
) -> ClusterDetailOut:
    """The cluster's ECCP profile, ESCP-S3 state and readiness; its state history for partnership users."""
    cluster = await ClusterService(session).get_cluster(access=access, cluster_id=cluster_id)
    response.headers["ETag"] = etag(cluster.version)
    return cluster


@router.patch(
    "/{cluster_id}", response_model=ClusterDetailOut,
    responses={**problem_responses(401, 403, 404, 412), 200: {"headers": ETAG_HEADER}},
)
async def update_cluster(
    cluster_id: uuid.UUID, body: ClusterPatch, access: AccessDep, session: SessionDep, response: Response,
    if_match: IfMatchHeader = None,
) -> ClusterDetailOut:
    """Change the cluster's ECCP profile; its region's cluster managers and the consortium admin."""
    cluster = await ClusterService(session).update_cluster(
        access=access, cluster_id=cluster_id, data=body, if_match=if_match
    )
    response.headers["ETag"] = etag(cluster.version)
    return cluster


@router.post(
    "/{cluster_id}/escp-transitions", response_model=ClusterDetailOut,
    responses={**problem_responses(401, 403, 404, 409, 412), 200: {"headers": ETAG_HEADER}},
)
async def transition_cluster(
    cluster_id: uuid.UUID, body: TransitionIn, access: AccessDep, session: SessionDep, response: Response,
    if_match: IfMatchHeader = None,
) -> ClusterDetailOut:
    """Move the cluster one ESCP-S3 step: draft → submitted → validated → linked, or back to draft."""
    cluster = await ClusterService(session).transition(
        access=access, cluster_id=cluster_id, data=body, if_match=if_match
    )
    response.headers["ETag"] = etag(cluster.version)
    return cluster


@router.get("/{cluster_id}/members", response_model=ClusterMemberPage, responses=problem_responses(404))
async def list_cluster_members(
    cluster_id: uuid.UUID, access: AccessDep, session: SessionDep, page: PageParamsDep
) -> ClusterMemberPage:
    """The cluster's member organisations the caller may see, by name."""
    return await ClusterService(session).members(access=access, cluster_id=cluster_id, params=page)
