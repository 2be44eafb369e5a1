from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base


class SavedSearch(UUIDPrimaryKey, Timestamps, Base):
    """A user's named search; `last_seen_at` is when they last looked, so the results can say what is new."""

    __tablename__ = "saved_search"
    __table_args__ = (CheckConstraint("target IN ('organisations', 'opportunities')", name="target_known"),)

    owner: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(120))
    target: Mapped[str] = mapped_column(String(20))
    criteria: Mapped[dict[str, Any]] = mapped_column(JSONB)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
