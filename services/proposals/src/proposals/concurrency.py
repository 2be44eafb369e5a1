"""Optimistic concurrency for the service's shared records: an update says which version it read.

`tex4im_common.concurrency` refuses a stale `If-Match` (412); here an update of a shared record without one is
refused too (428), so a client that never read the record cannot overwrite a change made meanwhile. Services
check it after deciding the caller may make the change at all (RFC 9110: 403/404/409 come first).
"""

from __future__ import annotations

from typing import Any

from tex4im_common.concurrency import check_if_match, etag
from tex4im_common.problems import PROBLEM_MEDIA_TYPE, Problem

from proposals.errors import IfMatchRequired

# `responses=` of the routes that call `require_if_match`
IF_MATCH_REQUIRED: dict[int | str, dict[str, Any]] = {
    428: {"model": Problem, "content": {PROBLEM_MEDIA_TYPE: {}}, "description": "If-Match required"},
}


def require_if_match(if_match: str | None, version: int) -> None:
    """428 without `If-Match`, 412 when it names another version than `version`."""
    if if_match is None:
        raise IfMatchRequired(
            "Send the ETag you read in If-Match, so that a change made meanwhile is not overwritten.",
            extra={"current_etag": etag(version)},
        )
    check_if_match(if_match, version)
