"""Attachments as the API shows them."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field
from tex4im_common.pagination import Page


class AttachmentOut(BaseModel):
    id: uuid.UUID
    proposal_id: uuid.UUID
    kind: str = Field(examples=["budget"])
    filename: str = Field(examples=["budget-2027.xlsx"])
    media_type: str = Field(description="Decided from the file's content, not from what the uploader said.")
    size_bytes: int
    sha256: str = Field(description="The SHA-256 of the content, hex; also the download's ETag.")
    uploaded_by: str
    uploaded_at: datetime
    removed_at: datetime | None = Field(description="Removed from the working copy; versions naming it keep it.")
    content_url: str


AttachmentPage = Page[AttachmentOut]
