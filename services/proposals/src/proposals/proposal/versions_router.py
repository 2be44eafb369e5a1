"""A proposal's frozen versions over HTTP: the list, one version, and the comparison of two (or of one and now)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.version_schemas import Comparison, VersionOut, VersionPage
from proposals.proposal.versions import VersionService

router = APIRouter(tags=["versions"], responses=problem_responses(401, 404, 422))

ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]
VersionNumber = Annotated[int, Path(ge=1, le=32767, description="The version's number, from 1.")]


def _versions(session: SessionDep) -> VersionService:
    return VersionService(ArchiveRepository(session))


ServiceDep = Annotated[VersionService, Depends(_versions)]


@router.get("/proposals/{proposal_id}/versions", response_model=VersionPage)
async def list_versions(access: AccessDep, service: ServiceDep, proposal_id: ProposalId,
                        page: PageParamsDep) -> VersionPage:
    """The proposal's submitted versions, oldest first, for whoever may read the proposal."""
    return await service.list_versions(access=access, proposal_id=proposal_id, params=page)


@router.get("/proposals/{proposal_id}/versions/{number}", response_model=VersionOut)
async def get_version(access: AccessDep, service: ServiceDep, proposal_id: ProposalId,
                      number: VersionNumber) -> VersionOut:
    """One frozen version's complete content, for whoever may read the proposal (private answers per policy)."""
    return await service.get_version(access=access, proposal_id=proposal_id, number=number)


@router.get("/proposals/{proposal_id}/compare", response_model=Comparison)
async def compare_versions(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId,
    from_version: Annotated[int, Query(alias="from", ge=1, le=32767, description="The earlier version's number.")],
    to_version: Annotated[str, Query(
        alias="to", pattern=r"^(current|[1-9][0-9]{0,3})$",
        description="The later version's number, or `current` for the working copy.",
    )] = "current",
) -> Comparison:
    """What changed between two versions, or since a version (`to=current`), field by field."""
    return await service.compare(access=access, proposal_id=proposal_id, from_version=from_version,
                                 to_version=to_version if to_version == "current" else int(to_version))
