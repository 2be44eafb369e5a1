"""Records for tests, written straight to the database through the models (the API under test is elsewhere).

Every package's tests build their world with these, so a change of the schema is fixed in one place.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from proposals.call.models import Call, CallField, CallPhase, Criterion
from proposals.lifecycle.default_pipeline import default_pipeline
from proposals.organisation.models import OrganisationRef
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.vocab import CallKind, CallStatus, PartnerStatus
from sqlalchemy.ext.asyncio import AsyncSession

ADMIN_SUBJECT = "00000000-0000-0000-0000-0000000000ad"


def now() -> datetime:
    return datetime.now(UTC)


async def organisation(
    session: AsyncSession, *, region: str = "ITI1", name: str | None = None, **fields: Any
) -> OrganisationRef:
    """A registry organisation as the intelligence feed would have copied it."""
    org_id = fields.pop("id", None) or uuid.uuid4()
    record = OrganisationRef(
        id=org_id, name=name or f"Demo Company {str(org_id)[:8]} ({region})", kind=fields.pop("kind", "company"),
        country_code=region[:2], region_code=region, city=fields.pop("city", None),
        priorities=fields.pop("priorities", ["circular_economy"]), visibility=fields.pop("visibility", "consortium"),
        version=fields.pop("version", 1), **fields,
    )
    session.add(record)
    await session.flush()
    return record


async def call(session: AsyncSession, *, code: str | None = None, submission_open: bool = True,
               **fields: Any) -> Call:
    """A published dated call with the default pipeline, two criteria, one required and one private field.

    `submission_open=False` puts the submission phase in the past.
    """
    start = now() - timedelta(days=30)
    end = now() + timedelta(days=30) if submission_open else now() - timedelta(days=1)
    stages, transitions = default_pipeline()
    record = Call(
        code=code or f"TEST-{uuid.uuid4().hex[:8]}", title=fields.pop("title", "Test call"),
        kind=fields.pop("kind", CallKind.dated.value), status=fields.pop("status", CallStatus.published.value),
        eligible_priorities=fields.pop("eligible_priorities", ["circular_economy", "industry_4_0"]),
        created_by=ADMIN_SUBJECT,
        phases=[
            CallPhase(kind="submission", opens_at=start, closes_at=end),
            CallPhase(kind="evaluation", opens_at=end, closes_at=end + timedelta(days=30)),
            CallPhase(kind="decision", opens_at=end + timedelta(days=30), closes_at=end + timedelta(days=45)),
        ],
        fields=fields.pop("form_fields", [
            CallField(key="market", label="Target market", type="long_text", required=True, position=0),
            CallField(key="confidential_costs", label="Cost breakdown", type="long_text",
                      private_to_evaluators=True, position=1),
        ]),
        criteria=fields.pop("criteria", [
            Criterion(key="excellence", title="Excellence", weight=Decimal("0.6"), threshold=Decimal("3"),
                      position=0),
            Criterion(key="impact", title="Impact", weight=Decimal("0.4"), threshold=Decimal("2.5"), position=1),
        ]),
        stages=stages, transitions=transitions, **fields,
    )
    session.add(record)
    await session.flush()
    return record


async def proposal(
    session: AsyncSession, *, call: Call, lead: OrganisationRef, partners: list[OrganisationRef] = (),  # type: ignore[assignment]
    stage: str = "draft", created_by: str = "00000000-0000-0000-0000-00000000abcd",
    partner_status: PartnerStatus = PartnerStatus.confirmed, **fields: Any,
) -> Proposal:
    """A proposal of `call` led by `lead`, with confirmed partners, in `stage` (no timeline is written)."""
    record = Proposal(
        call_id=call.id, stage=stage, reference=fields.pop("reference", f"P-{uuid.uuid4().hex[:10]}"),
        title=fields.pop("title", "Recycled fibre pilot line"), summary=fields.pop("summary", "A test proposal."),
        priorities=fields.pop("priorities", ["circular_economy"]), value_chain=fields.pop("value_chain", ["fibre"]),
        trl=fields.pop("trl", 5), budget_eur=fields.pop("budget_eur", Decimal("500000")),
        requested_eur=fields.pop("requested_eur", Decimal("250000")), lead_organisation_id=lead.id,
        region_code=lead.region_code, answers=fields.pop("answers", {"market": "EU outdoor apparel"}),
        created_by=created_by, created_by_name="Test User",
        partners=[
            ProposalPartner(organisation_id=p.id, region_code=p.region_code, status=partner_status.value,
                            invited_by=created_by)
            for p in partners
        ],
        **fields,
    )
    session.add(record)
    await session.flush()
    return record
