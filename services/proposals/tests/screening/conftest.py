"""A Toscana-led proposal in screening with a confirmed partner in Valencia, and the people around it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from proposals.db import outbox
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

Headers = dict[str, str]


@pytest.fixture
async def world(session) -> SimpleNamespace:
    call = await factories.call(session, max_proposals_per_region=2, min_partner_regions=2)
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Demo (ITI1)")
    partner = await factories.organisation(session, region="ES52", name="Tejidos Demo (ES52)")
    proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner], stage="screening",
                                        reference="SCR-ITI1-001")
    await factories.frozen_version(session, proposal=proposal)
    return SimpleNamespace(call=call, lead=lead, partner=partner, proposal=proposal)


@pytest.fixture
def toscana_manager(identity_headers) -> Headers:
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")


@pytest.fixture
def valencia_manager(identity_headers) -> Headers:
    """Manages the partner's region: reads the proposal, does not screen it."""
    return identity_headers(Role.cluster_manager, region="ES52", subject="manager-valencia")


@pytest.fixture
def norte_manager(identity_headers) -> Headers:
    return identity_headers(Role.cluster_manager, region="PT11", subject="manager-norte")


@pytest.fixture
def admin(identity_headers) -> Headers:
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


@pytest.fixture
def co_author(identity_headers, world) -> Headers:
    return identity_headers(Role.member, region="ITI1", organisation_id=world.lead.id, subject="member-lead")


@pytest.fixture
def events_of(session):
    async def read(aggregate_id) -> list[tuple[str, dict]]:
        table = outbox.table
        rows = await session.execute(select(table.c.type, table.c.payload)
                                     .where(table.c.aggregate_id == str(aggregate_id)).order_by(table.c.position))
        return [(row.type, row.payload) for row in rows]

    return read
