"""The organisation copy as the API shows it (the partner picker) and the state of the feed that fills it."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from tex4im_common.pagination import Page


class OrganisationOut(BaseModel):
    """An organisation of the registry, as much as choosing a partner needs."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: str = Field(examples=["company"])
    region_code: str | None = Field(examples=["PT11"], description="NUTS-2; null outside the regions we know.")


class OrganisationPage(Page[OrganisationOut]):
    """Organisations by name, then id."""


class SyncStatusOut(BaseModel):
    """How far the copy has read intelligence's change feed."""

    feed: str = Field(examples=["intelligence"])
    running: bool = Field(description="Whether this instance follows the feed (the settings name the upstreams).")
    cursor: str | None = Field(description="Where the next poll starts; null before the first one.")
    events_applied: int = Field(description="Events read from the feed and applied so far.")
    last_error: str | None = Field(description="Why the latest poll failed; null once one succeeds.")
    updated_at: datetime | None = Field(description="When the cursor or the error last changed.")
