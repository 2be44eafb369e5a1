"""People's steps along a proposal's pipeline: which steps the caller sees, what each guard still lacks, and taking one.

Who may take a step is the transition's `actors` intersected with what policy.actors says the caller is; the
guard named on the transition is checked here (`decision_released` excepted: only the release of the call's
decisions takes those steps); the move itself is lifecycle.engine.move, the one place a stage changes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem

from proposals.access import Access
from proposals.call.models import Transition
from proposals.errors import CommentRequired, TransitionForbidden, TransitionNotAllowed
from proposals.lifecycle import engine
from proposals.notification.service import notify
from proposals.proposal import policy
from proposals.proposal.loader import Loaded, load, stage_of
from proposals.proposal.schemas import (
    ProposalDetail,
    StageRef,
    TimelineEntryOut,
    TimelinePage,
    TransitionOption,
    TransitionOptions,
    TransitionRequest,
)
from proposals.proposal.service import ProposalService
from proposals.proposal.versions import freeze
from proposals.screening.guards import screening_outcome
from proposals.vocab import Audience, Guard, PartnerStatus, PhaseKind

STANDARD_REQUIRED = ("title", "summary", "priorities", "trl", "budget_eur", "requested_eur")


def _missing(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def submission_problems(loaded: Loaded, *, now: datetime) -> list[FieldProblem]:
    """Every reason the proposal cannot be submitted yet (empty when it can)."""
    proposal, call = loaded.proposal, loaded.call
    problems = [
        FieldProblem(field=name, message="required for submission", code="required")
        for name in STANDARD_REQUIRED if _missing(getattr(proposal, name))
    ]
    problems += [
        FieldProblem(field=f"answers.{f.key}", message=f"“{f.label}” must be answered", code="required")
        for f in call.fields if f.required and _missing(proposal.answers.get(f.key))
    ]
    confirmed = {p.region_code for p in proposal.partners if p.status == PartnerStatus.confirmed and p.region_code}
    regions = {proposal.region_code} | confirmed
    if len(regions) < call.min_partner_regions:
        problems.append(FieldProblem(
            field="partners", code="too_few_regions",
            message=f"the lead and confirmed partners must come from at least {call.min_partner_regions} regions "
                    f"(now {len(regions)}: {', '.join(sorted(regions))})",
        ))
    phase = next((p for p in call.phases if p.kind == PhaseKind.submission), None)
    if phase is None or not phase.opens_at <= now < phase.closes_at:
        when = (f"it opens {phase.opens_at.isoformat()}" if phase and now < phase.opens_at
                else f"it closed {phase.closes_at.isoformat()}" if phase else "the call has no submission phase")
        problems.append(FieldProblem(field="call.submission_phase", code="submission_closed",
                                     message=f"submissions are not open: {when}"))
    return problems


class TransitionService:
    def __init__(self, proposals: ProposalService) -> None:
        self.proposals = proposals
        self.session = proposals.session

    async def unmet(self, loaded: Loaded, transition: Transition, *, now: datetime) -> list[FieldProblem]:
        """What the transition's guard still lacks, as field problems."""
        guard = transition.guard
        if guard == Guard.submission_ready:
            return submission_problems(loaded, now=now)
        if guard in (Guard.screening_passed, Guard.screening_failed):
            outcome = await screening_outcome(self.session, loaded.proposal.id)
            if outcome is None:
                return [FieldProblem(field="screening", message="no screening decision yet", code="not_screened")]
            if outcome != (guard == Guard.screening_passed):
                verdict = "eligible" if outcome else "not eligible"
                return [FieldProblem(field="screening", message=f"the screening decided: {verdict}",
                                     code="screening_outcome")]
        if guard == Guard.decision_released:
            return [FieldProblem(field="decision", message="taken when the admin releases the call's decisions",
                                 code="decision_release_only")]
        return []

    async def options(self, *, access: Access, proposal_id: uuid.UUID) -> TransitionOptions:
        """The call's transitions out of the current stage: may the caller take each, and what is still missing."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id)
        held = {a.value for a in policy.actors(loaded.relation)}
        now = datetime.now(UTC)
        options = []
        for transition in loaded.call.transitions:
            if transition.from_stage != loaded.stage.key:
                continue
            target = stage_of(loaded.call, transition.to_stage)
            options.append(TransitionOption(
                key=transition.key, label=transition.label, to_stage=StageRef(key=target.key, label=target.label),
                allowed=bool(held & set(transition.actors)), comment_required=transition.comment_required,
                guard=transition.guard, unmet=await self.unmet(loaded, transition, now=now),
            ))
        return TransitionOptions(stage=StageRef(key=loaded.stage.key, label=loaded.stage.label), transitions=options)

    async def take(self, *, access: Access, proposal_id: uuid.UUID, data: TransitionRequest) -> ProposalDetail:
        """Take a step: actor, comment and guard checked, a version frozen on submission, the people concerned told."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=True)
        proposal = loaded.proposal
        transition = engine.find_transition(loaded.call.transitions, key=data.transition, from_stage=proposal.stage)
        if not {a.value for a in policy.actors(loaded.relation)} & set(transition.actors):
            raise TransitionForbidden(
                f"'{transition.label}' is taken by: {', '.join(transition.actors)}; you are none of them here."
            )
        if transition.guard == Guard.decision_released:
            raise TransitionNotAllowed(
                f"'{transition.label}' is taken when the admin releases the panel's decisions on the call."
            )
        comment = data.comment or None
        if transition.comment_required and comment is None:
            raise CommentRequired(f"'{transition.label}' needs a comment saying why.", errors=[
                FieldProblem(field="body.comment", message="required for this step", code="required")])
        now = datetime.now(UTC)
        problems = await self.unmet(loaded, transition, now=now)
        if problems:
            raise TransitionNotAllowed(f"'{transition.label}' is not possible yet.", errors=problems)
        details: dict[str, Any] = {}
        submitting = transition.guard == Guard.submission_ready
        if submitting:
            version = await freeze(self.session, proposal=proposal, actor=access.subject, actor_name=access.name)
            details["version"] = version.number
            proposal.first_submitted_at = proposal.first_submitted_at or now
        from_stage = loaded.stage
        await engine.move(self.session, proposal=proposal, transition=transition, actor=access.subject,
                          actor_name=access.name, comment=comment, details=details)
        await self.proposals.repository.save(proposal)
        to_stage = stage_of(loaded.call, transition.to_stage)
        link = f"/proposals/{proposal.id}"
        await notify(
            self.session, audience=Audience.organisation, key=proposal.lead_organisation_id, kind=engine.STAGE_CHANGED,
            title=f"Proposal {proposal.reference}: {from_stage.label} → {to_stage.label}", body=comment or "",
            link=link, proposal_id=proposal.id,
        )
        if submitting:
            await notify(
                self.session, audience=Audience.region_managers, key=proposal.region_code, kind="proposal.submitted",
                title=f"Proposal {proposal.reference} was submitted in {proposal.region_code}",
                body=f"“{proposal.title}”, version {details['version']}.", link=link, proposal_id=proposal.id,
            )
        return await self.proposals.detail(access=access, loaded=loaded.refreshed(access, stage=to_stage))

    async def timeline(self, *, access: Access, proposal_id: uuid.UUID, params: PageParams) -> TimelinePage:
        """The proposal's history, oldest first."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id)
        rows, next_cursor = await self.proposals.repository.timeline_page(loaded.proposal.id, params)
        return TimelinePage(items=[TimelineEntryOut.model_validate(r, from_attributes=True) for r in rows],
                            next_cursor=next_cursor)
