"""The people and records of the proposal and lifecycle tests: a Toscana-led proposal with partners in Valencia
(confirmed), Norte (invited) and Severovýchod (declined), and everyone who may or may not see it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from proposals.call.models import Call
from proposals.db import outbox
from proposals.evaluation.models import Evaluator
from proposals.notification.models import Notification
from proposals.organisation.models import OrganisationRef
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.vocab import PartnerStatus
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.identity import Role

from tests import factories

CREATOR = "subject-creator"
Headers = dict[str, str]


@dataclass
class World:
    call: Call
    lead: OrganisationRef  # ITI1
    partner: OrganisationRef  # ES52, confirmed
    invited: OrganisationRef  # PT11, invited
    declined: OrganisationRef  # CZ05, declined
    outsider_org: OrganisationRef  # SE23, not in the proposal
    proposal: Proposal
    people: dict[str, Headers] = field(default_factory=dict)


async def _evaluator(session: AsyncSession, subject: str) -> Evaluator:
    """The pool member `subject` (several worlds in one test share them)."""
    existing = await session.scalar(select(Evaluator).where(Evaluator.subject == subject))
    return existing or await factories.evaluator(session, subject=subject, region="FRE1")


async def build_world(
    session: AsyncSession, identity_headers: Callable[..., Headers], *, stage: str = "draft",
    reference: str = "TST-ITI1-001", **call_fields: Any,
) -> World:
    call = await factories.call(session, code=call_fields.pop("code", f"T{uuid.uuid4().hex[:6].upper()}"),
                                **call_fields)
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
    partner = await factories.organisation(session, region="ES52", name="Tintes Valencia")
    invited = await factories.organisation(session, region="PT11", name="Fiação do Ave")
    declined = await factories.organisation(session, region="CZ05", name="Textil Liberec")
    outsider_org = await factories.organisation(session, region="SE23", name="Borås Weaving")
    proposal = await factories.proposal(
        session, call=call, lead=lead, partners=[partner], stage=stage, created_by=CREATOR, reference=reference,
        answers={"market": "EU outdoor apparel", "confidential_costs": "Looms 120k"},
    )
    for organisation, status in ((invited, PartnerStatus.invited), (declined, PartnerStatus.declined)):
        await factories.proposal_partner(session, proposal=proposal, organisation=organisation, status=status)
    evaluator = await _evaluator(session, "subject-evaluator")
    await factories.assignment(session, proposal=proposal, evaluator=evaluator)
    withdrawn = await _evaluator(session, "subject-withdrawn-evaluator")
    await factories.assignment(session, proposal=proposal, evaluator=withdrawn, status="withdrawn")
    world = World(call, lead, partner, invited, declined, outsider_org, proposal)
    member = Role.member
    world.people = {
        "admin": identity_headers(Role.consortium_admin, subject="subject-admin"),
        "creator": identity_headers(member, subject=CREATOR),
        "lead_member": identity_headers(member, region="ITI1", organisation_id=lead.id, subject="subject-lead"),
        "partner_member": identity_headers(member, region="ES52", organisation_id=partner.id,
                                           subject="subject-partner"),
        "invited_member": identity_headers(member, region="PT11", organisation_id=invited.id,
                                           subject="subject-invited"),
        "declined_member": identity_headers(member, region="CZ05", organisation_id=declined.id,
                                            subject="subject-declined"),
        "lead_manager": identity_headers(Role.cluster_manager, region="ITI1", subject="subject-manager-iti1"),
        "partner_manager": identity_headers(Role.cluster_manager, region="ES52", subject="subject-manager-es52"),
        "invited_partner_manager": identity_headers(Role.cluster_manager, region="PT11",
                                                    subject="subject-manager-pt11"),
        "declined_partner_manager": identity_headers(Role.cluster_manager, region="CZ05",
                                                     subject="subject-manager-cz05"),
        "other_manager": identity_headers(Role.cluster_manager, region="SE23", subject="subject-manager-se23"),
        "evaluator": identity_headers(Role.evaluator, subject="subject-evaluator"),
        "withdrawn_evaluator": identity_headers(Role.evaluator, subject="subject-withdrawn-evaluator"),
        "outsider": identity_headers(member, region="SE23", organisation_id=outsider_org.id,
                                     subject="subject-outsider"),
        "anonymous": {},
    }
    return world


async def events_of(session: AsyncSession, proposal_id: uuid.UUID, *types: str) -> list[tuple[str, dict[str, Any]]]:
    """[(type, payload)] recorded for the proposal, in order (only `types` if given)."""
    table = outbox.table
    statement = select(table.c.type, table.c.payload).where(table.c.aggregate_id == str(proposal_id))
    if types:
        statement = statement.where(table.c.type.in_(types))
    rows = await session.execute(statement.order_by(table.c.position))
    return [(row.type, row.payload) for row in rows]


async def timeline_of(session: AsyncSession, proposal_id: uuid.UUID) -> list[TimelineEntry]:
    statement = select(TimelineEntry).where(TimelineEntry.proposal_id == proposal_id).order_by(
        TimelineEntry.at, TimelineEntry.id)
    return list((await session.scalars(statement)).all())


async def notifications_of(session: AsyncSession, proposal_id: uuid.UUID) -> list[tuple[str, str, str]]:
    """[(audience, key, kind)] of the proposal's notifications, sorted (one transaction's share a timestamp)."""
    statement = select(Notification).where(Notification.proposal_id == proposal_id)
    return sorted((n.audience, n.audience_key, n.kind) for n in (await session.scalars(statement)).all())
