from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Integer, String, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from tex4im_common.db import Timestamps, UUIDPrimaryKey

from intelligence.db import Base


class ImportRun(UUIDPrimaryKey, Timestamps, Base):
    """One import of a file or feed, with its per-row report kept for the manager who ran it."""

    __tablename__ = "import_run"
    __table_args__ = (CheckConstraint("target IN ('organisations', 'opportunities')", name="target_known"),)

    target: Mapped[str] = mapped_column(String(20))
    adapter: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str | None] = mapped_column(String(255))
    run_by: Mapped[str] = mapped_column(String(100))
    rows_total: Mapped[int] = mapped_column(Integer)
    rows_created: Mapped[int] = mapped_column(Integer)
    rows_updated: Mapped[int] = mapped_column(Integer)
    rows_refused: Mapped[int] = mapped_column(Integer)
    report: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    # about the file as a whole (e.g. unknown columns), next to the per-row report
    warnings: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
