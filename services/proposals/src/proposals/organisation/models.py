"""The organisations proposals name: a copy of the registry's display fields from its feed, not a second registry."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.orm import Mapped, mapped_column

from proposals.db import Base


class OrganisationRef(Base):
    """One registry organisation as the intelligence change feed last described it.

    `version` is the registry's version of the record, so an older event never overwrites a newer copy.
    A merged organisation points at the record it was merged into; a deleted one is kept, marked, so the
    proposals that name it still show its name.
    """

    __tablename__ = "organisation"

    id: Mapped[uuid.UUID] = mapped_column(PG_UUID(as_uuid=True), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    country_code: Mapped[str | None] = mapped_column(String(2))
    region_code: Mapped[str | None] = mapped_column(String(4), index=True)
    city: Mapped[str | None] = mapped_column(String(200))
    priorities: Mapped[list[str]] = mapped_column(ARRAY(String(40)), server_default="{}")
    visibility: Mapped[str] = mapped_column(String(12))
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(PG_UUID(as_uuid=True))
    deleted: Mapped[bool] = mapped_column(server_default="false")
    version: Mapped[int] = mapped_column(Integer)
    synced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
