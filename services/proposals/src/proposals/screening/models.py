"""Screening: the cluster manager's eligibility decision, with the checklist as it stood when they decided."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from tex4im_common.db import UUIDPrimaryKey

from proposals.db import Base


class ScreeningDecision(UUIDPrimaryKey, Base):
    """The latest eligibility decision on a proposal (one per proposal; a new decision replaces it)."""

    __tablename__ = "screening_decision"

    proposal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"), unique=True)
    eligible: Mapped[bool]
    reason: Mapped[str] = mapped_column(Text)
    checks: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_by_name: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
