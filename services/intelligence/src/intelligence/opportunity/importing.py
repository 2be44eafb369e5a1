"""Importing opportunities from a file or feed: each item checked like a new one, all accepted items or none.

An item already imported (same `source` and `source_ref`) is updated in place, never copied; the fields a
feed does not give keep the record's values. Refused items are listed with their item number, field and
message; the rest are written together in the request's transaction, or nothing is on a dry run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from tex4im_common.problems import FieldProblem

from intelligence.access import Access
from intelligence.errors import OpportunityFeedUnreadable, OpportunityTransitionNotAllowed
from intelligence.imports.report import ImportReport, RowOutcome, RowProblem, RowStatus, keep_report, summarise
from intelligence.opportunity import lifecycle
from intelligence.opportunity.adapters.base import Candidate, FeedUnreadable, ImportContext
from intelligence.opportunity.adapters.registry import ADAPTERS
from intelligence.opportunity.models import Opportunity
from intelligence.opportunity.repository import OpportunityRepository
from intelligence.opportunity.schemas import OpportunityCreate
from intelligence.opportunity.service import OpportunityService, column_values, differences, owner_region, today
from intelligence.vocab import OpportunityStatus

MAX_FILE_BYTES = 5 * 1024 * 1024
_NEW_STATUSES = (lifecycle.DRAFT, lifecycle.OPEN)


class ImportItem(OpportunityCreate):
    """An item may also close or archive a record it was imported as; a new record still starts draft or open."""

    status: OpportunityStatus = OpportunityStatus.open


@dataclass
class _Plan:
    """What one accepted item will do: create a record from every field, or update a known one with those given."""

    candidate: Candidate
    every_field: dict[str, Any]
    given_fields: dict[str, Any]
    existing: Opportunity | None = None

    @property
    def values(self) -> dict[str, Any]:
        return self.given_fields if self.existing else self.every_field

    def outcome(self, status: RowStatus, record: Opportunity | None = None) -> RowOutcome:
        record = record or self.existing
        return RowOutcome(row=self.candidate.item, status=status, id=record.id if record else None,
                          label=self.candidate.label)


def _refused(candidate: Candidate, problems: list[RowProblem]) -> RowOutcome:
    return RowOutcome(row=candidate.item, status="refused", label=candidate.label, problems=problems)


def _problems(error: ValidationError) -> list[RowProblem]:
    return [
        RowProblem(field=".".join(str(part) for part in e["loc"]) or "row", message=e["msg"]) for e in error.errors()
    ]


class OpportunityImportService:
    def __init__(self, repository: OpportunityRepository) -> None:
        self.repository = repository
        self.opportunities = OpportunityService(repository)

    async def import_file(
        self, *, access: Access, adapter: str, content: bytes, filename: str | None, dry_run: bool,
        owner_region_code: str | None, region_codes: list[str],
    ) -> ImportReport:
        """Read the file with the adapter, check every item, then write the accepted ones (unless a dry run)."""
        identity = access.require_manager()
        owner = owner_region(access, owner_region_code, field="query.owner_region")
        access.require_region_manager(owner, what="import opportunities for it")
        try:
            candidates = ADAPTERS[adapter](content, ImportContext(owner, tuple(region_codes)))
        except FeedUnreadable as exc:
            raise OpportunityFeedUnreadable(
                str(exc), errors=[FieldProblem(field="body.file", message=str(exc), code="unreadable")]
            ) from exc
        outcomes: dict[int, RowOutcome] = {}
        plans = await self._check(access, candidates, owner, outcomes)
        for plan in plans:
            outcomes[plan.candidate.item] = await self._write(plan, dry_run=dry_run, created_by=identity.subject)
        report = summarise(target="opportunities", adapter=adapter, filename=filename, dry_run=dry_run,
                           rows=[outcomes[c.item] for c in candidates])
        return await keep_report(self.repository.session, report, run_by=identity.subject)

    async def _validate(self, candidate: Candidate, owner: str) -> tuple[ImportItem | None, list[RowProblem]]:
        """The item checked like a new opportunity, or why it is refused."""
        if candidate.problems:
            return None, candidate.problems
        try:
            item = ImportItem.model_validate(candidate.data | {"owner_region_code": owner})
        except ValidationError as exc:
            return None, _problems(exc)
        if item.source_ref is None:
            return None, [RowProblem(field="source_ref", message="required: a re-import updates the record by it")]
        if item.organisation_id and not await self.repository.organisation_exists(item.organisation_id):
            return None, [RowProblem(field="organisation_id", message=f"no organisation {item.organisation_id}")]
        return item, []

    async def _check(
        self, access: Access, candidates: list[Candidate], owner: str, outcomes: dict[int, RowOutcome]
    ) -> list[_Plan]:
        """Validate each item and match it to the record imported before, if any; refusals go to `outcomes`."""
        plans: list[_Plan] = []
        first_item: dict[tuple[str | None, str | None], int] = {}
        for candidate in candidates:
            item, problems = await self._validate(candidate, owner)
            key = (item.source, item.source_ref) if item else (None, None)
            if item and key in first_item:
                problems = [RowProblem(field="source_ref",
                                       message=f"{item.source_ref} is already item {first_item[key]} of this file")]
            if item is None or problems:
                outcomes[candidate.item] = _refused(candidate, problems)
                continue
            first_item[key] = candidate.item
            plans.append(_Plan(candidate, column_values(item.model_dump()),
                               column_values(item.model_dump(exclude_unset=True))))
        existing = await self.repository.by_source_refs(
            (p.every_field["source"], p.every_field["source_ref"]) for p in plans
        )
        accepted = []
        for plan in plans:
            plan.existing = existing.get((plan.every_field["source"], plan.every_field["source_ref"]))
            problem = self._refusal(access, plan)
            if problem:
                outcomes[plan.candidate.item] = _refused(plan.candidate, [problem])
            else:
                accepted.append(plan)
        return accepted

    @staticmethod
    def _refusal(access: Access, plan: _Plan) -> RowProblem | None:
        """Why a checked item still cannot be written: a status a record cannot start or move to, or its owner."""
        if plan.existing is None:
            if plan.every_field["status"] not in _NEW_STATUSES:
                return RowProblem(field="status", message="a new opportunity starts as draft or open")
            return None
        if not access.manages_region(plan.existing.owner_region_code):
            return RowProblem(field="source_ref", message=(
                f"already imported for region {plan.existing.owner_region_code}, which you do not manage"
            ))
        try:
            lifecycle.check_transition(
                plan.existing.status, plan.given_fields.get("status", plan.existing.status),
                deadline=plan.given_fields.get("deadline", plan.existing.deadline), today=today(),
            )
        except OpportunityTransitionNotAllowed as exc:
            return RowProblem(field="status", message=str(exc.detail))
        return None

    async def _write(self, plan: _Plan, *, dry_run: bool, created_by: str) -> RowOutcome:
        if plan.existing is None:
            if dry_run:
                return plan.outcome("created")
            return plan.outcome("created", await self.opportunities.insert(values=plan.values, created_by=created_by))
        if not differences(plan.existing, plan.values):
            return plan.outcome("unchanged")
        if not dry_run:
            await self.opportunities.apply(plan.existing, plan.values)
        return plan.outcome("updated")
