"""Screening: the eligibility checklist, and the decision the lead region's managers (or the admin) take on it.

The decision is recorded with the checklist as it stood; the pipeline's screening guards read it
(screening/guards.py). Deciding eligible over a failed check is an override: allowed, but explained.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.models import Call
from proposals.db import outbox
from proposals.errors import OverrideNotExplained, ScreeningForbidden, ScreeningNotOpen
from proposals.notification.service import notify
from proposals.organisation import lookup
from proposals.proposal import policy
from proposals.proposal.archive_repository import ArchiveRepository
from proposals.proposal.loader import load
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.screening import checks as rules
from proposals.screening.models import ScreeningDecision
from proposals.screening.repository import ScreeningRepository
from proposals.screening.schemas import CheckOut, DecisionOut, ScreeningDecisionIn, ScreeningOut
from proposals.vocab import Audience, Guard, TimelineKind

SCREENED = "proposal.screened"
OVERRIDE_REASON_MIN_LENGTH = 30
SCREENING_GUARDS = (Guard.screening_passed, Guard.screening_failed)


def screening_stages(call: Call) -> set[str]:
    """The stages a screening decision is taken in: those the screening guards' transitions leave."""
    return {t.from_stage for t in call.transitions if t.guard in SCREENING_GUARDS}


def may_screen(relation: policy.Relation) -> bool:
    return relation.lead_region_manager or relation.admin


class ScreeningService:
    def __init__(self, repository: ScreeningRepository) -> None:
        self.repository = repository
        self.archive = ArchiveRepository(repository.session)  # the frozen versions

    async def checklist(self, proposal: Proposal, call: Call) -> tuple[list[rules.Check], int | None]:
        """The live checklist, and the frozen version it read."""
        latest = await self.archive.latest_version(proposal.id)
        facts = rules.Facts(
            proposal=proposal, partners=list(proposal.partners), call=call, fields=list(call.fields),
            submitted_in_region=await self.repository.submitted_in_region(proposal),
            latest_content=latest.content if latest else None, latest_version=latest.number if latest else None,
            organisation_names={o.id: o.name for o in (await lookup.get_many(
                self.repository.session, (p.organisation_id for p in proposal.partners))).values()},
        )
        return rules.checklist(facts), facts.latest_version

    async def view(self, *, access: Access, proposal_id: uuid.UUID) -> ScreeningOut:
        """The checklist and decision for the screeners; the decision and its reason alone for the applicants."""
        loaded = await load(self.repository.session, access=access, proposal_id=proposal_id)
        relation = loaded.relation
        if not (may_screen(relation) or relation.author):
            raise ScreeningForbidden(
                "Only the cluster managers of the lead's region, the admin and the applicants see the screening."
            )
        return await self.out(loaded.proposal, loaded.call, screener=may_screen(relation))

    async def out(self, proposal: Proposal, call: Call, *, screener: bool) -> ScreeningOut:
        checks, version = await self.checklist(proposal, call) if screener else ([], None)
        if not screener:
            latest = await self.archive.latest_version(proposal.id)
            version = latest.number if latest else None
        decision = await self.repository.decision(proposal.id)
        return ScreeningOut(
            proposal_id=proposal.id, reference=proposal.reference, stage=proposal.stage,
            can_decide=screener and proposal.stage in screening_stages(call),
            checks=[CheckOut(**c.as_json()) for c in checks] if screener else None,
            decision=decision_out(decision, version=version, screener=screener) if decision else None,
        )

    async def decide(self, *, access: Access, proposal_id: uuid.UUID, data: ScreeningDecisionIn) -> ScreeningOut:
        """Record (or replace) the eligibility decision while the proposal is in screening."""
        loaded = await load(self.repository.session, access=access, proposal_id=proposal_id, lock=True)
        proposal, call = loaded.proposal, loaded.call
        if not may_screen(loaded.relation):
            raise ScreeningForbidden(
                f"Only the cluster managers of {proposal.region_code} and the consortium admin screen this proposal."
            )
        stages = screening_stages(call)
        if proposal.stage not in stages:
            raise ScreeningNotOpen(
                f"{proposal.reference} is in stage '{proposal.stage}'; screening decisions are taken in "
                f"{', '.join(repr(s) for s in sorted(stages)) or 'no stage of this call'}."
            )
        checks, version = await self.checklist(proposal, call)
        failed = rules.failed(checks)
        overridden = data.eligible and bool(failed)
        if overridden and len(data.reason) < OVERRIDE_REASON_MIN_LENGTH:
            raise OverrideNotExplained(
                f"Checks failed ({', '.join(failed)}): explain why the proposal is eligible all the same.",
                errors=[FieldProblem(
                    field="body.reason", code="override_reason_too_short",
                    message=f"at least {OVERRIDE_REASON_MIN_LENGTH} characters explaining the override of "
                            f"{', '.join(failed)}",
                )],
            )
        await self.record(access, proposal, data, checks=checks, failed=failed, version=version)
        return await self.out(proposal, call, screener=True)

    async def record(
        self, access: Access, proposal: Proposal, data: ScreeningDecisionIn, *, checks: list[rules.Check],
        failed: list[str], version: int | None,
    ) -> None:
        now = datetime.now(UTC)
        decision = await self.repository.decision(proposal.id) or ScreeningDecision(proposal_id=proposal.id)
        decision.eligible, decision.reason, decision.checks = data.eligible, data.reason, [c.as_json() for c in checks]
        decision.decided_by, decision.decided_by_name, decision.decided_at = access.subject, access.name, now
        overridden = data.eligible and bool(failed)
        details = {"eligible": data.eligible, "overridden": overridden, "failed_checks": failed, "version": version}
        entry = TimelineEntry(proposal_id=proposal.id, kind=TimelineKind.screening.value, at=now, actor=access.subject,
                              actor_name=access.name, comment=data.reason, details=details)
        await self.repository.save(decision, entry)
        session = self.repository.session
        await outbox.record_event(
            session, type=SCREENED, aggregate_type="proposal", aggregate_id=str(proposal.id),
            payload={"proposal_id": str(proposal.id), "call_id": str(proposal.call_id),
                     "reference": proposal.reference, "region_code": proposal.region_code, **details,
                     "decided_at": now.isoformat()},
        )
        verdict = "eligible" if data.eligible else "not eligible"
        await notify(session, audience=Audience.organisation, key=proposal.lead_organisation_id, kind=SCREENED,
                     title=f"{proposal.reference} was screened: {verdict}", body=data.reason,
                     link=f"/proposals/{proposal.id}", proposal_id=proposal.id)


def decision_out(decision: ScreeningDecision, *, version: int | None, screener: bool) -> DecisionOut:
    decided_on = rules.decided_on_version(decision.checks)
    outdated = decided_on is not None and version is not None and version > decided_on
    if not screener:
        return DecisionOut(eligible=decision.eligible, reason=decision.reason, decided_at=decision.decided_at,
                           outdated=outdated)
    return DecisionOut(
        eligible=decision.eligible, reason=decision.reason, decided_at=decision.decided_at, outdated=outdated,
        decided_by_name=decision.decided_by_name, overridden=decision.eligible and bool(rules.failed(decision.checks)),
        checks=[CheckOut(**c) for c in decision.checks],
    )
