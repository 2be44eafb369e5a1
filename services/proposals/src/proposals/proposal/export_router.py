"""The export of a call's proposals over HTTP, as a CSV or XLSX download."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from tex4im_common.db import SessionDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.attachments_router import content_disposition
from proposals.proposal.export import MEDIA_TYPES, ExportFormat, ExportService

router = APIRouter(tags=["exports"], responses=problem_responses(401, 403, 404, 422))


def _exports(session: SessionDep) -> ExportService:
    return ExportService(ArchiveRepository(session))


ServiceDep = Annotated[ExportService, Depends(_exports)]


@router.get(
    "/calls/{call_id}/proposals/export", response_class=Response,
    responses={200: {"content": {media_type: {} for media_type in MEDIA_TYPES.values()},
                     "description": "The spreadsheet, one row per proposal."}},
)
async def export_call_proposals(
    access: AccessDep, service: ServiceDep, call_id: Annotated[uuid.UUID, Path(description="The call's id.")],
    format: Annotated[ExportFormat, Query(description="`csv` (UTF-8, for any tool) or `xlsx` (Excel).")] = (
        ExportFormat.csv
    ),
) -> Response:
    """The call's proposals as a spreadsheet: every one for the admin, their regions' for cluster managers."""
    export = await service.export(access=access, call_id=call_id, format=format)
    return Response(content=export.content, media_type=export.media_type, headers={
        "Content-Disposition": content_disposition(export.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
    })
