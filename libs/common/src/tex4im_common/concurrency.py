"""Optimistic concurrency for shared records: `ETag` out, `If-Match` in, 412 on a stale version."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header

from tex4im_common.problems import PreconditionFailed

IfMatchHeader = Annotated[
    str | None,
    Header(alias="If-Match", description="The ETag you read; the write is refused (412) if the record changed since."),
]


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    """Refuse the write when the caller's `If-Match` names another version (no header: last write wins)."""
    if if_match is None:
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in candidates or etag(version) in candidates:
        return
    raise PreconditionFailed(
        f"The record has changed since you read it (it is now version {version}). Reload it and try again.",
        extra={"current_etag": etag(version)},
    )
