"""`csv`: the platform's own spreadsheet template, one opportunity per row.

Columns (header row required, any order, names as below): kind, title, summary, language, priorities,
region_codes, nace_codes, value_chain, lon, lat, deadline (YYYY-MM-DD), budget_eur (a plain number, `.` for
decimals), source, source_ref, link, status, visibility. kind, title, summary, region_codes, source and
source_ref are required: (source, source_ref) is how a re-import finds the record to update instead of adding
a copy. A column left out keeps a re-imported record's value; an empty cell clears it (or takes the default:
language en, status open, visibility consortium). Lists are separated by `|`. Cells are separated by commas or
semicolons (whichever the header uses); the file is UTF-8, with or without a byte-order mark.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from intelligence.opportunity.adapters.base import Candidate, FeedUnreadable, ImportContext, decode_text, text

COLUMNS = ("kind", "title", "summary", "language", "priorities", "region_codes", "nace_codes", "value_chain", "lon",
           "lat", "deadline", "budget_eur", "source", "source_ref", "link", "status", "visibility")
REQUIRED = ("kind", "title", "summary", "region_codes", "source", "source_ref")
LISTS = ("priorities", "region_codes", "nace_codes", "value_chain")
WITH_DEFAULT = ("language", "status", "visibility")  # an empty cell takes the default (or keeps the record's status)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _header(reader: Any) -> list[str]:
    for cells in reader:
        if any(c.strip() for c in cells):
            header = [c.strip().lower() for c in cells]
            break
    else:
        raise FeedUnreadable("The file is empty: the first row must name the template's columns.")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise FeedUnreadable(f"Unknown columns: {', '.join(unknown)}. The template's columns are {', '.join(COLUMNS)}.")
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise FeedUnreadable(f"Missing required columns: {', '.join(missing)}.")
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        raise FeedUnreadable(f"Columns named more than once: {', '.join(repeated)}.")
    return header


def _number(candidate: Candidate, column: str, cell: str | None) -> Decimal | None:
    if cell is None:
        return None
    try:
        return Decimal(cell)
    except InvalidOperation:
        candidate.refuse(column, f"'{cell}' is not a number (use a point for decimals, no thousands separator)")
        return None


def _row(item: int, cells: dict[str, str | None]) -> Candidate:
    candidate = Candidate(item=item, data={})
    data = candidate.data
    for column, cell in cells.items():
        if column in ("lon", "lat"):
            continue
        if column in LISTS:
            data[column] = [part.strip() for part in (cell or "").split("|") if part.strip()]
        elif column == "deadline" and cell is not None and not _DAY.match(cell):
            candidate.refuse("deadline", f"'{cell}' is not a date written YYYY-MM-DD")
        elif column == "budget_eur":
            data[column] = _number(candidate, column, cell)
        elif cell is not None or column not in WITH_DEFAULT:
            data[column] = cell
    for column in REQUIRED:
        if not data.get(column):
            candidate.refuse(column, "required")
    if "lon" in cells or "lat" in cells:
        lon, lat = _number(candidate, "lon", cells.get("lon")), _number(candidate, "lat", cells.get("lat"))
        if (cells.get("lon") is None) != (cells.get("lat") is None):
            candidate.refuse("lon" if cells.get("lon") is None else "lat", "give both lon and lat, or neither")
        data["point"] = {"lon": lon, "lat": lat} if lon is not None and lat is not None else None
    return candidate


def parse(data: bytes, context: ImportContext) -> list[Candidate]:
    """One candidate per non-blank data row, numbered from 1 after the header."""
    content = decode_text(data)
    first_line = next((line for line in content.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = _header(reader)
    candidates = []
    for item, row in enumerate(reader, start=1):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            candidate = Candidate(item=item, data={})
            candidate.refuse("row", f"has {len(row)} cells where the header names {len(header)} columns")
            candidates.append(candidate)
            continue
        candidates.append(_row(item, {column: text(cell) for column, cell in zip(header, row, strict=True)}))
    return candidates
