"""What the list of import runs shows; a run's full report is an `ImportReport`."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict
from tex4im_common.pagination import Page


class ImportRunOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    target: Literal["organisations", "opportunities"]
    adapter: str
    filename: str | None
    rows_total: int
    rows_created: int
    rows_updated: int
    rows_refused: int
    created_at: datetime


class ImportRunPage(Page[ImportRunOut]):
    """A page of import runs, newest first."""
