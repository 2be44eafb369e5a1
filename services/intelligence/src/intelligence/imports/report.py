"""The per-row report every import returns (and keeps), whatever it imports and whichever adapter read it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from intelligence.imports.models import ImportRun

RowStatus = Literal["created", "updated", "unchanged", "refused"]


class RowProblem(BaseModel):
    field: str = Field(description="The column (or feed field) that was wrong; `row` for the row as a whole.")
    message: str


class RowOutcome(BaseModel):
    row: int = Field(description="1-based data row number (the header is row 0) or feed item number.")
    status: RowStatus
    id: uuid.UUID | None = Field(default=None, description="The record created or updated.")
    label: str | None = Field(default=None, description="A name or title to recognise the row by.")
    problems: list[RowProblem] = Field(default_factory=list, description="Why a row was refused.")
    warnings: list[str] = Field(default_factory=list, description="Accepted, but worth a look (a likely duplicate).")


class ImportReport(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID | None = Field(description="The stored run; null for a dry run, which writes nothing.")
    target: Literal["organisations", "opportunities"]
    adapter: str
    filename: str | None
    dry_run: bool
    rows_total: int
    rows_created: int
    rows_updated: int
    rows_refused: int
    rows: list[RowOutcome]
    created_at: datetime | None = None
    warnings: list[str] = Field(default_factory=list, description="About the file as a whole (unknown columns).")


def summarise(
    *, target: Literal["organisations", "opportunities"], adapter: str, filename: str | None, dry_run: bool,
    rows: list[RowOutcome], warnings: list[str] | None = None,
) -> ImportReport:
    return ImportReport(
        id=None, target=target, adapter=adapter, filename=filename, dry_run=dry_run, rows_total=len(rows),
        rows_created=sum(r.status == "created" for r in rows), rows_updated=sum(r.status == "updated" for r in rows),
        rows_refused=sum(r.status == "refused" for r in rows), rows=rows, warnings=warnings or [],
    )


async def keep_report(session: AsyncSession, report: ImportReport, *, run_by: str) -> ImportReport:
    """Store the run (not for dry runs) so the manager can come back to its report; returns it with its id."""
    if report.dry_run:
        return report
    run = ImportRun(
        target=report.target, adapter=report.adapter, filename=report.filename, run_by=run_by,
        rows_total=report.rows_total, rows_created=report.rows_created, rows_updated=report.rows_updated,
        rows_refused=report.rows_refused, report=[r.model_dump(mode="json") for r in report.rows],
        warnings=report.warnings,
    )
    session.add(run)
    await session.flush()
    return report.model_copy(update={"id": run.id, "created_at": run.created_at})
