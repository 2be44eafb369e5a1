"""Keyset pagination for searches: the cursor holds the sort key of the last item, bound to its search.

Why keyset and not an offset: a page starts strictly after the last item seen, so records added or
removed between two requests neither repeat an item nor skip one that was already ahead of the reader.
A ranked search sorts by (rank desc, id); the rank is recomputed exactly from the same words, data and
day, so comparing it again is exact. The cursor also carries a short fingerprint of the criteria, and a
cursor handed out for other criteria is refused instead of silently paging a different list.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, and_, or_
from tex4im_common.problems import FieldProblem, InvalidInput


@dataclass(frozen=True)
class SortKey:
    expression: ColumnElement[Any]
    descending: bool
    decode: Callable[[Any], Any]

    def ordering(self) -> ColumnElement[Any]:
        return self.expression.desc() if self.descending else self.expression.asc()

    def beyond(self, value: Any) -> ColumnElement[bool]:
        return self.expression < value if self.descending else self.expression > value

    def at_or_beyond(self, value: Any) -> ColumnElement[bool]:
        return self.expression <= value if self.descending else self.expression >= value


def by_rank(rank: ColumnElement[float], id_column: ColumnElement[Any]) -> list[SortKey]:
    return [SortKey(rank, True, float), SortKey(id_column, False, uuid.UUID)]


def after(keys: list[SortKey], values: list[Any]) -> ColumnElement[bool]:
    """Rows sorting strictly after `values` under `keys` (mixed directions: one OR branch per key).

    The first key's bound is repeated outside the OR (every branch implies it), so an index on the sort
    keys starts reading at the cursor instead of skipping every row before it.
    """
    branches = []
    for i, key in enumerate(keys):
        equal = [keys[j].expression == values[j] for j in range(i)]
        branches.append(and_(*equal, key.beyond(values[i])))
    return and_(keys[0].at_or_beyond(values[0]), or_(*branches))


def fingerprint(criteria: BaseModel) -> str:
    canonical = json.dumps(criteria.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def encode(values: list[Any], *, search: str) -> str:
    raw = json.dumps({"k": [_plain(v) for v in values], "s": search}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _refused(message: str) -> InvalidInput:
    return InvalidInput(
        "The cursor is not one this search handed out; start again from the first page.",
        errors=[FieldProblem(field="query.cursor", message=message, code="cursor_invalid")],
    )


def decode(cursor: str, keys: list[SortKey], *, search: str) -> list[Any]:
    """The sort key values in `cursor`, checked against the search it was handed out for."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        values, origin = raw["k"], raw["s"]
    except (ValueError, TypeError, KeyError) as exc:
        raise _refused("unknown or malformed cursor") from exc
    if origin != search:
        raise _refused("the cursor belongs to a search with other criteria")
    if not isinstance(values, list) or len(values) != len(keys):
        raise _refused("unknown or malformed cursor")
    try:
        return [key.decode(value) for key, value in zip(keys, values, strict=True)]
    except (TypeError, ValueError) as exc:
        raise _refused("unknown or malformed cursor") from exc
