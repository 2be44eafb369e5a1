"""HTTP for the regions compared (overlap matrix, scorecard) and their boundaries: the fixed `/regions/...` paths,
included before `/regions/{code}` so that they are matched first."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from tex4im_common.db import SessionDep
from tex4im_common.problems import FieldProblem, PayloadTooLarge, problem_responses

from intelligence.access import AccessDep
from intelligence.errors import InvalidBoundaries
from intelligence.region.boundaries import BoundaryService
from intelligence.region.overlap import OverlapService
from intelligence.region.schemas import BoundaryCollection, BoundaryImportReport, PriorityOverlapOut, ScorecardOut
from intelligence.region.scorecard import ScorecardService

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TOO_LARGE = "The upload is larger than 20 MB; import fewer or simplified features."

router = APIRouter(prefix="/regions", tags=["regions"])


class GeoJSONResponse(JSONResponse):
    media_type = "application/geo+json"


@router.get("/priority-overlap", response_model=PriorityOverlapOut)
async def get_priority_overlap(session: SessionDep) -> PriorityOverlapOut:
    """Each pair of regions with the thematic priorities their S3 priorities share, the count and Jaccard index."""
    return await OverlapService(session).priority_overlap()


@router.get("/scorecard", response_model=ScorecardOut)
async def get_scorecard(access: AccessDep, session: SessionDep) -> ScorecardOut:
    """The regions side by side: latest indicator values (with scope and source) and live platform counts."""
    return await ScorecardService(session).scorecard(access=access)


@router.get(
    "/boundaries", response_model=BoundaryCollection, response_class=GeoJSONResponse,
    responses=problem_responses(422),
)
async def get_boundaries(
    session: SessionDep,
    indicator: Annotated[
        str | None,
        Query(pattern=r"^[a-z][a-z0-9_]{1,59}$", description="Add this indicator's latest value to each feature."),
    ] = None,
) -> BoundaryCollection:
    """The imported region polygons as GeoJSON (empty when none are loaded: the map then shows points)."""
    return await BoundaryService(session).collection(indicator=indicator)


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "A GeoJSON FeatureCollection (at most 20 MB), as the body or as the multipart field `file`.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "application/geo+json": {"schema": {"type": "object"}},
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"],
                           "properties": {"file": {"type": "string", "format": "binary"}}},
            },
        },
    }
}


@router.put(
    "/boundaries", response_model=BoundaryImportReport, openapi_extra=_UPLOAD_BODY,
    responses=problem_responses(401, 403, 413, 422),
)
async def import_boundaries(
    request: Request,
    access: AccessDep,
    session: SessionDep,
    source: Annotated[
        str | None,
        Query(min_length=1, max_length=300, description="Where the polygons come from, e.g. 'GISCO NUTS 2021'."),
    ] = None,
) -> BoundaryImportReport:
    """Import region polygons (features matched by NUTS_ID); the cluster managers and the consortium admin."""
    return await BoundaryService(session).import_boundaries(
        access=access, read_upload=lambda: _read_upload(request), source=source
    )


@router.delete("/boundaries", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 403, 404))
async def delete_boundaries(
    access: AccessDep,
    session: SessionDep,
    code: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}[A-Za-z0-9]{1,3}$",
                                      description="Only this region's boundary.")] = None,
) -> Response:
    """Remove the stored boundaries (all, or one region's); the consortium admin only."""
    await BoundaryService(session).delete_boundaries(access=access, code=code)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise PayloadTooLarge(TOO_LARGE)  # refused before reading it
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise PayloadTooLarge(TOO_LARGE)
        chunks.append(chunk)
    return b"".join(chunks)


async def _read_upload(request: Request) -> tuple[Any, str | None]:
    """The uploaded document, parsed, and its file name (multipart uploads only)."""
    body = await _read_body(request)
    filename = None
    if request.headers.get("content-type", "").startswith("multipart/form-data"):

        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async with Request(request.scope, replay).form(max_files=1, max_fields=10) as form:
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise InvalidBoundaries(
                    "The multipart upload has no file in the field `file`.",
                    errors=[FieldProblem(field="body.file", message="missing file", code="missing")],
                )
            filename, body = upload.filename, await upload.read()
    try:
        return json.loads(body), filename
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise InvalidBoundaries(
            f"The upload is not valid JSON: {exc}.",
            errors=[FieldProblem(field="body", message="not valid JSON", code="json_invalid")],
        ) from exc
