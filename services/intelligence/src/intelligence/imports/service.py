"""Coming back to an import's report: people see their own runs, the consortium admin everyone's."""

from __future__ import annotations

import uuid

from tex4im_common.pagination import PageParams

from intelligence.access import Access
from intelligence.errors import ImportRunNotFound
from intelligence.imports.report import ImportReport, RowOutcome
from intelligence.imports.repository import ImportRunRepository
from intelligence.imports.schemas import ImportRunOut, ImportRunPage


class ImportRunService:
    def __init__(self, repository: ImportRunRepository) -> None:
        self.repository = repository

    async def list_runs(self, *, access: Access, target: str | None, params: PageParams) -> ImportRunPage:
        runs, next_cursor = await self.repository.list_page(run_by=access.subject, target=target, params=params)
        return ImportRunPage(items=[ImportRunOut.model_validate(r) for r in runs], next_cursor=next_cursor)

    async def get_run(self, *, access: Access, run_id: uuid.UUID) -> ImportReport:
        subject = access.subject
        run = await self.repository.get(run_id)
        if run is None or (run.run_by != subject and not access.is_admin):
            raise ImportRunNotFound(f"There is no import run {run_id} of yours.")
        return ImportReport(
            id=run.id, target=run.target, adapter=run.adapter, filename=run.filename, dry_run=False,  # type: ignore[arg-type]
            rows_total=run.rows_total, rows_created=run.rows_created, rows_updated=run.rows_updated,
            rows_refused=run.rows_refused, rows=[RowOutcome.model_validate(r) for r in run.report],
            created_at=run.created_at, warnings=list(run.warnings),
        )
