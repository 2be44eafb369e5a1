"""The people of the call tests, a valid new call, and helpers to create calls and read their events."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from proposals.db import outbox
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

Headers = dict[str, str]
NOW = datetime.now(UTC).replace(microsecond=0)
MEMBER_ORGANISATION = uuid.UUID("00000000-0000-4000-8000-0000000000c2")


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def phases(*, submission_open: bool = True) -> list[dict[str, str]]:
    """Submission (open now, or closed yesterday), then evaluation, then decision."""
    opens = NOW - timedelta(days=10) if submission_open else NOW - timedelta(days=40)
    closes = NOW + timedelta(days=20) if submission_open else NOW - timedelta(days=1)
    decides = closes + timedelta(days=30)
    return [
        {"kind": "submission", "opens_at": iso(opens), "closes_at": iso(closes)},
        {"kind": "evaluation", "opens_at": iso(closes), "closes_at": iso(decides)},
        {"kind": "decision", "opens_at": iso(decides), "closes_at": iso(decides + timedelta(days=15))},
    ]


def call_body(**overrides: Any) -> dict[str, Any]:
    """A valid new dated call: three phases, two form fields, two targets, the default rubric."""
    return {
        "code": "TEX4IM-2027-1",
        "title": "TEX4IM 2027: circular textile investments",
        "kind": "dated",
        "phases": phases(),
        "fields": [
            {"key": "market", "label": "Target market", "type": "long_text", "required": True, "max_length": 4000},
            {"key": "product_stage", "label": "Product stage", "type": "choice",
             "options": ["prototype", "pilot", "market"]},
        ],
        "targets": [{"metric": "proposals", "target": 24}, {"metric": "proposals", "region_code": "ITI1", "target": 3}],
    } | overrides


# -- pipeline definitions (PUT /calls/{id}/pipeline bodies) ------------------------------------------------------

MANAGERS = ["region_manager", "admin"]


def definition(call: dict) -> dict:
    """The PUT body for a call's pipeline, as GET /calls/{id} returned it."""
    return {"stages": copy.deepcopy(call["pipeline"]["stages"]),
            "transitions": copy.deepcopy(call["pipeline"]["transitions"])}


def transition(body: dict, key: str) -> dict:
    return next(t for t in body["transitions"] if t["key"] == key)


def with_pre_screening(body: dict) -> dict:
    """The default pipeline with a `pre_screening` stage between submitted and screening."""
    body["stages"].insert(2, {"key": "pre_screening", "label": "Pre-screening", "kind": "active", "editable": False})
    transition(body, "start_screening")["from_stage"] = "pre_screening"
    body["transitions"].insert(1, {"key": "start_pre_screening", "label": "Start pre-screening",
                                   "from_stage": "submitted", "to_stage": "pre_screening", "actors": MANAGERS,
                                   "guard": None, "comment_required": False})
    return body


def without_pilot(body: dict) -> dict:
    """The default pipeline with the pilot stage left out: funded proposals close directly."""
    body["stages"] = [s for s in body["stages"] if s["key"] != "pilot"]
    body["transitions"] = [t for t in body["transitions"] if t["key"] != "start_pilot"]
    transition(body, "close")["from_stage"] = "investment"
    return body


@pytest.fixture
def admin(identity_headers) -> Headers:
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


@pytest.fixture
def manager(identity_headers) -> Headers:
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")


@pytest.fixture
def member(identity_headers) -> Headers:
    return identity_headers(Role.member, region="ITI1", organisation_id=MEMBER_ORGANISATION, subject="member-giulia")


@pytest.fixture
def create_call(client, admin) -> Callable[..., Awaitable[dict[str, Any]]]:
    """`await create_call(**fields)`: a new call through the API, as the admin; `status=` then moves it there."""

    async def create(status: str = "draft", **overrides: Any) -> dict[str, Any]:
        response = await client.post("/calls", json=call_body(**overrides), headers=admin)
        assert response.status_code == 201, response.text
        created = response.json()
        for step in {"draft": [], "published": ["published"], "archived": ["published", "archived"]}[status]:
            response = await client.patch(f"/calls/{created['id']}", json={"status": step},
                                          headers=admin | {"If-Match": response.headers["etag"]})
            assert response.status_code == 200, response.text
            created = response.json()
        return created

    return create


@pytest.fixture
def events_of(session) -> Callable[[str], Awaitable[list[tuple[str, dict[str, Any]]]]]:
    """`await events_of(id)` -> [(type, payload)] recorded for the aggregate, in order."""

    async def read(aggregate_id: str) -> list[tuple[str, dict[str, Any]]]:
        table = outbox.table
        rows = await session.execute(
            select(table.c.type, table.c.payload).where(table.c.aggregate_id == str(aggregate_id))
            .order_by(table.c.position)
        )
        return [(row.type, row.payload) for row in rows]

    return read
