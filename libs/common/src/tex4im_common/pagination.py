"""Cursor (keyset) pagination with an opaque cursor and a capped limit."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tex4im_common.problems import FieldProblem, InvalidInput

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class PageParams(BaseModel):
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None


def _page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")] = (
        DEFAULT_LIMIT
    ),
    cursor: Annotated[str | None, Query(description="The `next_cursor` of the previous page.")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageParamsDep = Annotated[PageParams, Depends(_page_params)]


class Page(BaseModel, Generic[T]):
    """One page of a list; `next_cursor` is null on the last page."""

    items: list[T]
    next_cursor: str | None = None


def _encode_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, keys: Sequence[InstrumentedAttribute[Any]]) -> list[Any]:
    invalid = InvalidInput(
        "The cursor is not one this list handed out.",
        errors=[FieldProblem(field="query.cursor", message="unknown or malformed cursor", code="cursor_invalid")],
    )
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, json.JSONDecodeError) as exc:
        raise invalid from exc
    if not isinstance(raw, list) or len(raw) != len(keys):
        raise invalid
    values: list[Any] = []
    try:
        for key, value in zip(keys, raw, strict=True):
            python_type = key.type.python_type
            if python_type is uuid.UUID:
                values.append(uuid.UUID(value))
            elif python_type is datetime:
                values.append(datetime.fromisoformat(value))
            else:
                values.append(python_type(value))
    except (TypeError, ValueError) as exc:
        raise invalid from exc
    return values


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    *,
    keys: Sequence[InstrumentedAttribute[Any]],
    params: PageParams,
) -> tuple[list[Any], str | None]:
    """Run `statement` ordered by the unique key tuple `keys`, one page after `params.cursor`."""
    if params.cursor:
        statement = statement.where(tuple_(*keys) > tuple_(*decode_cursor(params.cursor, keys)))
    statement = statement.order_by(*keys).limit(params.limit + 1)
    rows = list((await session.scalars(statement)).all())
    if len(rows) <= params.limit:
        return rows, None
    rows = rows[: params.limit]
    last = rows[-1]
    return rows, encode_cursor([getattr(last, key.key) for key in keys])
