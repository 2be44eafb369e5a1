"""Importing organisations from a CSV file: each row checked like a POST, the accepted ones written together.

UTF-8 (a BOM is fine), comma or semicolon separated (read from the header line), list cells split on `|`.
A row whose VAT number is already registered updates that record instead of adding a copy.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from tex4im_common.problems import FieldProblem, Forbidden

from intelligence.access import Access
from intelligence.errors import OrganisationFileTooLarge, OrganisationFileUnreadable
from intelligence.imports.report import ImportReport, RowOutcome, RowProblem, keep_report, summarise
from intelligence.organisation import events
from intelligence.organisation.duplicates import DuplicateMatch, detect_duplicates
from intelligence.organisation.models import Organisation, OrganisationContact
from intelligence.organisation.policy import managing_region, may_manage, steward_for
from intelligence.organisation.schemas import LIST_FIELDS, ContactCreate, OrganisationCreate
from intelligence.organisation.service import OrganisationService, apply_changes, new_organisation

ADAPTER = "csv"
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
ORGANISATION_COLUMNS = (
    "name", "kind", "vat_number", "country_code", "region_code", "city", "lon", "lat", "nace_codes", "size_class",
    "value_chain", "capabilities", "certifications", "priorities", "website", "description", "language",
    "visibility",
)
CONTACT_COLUMNS = {"contact_name": "name", "contact_email": "email"}
REQUIRED_COLUMNS = ("name", "kind", "country_code")
LIST_SEPARATOR = "|"
REASONS = {"same_vat_number": "the same VAT number", "similar_name_same_city": "a similar name in the same city"}


@dataclass
class CsvTable:
    rows: list[tuple[int, dict[str, str]]]  # (data row number, cells by column); blank lines skipped
    warnings: list[str] = field(default_factory=list)


def read_table(data: bytes) -> CsvTable:
    """The data rows keyed by (lower-case) column, or a problem for the whole file."""
    if len(data) > MAX_BYTES:
        raise OrganisationFileTooLarge(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB; split it.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _unreadable(f"The file is not UTF-8 text (byte {exc.start} is not valid UTF-8).") from exc
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [column.strip().lower() for column in next(reader, [])]
        body = [(number, row) for number, row in enumerate(reader, start=1) if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise _unreadable(f"The file is not valid CSV: {exc}.") from exc
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise OrganisationFileUnreadable(
            f"The file lacks required columns: {', '.join(missing)}.",
            errors=[FieldProblem(field="file", message=f"missing column {c}", code="column_missing") for c in missing],
        )
    if len(body) > MAX_ROWS:
        raise OrganisationFileTooLarge(f"The file has {len(body):,} rows; at most {MAX_ROWS:,} per import.")
    known = set(ORGANISATION_COLUMNS) | set(CONTACT_COLUMNS)
    warnings = [f"Unknown column {column!r} ignored." for column in header if column and column not in known]
    rows = [(number, dict(zip(header, (cell.strip() for cell in row), strict=False))) for number, row in body]
    return CsvTable(rows=rows, warnings=warnings)


def _unreadable(detail: str) -> OrganisationFileUnreadable:
    return OrganisationFileUnreadable(
        detail, errors=[FieldProblem(field="file", message=detail, code="file_unreadable")]
    )


def _problems(exc: ValidationError, columns: dict[str, str] | None = None) -> list[RowProblem]:
    problems = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "row"
        message = error["msg"]
        if len(error["loc"]) > 1 and isinstance(error["input"], str):  # one item of a list cell
            message = f"{message} (got {error['input']!r})"
        problems.append(RowProblem(field=(columns or {}).get(name, name), message=message))
    return problems


@dataclass
class CheckedRow:
    """A row after the checks that need no database: the validated record and contact, or its problems."""

    number: int
    label: str | None
    data: OrganisationCreate | None = None
    contact: ContactCreate | None = None
    problems: list[RowProblem] = field(default_factory=list)


def check_row(number: int, row: dict[str, str]) -> CheckedRow:
    """Validate a row with the same schema as `POST /organisations` (and its contact like a contact)."""
    checked = CheckedRow(number=number, label=row.get("name") or None)
    values: dict[str, Any] = {c: row[c] for c in ORGANISATION_COLUMNS if row.get(c)}
    for column in LIST_FIELDS:
        if column in values:
            values[column] = [item.strip() for item in values[column].split(LIST_SEPARATOR) if item.strip()]
    try:
        checked.data = OrganisationCreate.model_validate(values)
    except ValidationError as exc:
        checked.problems += _problems(exc)
    contact = {attribute: row[column] for column, attribute in CONTACT_COLUMNS.items() if row.get(column)}
    if contact and "name" not in contact:
        checked.problems.append(RowProblem(field="contact_name", message="needed with contact_email"))
    elif contact:
        try:
            checked.contact = ContactCreate.model_validate(contact)
        except ValidationError as exc:
            checked.problems += _problems(exc, {attribute: column for column, attribute in CONTACT_COLUMNS.items()})
    return checked


class OrganisationImporter:
    """One import run for one caller; `dry_run` does every check and writes nothing.

    Rows are checked one by one in file order (a later row with the VAT number of an earlier one updates
    it), then everything accepted is written in a few batched statements, so a full file stays quick.
    """

    def __init__(self, service: OrganisationService) -> None:
        self.repository = service.repository

    async def run(self, *, access: Access, data: bytes, filename: str | None, dry_run: bool) -> ImportReport:
        access.require_manager()
        table = read_table(data)
        rows = [check_row(number, row) for number, row in table.rows]
        savepoint = await self.repository.savepoint() if dry_run else None
        try:
            outcomes = await self._write(access, rows)
        finally:
            if savepoint is not None:
                await savepoint.rollback()
        if dry_run:  # nothing was created: no ids to hand out
            outcomes = [o.model_copy(update={"id": None}) if o.status == "created" else o for o in outcomes]
        report = summarise(target="organisations", adapter=ADAPTER, filename=filename, dry_run=dry_run,
                           rows=outcomes, warnings=table.warnings)
        return await keep_report(self.repository.session, report, run_by=access.subject)

    async def _write(self, access: Access, rows: list[CheckedRow]) -> list[RowOutcome]:
        partner_regions = await self.repository.partner_region_codes()
        by_vat = await self.repository.find_by_vats(r.data.vat_number for r in rows if r.data and r.data.vat_number)
        contacts = await self.repository.contacts_of({o.id for found in by_vat.values() for o in found})
        created: dict[uuid.UUID, Organisation] = {}
        changed: dict[uuid.UUID, Organisation] = {}
        new_contacts: list[OrganisationContact] = []
        outcomes: list[RowOutcome] = []
        for row in rows:
            outcome = RowOutcome(row=row.number, status="refused", label=row.label, problems=row.problems)
            outcomes.append(outcome)
            if row.data is None or row.problems:
                continue
            same_vat = by_vat.get(row.data.vat_number, []) if row.data.vat_number else []
            if len(same_vat) > 1:
                message = f"matches {len(same_vat)} registered records; merge those duplicates first"
                outcome.problems = [RowProblem(field="vat_number", message=message)]
                continue
            # the record with this VAT number must be one the caller looks after, and so must the row's region
            refused_field = "vat_number" if same_vat and not may_manage(access, same_vat[0]) else "region_code"
            try:
                if same_vat:
                    organisation = same_vat[0]
                    outcome.status = "updated" if apply_changes(
                        organisation, _changes(access, organisation, row.data, partner_regions)
                    ) else "unchanged"
                    if outcome.status == "updated" and organisation.id not in created:
                        changed[organisation.id] = organisation
                else:
                    organisation = new_organisation(
                        row.data, steward_for(access, row.data.region_code, partner_regions)
                    )
                    created[organisation.id] = organisation
                    outcome.status = "created"
                    if row.data.vat_number:
                        by_vat[row.data.vat_number] = [organisation]
            except Forbidden as exc:
                outcome.problems = [RowProblem(field=refused_field, message=exc.detail or exc.title)]
                continue
            outcome.id = organisation.id
            known = contacts.setdefault(organisation.id, [])
            if row.contact is not None and not any(_same_person(row.contact, c) for c in known):
                contact = OrganisationContact(id=uuid.uuid4(), organisation_id=organisation.id,
                                              **row.contact.model_dump())
                known.append(contact)
                new_contacts.append(contact)
                if outcome.status == "unchanged":
                    outcome.status = "updated"
        await self._save(created, changed, new_contacts, outcomes)
        return outcomes

    async def _save(
        self, created: dict[uuid.UUID, Organisation], changed: dict[uuid.UUID, Organisation],
        new_contacts: list[OrganisationContact], outcomes: list[RowOutcome],
    ) -> None:
        """Write the batch, look for duplicates among and around it, and tell the feed once per record."""
        now = datetime.now(UTC)
        for organisation in changed.values():
            organisation.updated_at = now
        await self.repository.add(*created.values(), *new_contacts)
        written = [*created.values(), *changed.values()]
        matches = await detect_duplicates(self.repository, written) if written else {}
        await self.repository.record_events(
            [(events.CREATED, o.id, events.organisation_payload(o)) for o in created.values()]
            + [(events.UPDATED, o.id, events.organisation_payload(o)) for o in changed.values()]
        )
        for outcome in outcomes:
            if outcome.id in matches and outcome.status != "unchanged":
                outcome.warnings = [_duplicate_warning(m) for m in matches[outcome.id]]


def _changes(
    access: Access, organisation: Organisation, data: OrganisationCreate, partner_regions: set[str]
) -> dict[str, Any]:
    """The row's filled cells as changes to the record with its VAT number, if the caller may make them."""
    if not may_manage(access, organisation):
        access.require_region_manager(managing_region(organisation), what="update the record with this VAT number")
    changes = {name: getattr(data, name) for name in data.model_fields_set}
    if "region_code" in changes and data.region_code != organisation.region_code:
        current = organisation.steward_region_code or (
            organisation.region_code if organisation.region_code in partner_regions else None
        )
        changes["steward_region_code"] = steward_for(access, data.region_code, partner_regions, current=current)
    return changes


def _same_person(contact: ContactCreate, known: OrganisationContact) -> bool:
    """The organisation has this contact already: the same e-mail address, or the same name."""
    if contact.email and known.email and known.email.casefold() == contact.email.casefold():
        return True
    return known.name.casefold() == contact.name.casefold()


def _duplicate_warning(match: DuplicateMatch) -> str:
    other = match.other
    where = f", {other.city}" if other.city else ""
    return f"Looks like a duplicate of {other.name!r} ({other.id}{where}): {REASONS[match.candidate.reason]}."
