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


# -- evaluation: the evaluator pool, assignments; screening decisions; frozen versions (helper C1) -----------------


async def evaluator(
    session: AsyncSession, *, subject: str | None = None, name: str | None = None,
    organisation: OrganisationRef | None = None, region: str | None = None, **fields: Any,
) -> Any:
    """An active member of the evaluator pool (`organisation` sets where they work; `region` defaults to its)."""
    from proposals.evaluation.models import Evaluator

    subject = subject or f"evaluator-{uuid.uuid4().hex[:8]}"
    record = Evaluator(
        subject=subject, name=name or f"Evaluator {subject}",
        organisation_id=organisation.id if organisation else None,
        region_code=region or (organisation.region_code if organisation else None),
        expertise=fields.pop("expertise", []), languages=fields.pop("languages", ["en"]),
        max_load=fields.pop("max_load", None), active=fields.pop("active", True), **fields,
    )
    session.add(record)
    await session.flush()
    return record


async def assignment(
    session: AsyncSession, *, proposal: Proposal, evaluator: Any, status: str = "assigned",
    reason: str = "automatic", **fields: Any,
) -> Any:
    """`evaluator` assigned to `proposal` (no scores)."""
    from proposals.evaluation.models import Assignment

    record = Assignment(proposal_id=proposal.id, evaluator_id=evaluator.id, status=status, reason=reason, **fields)
    session.add(record)
    await session.flush()
    return record


async def frozen_version(
    session: AsyncSession, *, proposal: Proposal, content: dict[str, Any] | None = None, number: int | None = None,
    submitted_at: datetime | None = None,
) -> Any:
    """A frozen version of `proposal` (by default its current standard fields and answers); marks it submitted."""
    from proposals.proposal.models import ProposalVersion

    number = number or proposal.submitted_version + 1
    content = content if content is not None else {
        "title": proposal.title, "acronym": proposal.acronym, "summary": proposal.summary,
        "priorities": list(proposal.priorities), "value_chain": list(proposal.value_chain), "trl": proposal.trl,
        "budget_eur": None if proposal.budget_eur is None else str(proposal.budget_eur),
        "requested_eur": None if proposal.requested_eur is None else str(proposal.requested_eur),
        "answers": dict(proposal.answers),
    }
    record = ProposalVersion(proposal_id=proposal.id, number=number, content=content, submitted_by=proposal.created_by,
                             submitted_at=submitted_at or now())
    session.add(record)
    proposal.submitted_version = number
    proposal.first_submitted_at = proposal.first_submitted_at or record.submitted_at
    await session.flush()
    return record


async def screening_decision(
    session: AsyncSession, *, proposal: Proposal, eligible: bool = True, reason: str = "Meets the call's rules.",
    checks: list[dict[str, Any]] | None = None, decided_at: datetime | None = None,
) -> Any:
    """A recorded screening decision on `proposal`."""
    from proposals.screening.models import ScreeningDecision

    record = ScreeningDecision(proposal_id=proposal.id, eligible=eligible, reason=reason, checks=checks or [],
                               decided_by=ADMIN_SUBJECT, decided_at=decided_at or now())
    session.add(record)
    await session.flush()
    return record


# -- evaluation: reviews' scores, consensus reports, staged decisions (helper C2) ---------------------------------


async def review_scores(
    session: AsyncSession, *, assignment: Any, scores: dict[str, str], comments: dict[str, str] | None = None,
    submitted: bool = False, comment: str = "",
) -> Any:
    """Scores (`{"excellence": "3.5"}`) written on `assignment`; `submitted` marks the review sent."""
    from proposals.evaluation.models import Score

    comments = comments or {}
    for key, value in scores.items():
        session.add(Score(assignment_id=assignment.id, criterion=key, value=Decimal(value),
                          comment=comments.get(key, "")))
    assignment.comment = comment
    if submitted:
        assignment.status, assignment.submitted_at = "submitted", now()
    await session.flush()
    return assignment


async def consensus(
    session: AsyncSession, *, proposal: Proposal, scores: dict[str, str], total: str, passed: bool = True,
    finalised: bool = True, comments: dict[str, str] | None = None, summary: str = "",
) -> Any:
    """A consensus report on `proposal` (finalised unless told otherwise); `total` is taken as given."""
    from proposals.evaluation.models import Consensus

    record = Consensus(proposal_id=proposal.id, scores=dict(scores), comments=comments or {}, summary=summary,
                       total=Decimal(total), passed=passed, finalised_at=now() if finalised else None,
                       written_by=ADMIN_SUBJECT)
    session.add(record)
    await session.flush()
    return record


# -- attachments (helper A2) ----------------------------------------------------------------------------------------


async def attachment(
    session: AsyncSession, *, proposal: Proposal, content: bytes = b"item,eur\nlooms,120000\n",
    filename: str = "budget.csv", kind: str = "budget", media_type: str = "text/csv; charset=utf-8",
    removed: bool = False, uploaded_by: str | None = None,
) -> Any:
    """An attachment of `proposal` with its bytes (stored once per content, as the API does)."""
    import hashlib

    from proposals.proposal.models import Attachment, AttachmentBlob
    from sqlalchemy.dialects.postgresql import insert

    sha256 = hashlib.sha256(content).hexdigest()
    await session.execute(insert(AttachmentBlob).values(sha256=sha256, content=content, size_bytes=len(content))
                          .on_conflict_do_nothing())
    record = Attachment(
        proposal_id=proposal.id, kind=kind, filename=filename, media_type=media_type, size_bytes=len(content),
        sha256=sha256, uploaded_by=uploaded_by or proposal.created_by, uploaded_at=now(),
        removed_at=now() if removed else None,
    )
    session.add(record)
    await session.flush()
    return record


# -- proposals: partners (helper A1) ------------------------------------------------------------------------------


async def proposal_partner(
    session: AsyncSession, *, proposal: Proposal, organisation: OrganisationRef,
    status: PartnerStatus = PartnerStatus.invited, **fields: Any,
) -> ProposalPartner:
    """`organisation` as a partner of `proposal` in `status` (invited by default)."""
    record = ProposalPartner(
        proposal_id=proposal.id, organisation_id=organisation.id, region_code=organisation.region_code,
        status=status.value, invited_by=fields.pop("invited_by", proposal.created_by), **fields,
    )
    session.add(record)
    await session.flush()
    return record


# -- people and notifications (helper D) --------------------------------------------------------------------------


async def person(
    session: AsyncSession, *, subject: str | None = None, email: str | None = "someone@example.test",
    organisations: list[OrganisationRef] = (),  # type: ignore[assignment]
    managed_regions: list[str] = (),  # type: ignore[assignment]
    is_admin: bool = False, is_evaluator: bool = False, **fields: Any,
) -> Any:
    """Someone the service has seen (as the people dependency records them), who mail can reach."""
    from proposals.notification.models import Person

    record = Person(
        subject=subject or f"person-{uuid.uuid4().hex[:8]}", name=fields.pop("name", "Test Person"), email=email,
        organisation_ids=[o.id for o in organisations], managed_regions=list(managed_regions), is_admin=is_admin,
        is_evaluator=is_evaluator, **fields,
    )
    session.add(record)
    await session.flush()
    return record
