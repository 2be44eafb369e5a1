"""What every adapter returns, and the small parsing helpers they share. Pure functions: no database, no HTTP."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from intelligence.imports.report import RowProblem


class FeedUnreadable(ValueError):
    """The file as a whole cannot be read (not UTF-8, not JSON, no header...): nothing in it is imported."""


@dataclass(frozen=True)
class ImportContext:
    """What the manager said about the import: the owner region, and the regions feed items concern."""

    owner_region_code: str
    region_codes: tuple[str, ...] = ()


@dataclass
class Candidate:
    """One item of the file: the fields it gives (named as in the API), or why it could not be read."""

    item: int
    data: dict[str, Any]
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def label(self) -> str | None:
        title = self.data.get("title")
        return str(title)[:120] if title else None

    def refuse(self, field_name: str, message: str) -> None:
        self.problems.append(RowProblem(field=field_name, message=message))


Adapter = Callable[[bytes, ImportContext], list[Candidate]]

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-][0-9:]+)?)?$")


def decode_text(data: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FeedUnreadable(f"The file is not UTF-8 text (byte {exc.start} cannot be read).") from exc


def load_json_items(data: bytes, *, wrapper_keys: tuple[str, ...]) -> list[Any]:
    """A JSON list of items, or an object holding that list under one of `wrapper_keys`; numbers stay exact."""
    try:
        document = json.loads(decode_text(data), parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FeedUnreadable(f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from exc
    if isinstance(document, dict):
        for key in wrapper_keys:
            if isinstance(document.get(key), list):
                return list(document[key])
    if isinstance(document, list):
        return document
    raise FeedUnreadable(f"Expected a JSON list of items, or an object with a list in {' or '.join(wrapper_keys)}.")


def parse_day(value: Any) -> date | None:
    """A date from `YYYY-MM-DD` or an ISO date-time (its date as written, whatever the zone); None if neither."""
    match = _DAY.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def text(value: Any) -> str | None:
    """A trimmed string, or None for a missing or blank value."""
    if value is None:
        return None
    result = str(value).strip()
    return result or None
