"""Attachments: files the co-authors add to a proposal, checked by content, stored once per content.

The bytes live in `AttachmentBlob`, keyed by their SHA-256 and written once whoever uploads them again; an
`Attachment` row names them for one proposal. Removing a file from the working copy only marks it removed,
because a frozen version may name it: whoever may read that version may still download it.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from collections.abc import Set
from dataclasses import dataclass
from datetime import UTC, datetime

from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.db import outbox
from proposals.errors import (
    AttachmentAlreadyAttached,
    AttachmentNotFound,
    AttachmentTooLarge,
    AttachmentTypeRefused,
    TooManyAttachments,
)
from proposals.proposal import file_types
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.attachment_schemas import AttachmentOut, AttachmentPage
from proposals.proposal.loader import Loaded, load, require_editable
from proposals.proposal.models import Attachment, Proposal
from proposals.proposal.versions import AGGREGATE
from proposals.vocab import AttachmentKind

MAX_BYTES = 20 * 1024 * 1024
MAX_CURRENT = 30
ATTACHMENT_ADDED = "proposal.attachment_added"
ATTACHMENT_REMOVED = "proposal.attachment_removed"
_FILE_FIELD = "body.file"
_ACCEPTED = "PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, CSV or TXT"


@dataclass(frozen=True)
class Download:
    attachment: Attachment
    content: bytes | None


def to_out(attachment: Attachment) -> AttachmentOut:
    return AttachmentOut(
        id=attachment.id, proposal_id=attachment.proposal_id, kind=attachment.kind, filename=attachment.filename,
        media_type=attachment.media_type,
        size_bytes=attachment.size_bytes, sha256=attachment.sha256, uploaded_by=attachment.uploaded_by,
        uploaded_at=attachment.uploaded_at, removed_at=attachment.removed_at,
        content_url=f"/proposals/{attachment.proposal_id}/attachments/{attachment.id}/content",
    )


def _split(filename: str | None) -> tuple[str, str | None]:
    """The name without any path, control characters or surrounding dots and spaces, and its extension."""
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip(" .")
    stem, dot, extension = name.rpartition(".")
    if dot and stem and extension:
        return name, extension.lower()
    return name, None


def checked_type_and_name(content: bytes, filename: str | None) -> tuple[file_types.FileType, str]:
    """The type the content really has, and the name to store; 422 when it is refused or misnamed."""
    name, extension = _split(filename)
    detection = file_types.detect(content)
    file_type = detection.type
    if file_type is None:
        raise AttachmentTypeRefused(
            f"The file's content is {detection.found}; attach a {_ACCEPTED} file.",
            errors=[FieldProblem(field=_FILE_FIELD, message=f"found {detection.found}", code="type_not_accepted")],
        )
    if file_type is file_types.TEXT:
        file_type = file_types.type_for_text(extension)
    if extension is not None and extension not in file_type.extensions:
        raise AttachmentTypeRefused(
            f"The file is named '{name}', but its content is {detection.found}: rename it or attach the right file.",
            errors=[FieldProblem(field=_FILE_FIELD, message=f".{extension} does not match {detection.found}",
                                 code="extension_mismatch")],
        )
    if extension is None:
        name = f"{name or 'attachment'}.{file_type.extension}"
    if len(name) > 255:
        suffix = f".{extension or file_type.extension}"
        name = name[: 255 - len(suffix)] + suffix
    return file_type, name


class AttachmentService:
    def __init__(self, repository: ArchiveRepository) -> None:
        self.repository = repository

    async def upload(
        self, *, access: Access, proposal_id: uuid.UUID, kind: AttachmentKind, filename: str | None, content: bytes,
    ) -> AttachmentOut:
        """Attach a file: co-authors (and the admin) while the proposal is editable."""
        found = await self._editable(access=access, proposal_id=proposal_id, what="add attachments")
        if len(content) > MAX_BYTES:
            raise AttachmentTooLarge(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; attach a smaller one.")
        file_type, name = checked_type_and_name(content, filename)
        proposal = found.proposal
        sha256 = hashlib.sha256(content).hexdigest()
        existing = await self.repository.current_with_content(proposal.id, sha256)
        if existing is not None:
            raise AttachmentAlreadyAttached(
                f"This file is already attached as '{existing.filename}'.", extra={"attachment_id": str(existing.id)}
            )
        if await self.repository.count_current(proposal.id) >= MAX_CURRENT:
            raise TooManyAttachments(f"A proposal has at most {MAX_CURRENT} attachments; remove one first.")
        await self.repository.store_blob(sha256=sha256, content=content)
        attachment = Attachment(
            id=uuid.uuid4(), proposal_id=proposal.id, kind=kind.value, filename=name, media_type=file_type.media_type,
            size_bytes=len(content), sha256=sha256, uploaded_by=access.subject, uploaded_at=datetime.now(UTC),
        )
        await self.repository.add_attachment(attachment)
        await self._record(ATTACHMENT_ADDED, proposal, attachment)
        return to_out(attachment)

    async def list_attachments(
        self, *, access: Access, proposal_id: uuid.UUID, include_removed: bool, params: PageParams
    ) -> AttachmentPage:
        """The proposal's attachments, oldest first; removed ones only when asked for."""
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        rows, next_cursor = await self.repository.list_attachments(
            found.proposal.id, include_removed=include_removed, params=params
        )
        return AttachmentPage(items=[to_out(a) for a in rows], next_cursor=next_cursor)

    async def get_attachment(
        self, *, access: Access, proposal_id: uuid.UUID, attachment_id: uuid.UUID
    ) -> AttachmentOut:
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        return to_out(await self._attachment(found.proposal, attachment_id))

    async def download(
        self, *, access: Access, proposal_id: uuid.UUID, attachment_id: uuid.UUID,
        unless_one_of: Set[str] = frozenset(),
    ) -> Download:
        """A current attachment, or a removed one that a frozen version names, to whoever may read the proposal.

        The content is left out when the caller already holds it (`unless_one_of` names its SHA-256, or `*`).
        """
        found = await load(self.repository.session, access=access, proposal_id=proposal_id)
        attachment = await self._attachment(found.proposal, attachment_id)
        if attachment.removed_at is not None and not await self.repository.a_version_names(
            found.proposal.id, attachment.id
        ):
            raise AttachmentNotFound(f"Attachment {attachment_id} was removed and no submitted version names it.")
        if unless_one_of & {"*", attachment.sha256}:
            return Download(attachment, None)
        return Download(attachment, await self.repository.blob_content(attachment.sha256))

    async def remove(self, *, access: Access, proposal_id: uuid.UUID, attachment_id: uuid.UUID) -> None:
        """Remove a file from the working copy (removing it again changes nothing)."""
        found = await self._editable(access=access, proposal_id=proposal_id, what="remove attachments")
        attachment = await self._attachment(found.proposal, attachment_id)
        if attachment.removed_at is not None:
            return
        attachment.removed_at = datetime.now(UTC)
        await self.repository.save()
        await self._record(ATTACHMENT_REMOVED, found.proposal, attachment)

    async def _editable(self, *, access: Access, proposal_id: uuid.UUID, what: str) -> Loaded:
        found = await load(self.repository.session, access=access, proposal_id=proposal_id, lock=True)
        require_editable(found, what=what)
        return found

    async def _attachment(self, proposal: Proposal, attachment_id: uuid.UUID) -> Attachment:
        attachment = await self.repository.get_attachment(proposal.id, attachment_id)
        if attachment is None:
            raise AttachmentNotFound(f"Proposal {proposal.reference} has no attachment {attachment_id}.")
        return attachment

    async def _record(self, type: str, proposal: Proposal, attachment: Attachment) -> None:
        await outbox.record_event(
            self.repository.session, type=type, aggregate_type=AGGREGATE, aggregate_id=str(proposal.id),
            payload={
                "proposal_id": str(proposal.id), "call_id": str(proposal.call_id), "reference": proposal.reference,
                "attachment_id": str(attachment.id), "kind": attachment.kind, "filename": attachment.filename,
                "media_type": attachment.media_type, "size_bytes": attachment.size_bytes, "sha256": attachment.sha256,
            },
        )
