"""Import runs over HTTP: the caller's past imports and their per-row reports."""

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from intelligence.access import AccessDep
from intelligence.imports.report import ImportReport
from intelligence.imports.repository import ImportRunRepository
from intelligence.imports.schemas import ImportRunPage
from intelligence.imports.service import ImportRunService

router = APIRouter(prefix="/imports", tags=["imports"], responses=problem_responses(401, 422))


def _service(session: SessionDep) -> ImportRunService:
    return ImportRunService(ImportRunRepository(session))


ServiceDep = Annotated[ImportRunService, Depends(_service)]


@router.get("", response_model=ImportRunPage)
async def list_import_runs(
    access: AccessDep, service: ServiceDep, page: PageParamsDep,
    target: Annotated[Literal["organisations", "opportunities"] | None, Query(description="Only these.")] = None,
) -> ImportRunPage:
    """The caller's import runs (organisations and opportunities), newest first."""
    return await service.list_runs(access=access, target=target, params=page)


@router.get("/{run_id}", response_model=ImportReport, responses=problem_responses(404))
async def get_import_run(
    run_id: Annotated[uuid.UUID, Path(description="The run's id.")], access: AccessDep, service: ServiceDep
) -> ImportReport:
    """One of the caller's import runs with its per-row report (the admin may open anyone's)."""
    return await service.get_run(access=access, run_id=run_id)
