"""The frozen content of a proposal, its versions and the comparison of two of them, as the API shows them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field
from tex4im_common.pagination import Page

CONTENT_FORMAT = 1


class OrganisationInVersion(BaseModel):
    organisation_id: uuid.UUID
    name: str | None = Field(description="As the registry named it when the version was frozen.")
    region_code: str | None


class PartnerInVersion(OrganisationInVersion):
    status: str = Field(examples=["confirmed"])
    role_description: str = ""


class FieldInVersion(BaseModel):
    """A call-specific question as the form asked it when the version was frozen."""

    key: str
    label: str
    type: str
    private_to_evaluators: bool


class AttachmentInVersion(BaseModel):
    id: uuid.UUID
    kind: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str


class VersionContent(BaseModel):
    """Everything a proposal said at one moment: fields, organisations, answers and the files' checksums."""

    format: int = Field(CONTENT_FORMAT, description="The layout of this document; 1 so far.")
    title: str
    acronym: str | None
    summary: str
    priorities: list[str]
    value_chain: list[str]
    trl: int | None
    budget_eur: str | None = Field(description="EUR as a decimal string, e.g. `\"500000.00\"`.")
    requested_eur: str | None = Field(description="EUR as a decimal string.")
    lead: OrganisationInVersion
    partners: list[PartnerInVersion]
    fields: list[FieldInVersion]
    answers: dict[str, Any] = Field(description="The call-specific answers by field key.")
    attachments: list[AttachmentInVersion]


class VersionSummary(BaseModel):
    number: int
    submitted_at: datetime
    submitted_by_name: str | None


VersionPage = Page[VersionSummary]


class VersionOut(VersionSummary):
    """A frozen version; answers private to evaluators are left out for callers who may not read them."""

    content: VersionContent


class ChangeKind(StrEnum):
    added = "added"
    removed = "removed"
    changed = "changed"


class TextSegment(BaseModel):
    """A run of words that both texts share (`equal`), only the later one has (`insert`) or only the earlier."""

    op: Literal["equal", "insert", "delete"]
    text: str


class Change(BaseModel):
    """One difference. Lists are compared item by item: `item` names the item (organisation id, code, sha256)."""

    field: str = Field(examples=["answers.market"])
    label: str = Field(examples=["Target market"])
    change: ChangeKind
    item: str | None = None
    before: Any = None
    after: Any = None
    diff: list[TextSegment] | None = Field(None, description="Long texts: the word-level difference, in order.")


class Comparison(BaseModel):
    from_version: int
    to_version: int | Literal["current"] = Field(description="A version number, or `current`: the working copy.")
    changes: list[Change]
