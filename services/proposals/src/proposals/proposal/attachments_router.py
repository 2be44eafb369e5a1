"""A proposal's attachments over HTTP: upload, list, download and remove."""

from __future__ import annotations

import base64
import hashlib
import unicodedata
import uuid
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Header, Path, Query, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from tex4im_common.db import SessionDep
from tex4im_common.pagination import PageParamsDep
from tex4im_common.problems import problem_responses

from proposals.access import AccessDep
from proposals.db import idempotency
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.attachment_schemas import AttachmentOut, AttachmentPage
from proposals.proposal.attachments import MAX_BYTES, AttachmentService
from proposals.vocab import AttachmentKind

router = APIRouter(tags=["attachments"], responses=problem_responses(401, 422))

ProposalId = Annotated[uuid.UUID, Path(description="The proposal's id.")]
AttachmentId = Annotated[uuid.UUID, Path(description="The attachment's id.")]


def _attachments(session: SessionDep) -> AttachmentService:
    return AttachmentService(ArchiveRepository(session))


ServiceDep = Annotated[AttachmentService, Depends(_attachments)]


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266, RFC 8187)."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    ascii_name = "".join(c if c.isprintable() and c not in '"\\;' else "_" for c in ascii_name).strip() or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _created_headers(result: BaseModel) -> dict[str, str]:
    assert isinstance(result, AttachmentOut)
    return {"Location": f"/proposals/{result.proposal_id}/attachments/{result.id}"}


@router.post(
    "/proposals/{proposal_id}/attachments", status_code=201, response_model=AttachmentOut,
    responses=problem_responses(401, 403, 404, 409, 413),
)
async def upload_attachment(
    access: AccessDep, service: ServiceDep, write: idempotency.Dep, proposal_id: ProposalId,
    file: Annotated[UploadFile, File(description=f"The file, at most {MAX_BYTES // (1024 * 1024)} MB.")],
    kind: Annotated[AttachmentKind, Form(description="What the file is to the proposal.")],
) -> JSONResponse:
    """Attach a file (type decided by its content); the co-authors while the proposal is editable."""
    content = await file.read(MAX_BYTES + 1)
    payload = {"kind": kind.value, "filename": file.filename, "sha256": hashlib.sha256(content).hexdigest()}
    return await write.run(
        subject=access.subject, payload=payload, status_code=201, headers=_created_headers,
        action=lambda: service.upload(
            access=access, proposal_id=proposal_id, kind=kind, filename=file.filename, content=content
        ),
    )


@router.get(
    "/proposals/{proposal_id}/attachments", response_model=AttachmentPage, responses=problem_responses(404),
)
async def list_attachments(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, page: PageParamsDep,
    include_removed: Annotated[bool, Query(description="Also the files removed from the working copy.")] = False,
) -> AttachmentPage:
    """The proposal's attachments, oldest first, for whoever may read the proposal."""
    return await service.list_attachments(
        access=access, proposal_id=proposal_id, include_removed=include_removed, params=page
    )


@router.get(
    "/proposals/{proposal_id}/attachments/{attachment_id}", response_model=AttachmentOut,
    responses=problem_responses(404),
)
async def get_attachment(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, attachment_id: AttachmentId,
) -> AttachmentOut:
    """One attachment's description, for whoever may read the proposal."""
    return await service.get_attachment(access=access, proposal_id=proposal_id, attachment_id=attachment_id)


@router.get(
    "/proposals/{proposal_id}/attachments/{attachment_id}/content",
    response_class=Response, responses={200: {"content": {"application/octet-stream": {}},
                                              "description": "The file's bytes."}, **problem_responses(404)},
)
async def download_attachment(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, attachment_id: AttachmentId,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response:
    """Download a file (removed ones too while a version names them), for whoever may read the proposal."""
    held = {tag.strip().removeprefix("W/").strip('"') for tag in (if_none_match or "").split(",") if tag.strip()}
    download = await service.download(access=access, proposal_id=proposal_id, attachment_id=attachment_id,
                                      unless_one_of=held)
    attachment = download.attachment
    headers = {"ETag": f'"{attachment.sha256}"', "Cache-Control": "private, no-cache"}
    if download.content is None:
        return Response(status_code=304, headers=headers)
    digest = base64.b64encode(bytes.fromhex(attachment.sha256)).decode()
    return Response(content=download.content, media_type=attachment.media_type, headers=headers | {
        "Content-Disposition": content_disposition(attachment.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Repr-Digest": f"sha-256=:{digest}:",
        "Digest": f"SHA-256={digest}",
    })


@router.delete(
    "/proposals/{proposal_id}/attachments/{attachment_id}", status_code=204,
    responses=problem_responses(401, 403, 404, 409),
)
async def remove_attachment(
    access: AccessDep, service: ServiceDep, proposal_id: ProposalId, attachment_id: AttachmentId,
) -> Response:
    """Remove a file from the working copy (versions keep it); the co-authors while the proposal is editable."""
    await service.remove(access=access, proposal_id=proposal_id, attachment_id=attachment_id)
    return Response(status_code=204)
