"""Request and response models of a person's notifications and of the mail log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tex4im_common.pagination import Page

from proposals.vocab import Audience


class NotificationOut(BaseModel):
    """A notification addressed to the caller (as a person, a member, a manager, the admin or an evaluator)."""

    id: uuid.UUID
    audience: Audience = Field(description="How it reached the caller.")
    kind: str = Field(examples=["proposal.partner_invited"])
    title: str
    body: str
    link: str | None = Field(description="Where in the app it leads, e.g. `/proposals/<id>`.")
    proposal_id: uuid.UUID | None
    created_at: datetime
    read: bool
    read_at: datetime | None


class NotificationPage(Page[NotificationOut]):
    """The caller's notifications, newest first."""


class UnreadCountOut(BaseModel):
    unread: int = Field(ge=0)


class MarkReadIn(BaseModel):
    """Either the notifications to mark read, or `all: true` for every one still unread."""

    model_config = ConfigDict(extra="forbid")

    ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=200)
    all: bool = False

    @model_validator(mode="after")
    def _one_of(self) -> MarkReadIn:
        if (self.ids is None) == (not self.all):
            raise ValueError("send either `ids` or `all: true`")
        return self


class MarkReadOut(BaseModel):
    marked: int = Field(ge=0, description="How many were unread until now.")
    unread: int = Field(ge=0, description="How many of the caller's notifications are still unread.")


class MailMessageOut(BaseModel):
    """One e-mail of the log: `logged` (recorded; sent once SMTP is configured), `sent` or `failed`."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    notification_id: uuid.UUID | None
    to_address: str
    subject_line: str
    body: str
    status: Literal["logged", "sent", "failed"]
    error: str | None
    created_at: datetime
    sent_at: datetime | None


class MailLogPage(Page[MailMessageOut]):
    """The mail log, newest first."""
