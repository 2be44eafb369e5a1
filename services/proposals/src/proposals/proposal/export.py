"""The export of a call's proposals as a spreadsheet (CSV or XLSX), for the admin and the cluster managers.

The admin gets every proposal of the call; a cluster manager those led from the regions they manage. One row per
proposal: the standard fields, then one column per call field, private ones included (both may read them).
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from proposals.access import Access
from proposals.call.models import Call, CallField
from proposals.errors import CallNotFound
from proposals.organisation import lookup
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.models import Proposal
from proposals.vocab import CallStatus, FieldType

Value = str | int | float | Decimal | datetime | date | bool | None

STANDARD_COLUMNS = (
    "Reference", "Title", "Acronym", "Stage", "Region", "Lead organisation", "Partner organisations",
    "Thematic priorities", "Value chain", "TRL", "Budget (EUR)", "Requested funding (EUR)",
    "First submitted at (UTC)", "Latest version",
)
# a spreadsheet runs a cell starting with one of these as a formula: CSV text cells get a leading apostrophe
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LIST_SEPARATOR = "; "
_EUR = "#,##0.00"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Value]]
    number_formats: dict[int, str]  # by column index, for the spreadsheet


class ExportService:
    def __init__(self, repository: ArchiveRepository) -> None:
        self.repository = repository

    async def export(self, *, access: Access, call_id: uuid.UUID, format: ExportFormat) -> ExportFile:
        """The call's proposals the caller looks after, as a file named `<CALL CODE>-proposals-<date>.<format>`."""
        access.require_manager(what="export a call's proposals")
        call = await self.repository.get_call(call_id)
        if call is None or (call.status == CallStatus.draft and not access.is_admin):
            raise CallNotFound(f"There is no call {call_id} that you may see.")
        regions = None if access.is_admin else access.managed_regions
        proposals = await self.repository.proposals_of_call(call.id, regions=regions)
        organisation_ids = {p.lead_organisation_id for p in proposals}
        organisation_ids |= {partner.organisation_id for p in proposals for partner in p.partners}
        names = {o.id: o.name for o in (await lookup.get_many(self.repository.session, organisation_ids)).values()}
        table = build_table(call, proposals, names)
        today = datetime.now(UTC).date().isoformat()
        code = re.sub(r"[^A-Za-z0-9._-]+", "-", call.code).strip("-.") or "call"
        content = to_csv(table) if format == ExportFormat.csv else to_xlsx(table)
        return ExportFile(f"{code}-proposals-{today}.{format.value}", MEDIA_TYPES[format], content)


def build_table(call: Call, proposals: Sequence[Proposal], names: dict[uuid.UUID, str]) -> Table:
    stage_labels = {s.key: s.label for s in call.stages}
    fields = list(call.fields)
    rows: list[list[Value]] = []
    for p in proposals:
        partners = _LIST_SEPARATOR.join(
            f"{names.get(partner.organisation_id, str(partner.organisation_id))} "
            f"({partner.region_code or 'no region'}, {partner.status})"
            for partner in p.partners
        )
        rows.append([
            p.reference, p.title, p.acronym, stage_labels.get(p.stage, p.stage), p.region_code,
            names.get(p.lead_organisation_id, str(p.lead_organisation_id)), partners,
            _LIST_SEPARATOR.join(p.priorities), _LIST_SEPARATOR.join(p.value_chain), p.trl, p.budget_eur,
            p.requested_eur, p.first_submitted_at, p.submitted_version or None,
            *(_answer(field, (p.answers or {}).get(field.key)) for field in fields),
        ])
    money = {STANDARD_COLUMNS.index("Budget (EUR)"): _EUR, STANDARD_COLUMNS.index("Requested funding (EUR)"): _EUR}
    return Table(headers=[*STANDARD_COLUMNS, *(f.label for f in fields)], rows=rows, number_formats=money)


def _answer(field: CallField, value: Any) -> Value:
    """An answer as a typed cell: numbers as numbers, dates as dates, yes/no as booleans."""
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return _LIST_SEPARATOR.join(str(v) for v in value)
    if field.type == FieldType.date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if field.type == FieldType.number and isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return value
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    return str(value)


def to_csv(table: Table) -> bytes:
    """UTF-8 with a byte order mark (so Excel reads it as UTF-8), commas, quotes where needed, CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")
    writer.writerow([_csv_cell(h) for h in table.headers])
    writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table) -> bytes:
    """One sheet, built in write-only mode: a bold, frozen header row with a filter; typed cells."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Proposals")
    sheet.freeze_panes = "A2"
    for index, header in enumerate(table.headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(12, len(header) + 4), 50)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for header in table.headers:
        cell = _xlsx_cell(sheet, header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in table.rows:
        cells = [_xlsx_cell(sheet, value) for value in row]
        for index, number_format in table.number_formats.items():
            if row[index] is not None:
                cells[index].number_format = number_format
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet: Any, value: Value) -> WriteOnlyCell:
    if isinstance(value, datetime):
        # Excel has no time zones: the value is UTC, as the header says
        cell = WriteOnlyCell(sheet, value=value.astimezone(UTC).replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
    elif isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # text that looks like a formula stays text
    else:
        cell = WriteOnlyCell(sheet, value=value)
    return cell
