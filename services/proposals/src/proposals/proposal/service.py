"""Drafting and reading proposals: who starts one for which lead, who sees which, who changes what and when."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput

from proposals.access import Access
from proposals.call.models import Call, CallField
from proposals.concurrency import require_if_match
from proposals.db import outbox
from proposals.errors import AnswerFrozen, CallNotOpen
from proposals.organisation import lookup
from proposals.organisation.models import OrganisationRef
from proposals.proposal import policy
from proposals.proposal.loader import Loaded, load, require_editable
from proposals.proposal.models import Proposal, TimelineEntry
from proposals.proposal.repository import ProposalFilter, ProposalRepository, Viewer
from proposals.proposal.schemas import (
    CallRef,
    CallSummary,
    OrganisationDetailOut,
    OrganisationOut,
    PartnerOut,
    Permissions,
    ProposalCreate,
    ProposalDetail,
    ProposalListItem,
    ProposalPage,
    ProposalUpdate,
    StageCount,
    StageCounts,
    StageOut,
    StageRef,
    check_answers,
)
from proposals.vocab import CallStatus, Guard, PartnerStatus, StageKind, TimelineKind

AGGREGATE = "proposal"
CREATED, UPDATED = "proposal.created", "proposal.updated"


def viewer(access: Access) -> Viewer:
    return Viewer(
        subject=access.subject, organisations=frozenset(access.member_organisations),
        managed_regions=frozenset(access.managed_regions), admin=access.is_admin, evaluator=access.is_evaluator,
    )


def may_lead(access: Access, organisation: OrganisationRef) -> bool:
    """Start a proposal for (or hand the lead to) `organisation`: its members, its region's managers, the admin."""
    return organisation.id in access.member_organisations or access.manages_region(organisation.region_code)


def event_payload(proposal: Proposal, **extra: Any) -> dict[str, Any]:
    return {
        "proposal_id": str(proposal.id), "call_id": str(proposal.call_id), "reference": proposal.reference,
        "stage": proposal.stage, "region_code": proposal.region_code,
        "lead_organisation_id": str(proposal.lead_organisation_id), "title": proposal.title,
    } | extra


def _organisation(record: OrganisationRef | None, organisation_id: uuid.UUID) -> OrganisationDetailOut:
    if record is None:  # the copy lost it: still show the id
        return OrganisationDetailOut(id=organisation_id, name=str(organisation_id), region_code=None)
    return OrganisationDetailOut(id=record.id, name=record.name, region_code=record.region_code, kind=record.kind,
                                 country_code=record.country_code, city=record.city, deleted=record.deleted)


def merged_answers(
    fields: list[CallField], given: dict[str, Any], *, previous: dict[str, Any], now: datetime,
) -> dict[str, Any]:
    """`previous` with the `given` answers applied (None blanks one): each fits the form, none past its freeze."""
    cleaned, problems = check_answers(fields, given)
    if problems:
        raise InvalidInput("Some answers do not fit the call's form.", errors=problems)
    frozen_after = {f.key: f.frozen_after for f in fields}
    frozen = [
        FieldProblem(field=f"body.answers.{key}", message=f"frozen since {frozen_after[key].isoformat()}",
                     code="frozen")
        for key, value in cleaned.items()
        if frozen_after[key] is not None and now >= frozen_after[key] and value != previous.get(key)
    ]
    if frozen:
        raise AnswerFrozen("Some answers can no longer change.", errors=frozen)
    merged = dict(previous)
    for key, value in cleaned.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def _reference(call: Call, region_code: str, number: int) -> str:
    """`<CALL CODE>-<REGION>-007`, the call code shortened if the whole would not fit the 40 characters."""
    suffix = f"-{region_code}-{number:03d}"
    return call.code[: 40 - len(suffix)] + suffix


class ProposalService:
    def __init__(self, repository: ProposalRepository) -> None:
        self.repository = repository

    @property
    def session(self) -> AsyncSession:
        """The request's session, which the outbox and the notifications write to."""
        return self.repository.session

    # -- reading --------------------------------------------------------------------------------------------------

    async def list_proposals(self, *, access: Access, where: ProposalFilter, params: PageParams) -> ProposalPage:
        access.require_user()
        rows, next_cursor = await self.repository.list_page(viewer(access), where, params)
        regions = await self.repository.partner_regions([row.id for row in rows])
        items = [
            ProposalListItem(
                id=row.id, reference=row.reference, title=row.title, acronym=row.acronym,
                call=CallRef(id=row.call_id, code=row.call_code), stage=StageRef(key=row.stage, label=row.stage_label),
                region_code=row.region_code,
                lead=OrganisationOut(id=row.lead_organisation_id, name=row.lead_name, region_code=row.lead_region_code),
                partner_regions=regions.get(row.id, []), priorities=row.priorities, trl=row.trl,
                requested_eur=row.requested_eur, submitted_version=row.submitted_version, updated_at=row.updated_at,
            )
            for row in rows
        ]
        return ProposalPage(items=items, next_cursor=next_cursor)

    async def stage_counts(self, *, access: Access, where: ProposalFilter) -> StageCounts:
        access.require_user()
        rows = await self.repository.stage_counts(viewer(access), where)
        stages = [StageCount(key=row.key, label=row.label, count=row.count) for row in rows]
        return StageCounts(stages=stages, total=sum(s.count for s in stages))

    async def get_proposal(self, *, access: Access, proposal_id: uuid.UUID) -> ProposalDetail:
        return await self.detail(access=access, loaded=await load(self.session, access=access, proposal_id=proposal_id))

    async def detail(self, *, access: Access, loaded: Loaded) -> ProposalDetail:
        """The full record as the caller may see it, with what they may do with it now."""
        proposal, call, stage, relation = loaded.proposal, loaded.call, loaded.stage, loaded.relation
        organisations = await lookup.get_many(
            self.session, [proposal.lead_organisation_id, *(p.organisation_id for p in proposal.partners)]
        )
        shown = dict(proposal.answers)
        if not policy.may_read_private_answers(relation):
            for field in call.fields:
                if field.private_to_evaluators:
                    shown.pop(field.key, None)
        editable = policy.may_edit(relation, stage)
        held = {a.value for a in policy.actors(relation)}
        answerable = [
            p.organisation_id for p in proposal.partners
            if stage.editable and p.status == PartnerStatus.invited and p.organisation_id in access.member_organisations
        ]
        return ProposalDetail(
            id=proposal.id, reference=proposal.reference,
            call=CallSummary(id=call.id, code=call.code, title=call.title),
            stage=StageOut(key=stage.key, label=stage.label, kind=stage.kind, editable=stage.editable),
            title=proposal.title, acronym=proposal.acronym, summary=proposal.summary, priorities=proposal.priorities,
            value_chain=proposal.value_chain, trl=proposal.trl, budget_eur=proposal.budget_eur,
            requested_eur=proposal.requested_eur, region_code=proposal.region_code,
            lead=_organisation(organisations.get(proposal.lead_organisation_id), proposal.lead_organisation_id),
            partners=sorted((
                PartnerOut(organisation=_organisation(organisations.get(p.organisation_id), p.organisation_id),
                           region_code=p.region_code, role_description=p.role_description, status=p.status,
                           invited_at=p.created_at, answered_at=p.answered_at)
                for p in proposal.partners
            ), key=lambda p: (p.invited_at, p.organisation.name)),
            answers=shown, created_by_name=proposal.created_by_name, created_at=proposal.created_at,
            updated_at=proposal.updated_at, submitted_version=proposal.submitted_version,
            first_submitted_at=proposal.first_submitted_at, version=proposal.version,
            permissions=Permissions(
                can_edit=editable, can_manage_partners=editable, can_answer_invitation=answerable,
                transitions=[
                    t.key for t in call.transitions
                    if t.from_stage == stage.key and held & set(t.actors) and t.guard != Guard.decision_released
                ],
            ),
        )

    # -- writing --------------------------------------------------------------------------------------------------

    async def create_proposal(self, *, access: Access, data: ProposalCreate) -> ProposalDetail:
        access.require_user()
        call = await self.repository.call_with_pipeline(data.call_id, lock=True)
        if call is None or (call.status == CallStatus.draft and not access.is_admin):
            raise InvalidInput(
                "The call does not exist.",
                errors=[FieldProblem(field="body.call_id", message=f"no call {data.call_id}", code="not_found")],
            )
        initial = next((s for s in call.stages if s.kind == StageKind.initial), None)
        if call.status != CallStatus.published or initial is None:
            raise CallNotOpen(f"Call {call.code} is {call.status}: proposals are started only in published calls.")
        lead = await self.lead(access, data.lead_organisation_id)
        now = datetime.now(UTC)
        cleaned = merged_answers(call.fields, data.answers, previous={}, now=now)
        number = await self.repository.last_reference_number(call.id) + 1
        values = data.model_dump(exclude={"call_id", "lead_organisation_id", "answers", "value_chain"})
        proposal = Proposal(
            **values, value_chain=[str(v) for v in data.value_chain], call_id=call.id, stage=initial.key,
            reference=_reference(call, lead.region_code or "", number),
            lead_organisation_id=lead.id, region_code=lead.region_code, answers=cleaned,
            created_by=access.subject, created_by_name=access.name, partners=[],
        )
        await self.repository.add(proposal)
        await self.repository.add_timeline(TimelineEntry(
            proposal_id=proposal.id, kind=TimelineKind.created.value, actor=access.subject, actor_name=access.name,
            to_stage=initial.key, at=now, details={"reference": proposal.reference},
        ))
        await outbox.record_event(self.session, type=CREATED, aggregate_type=AGGREGATE,
                                  aggregate_id=str(proposal.id), payload=event_payload(proposal))
        relation = policy.relation_to(access, proposal)
        return await self.detail(access=access, loaded=Loaded(proposal, call, initial, relation))

    async def update_proposal(
        self, *, access: Access, proposal_id: uuid.UUID, data: ProposalUpdate, if_match: str | None,
    ) -> ProposalDetail:
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=True)
        proposal = loaded.proposal
        require_editable(loaded)
        require_if_match(if_match, proposal.version)
        fields = data.model_dump(exclude_unset=True)
        values: dict[str, Any] = {k: v for k, v in fields.items() if k not in ("answers", "lead_organisation_id")}
        if "value_chain" in values:
            values["value_chain"] = [str(v) for v in values["value_chain"]]
        budget = values.get("budget_eur", proposal.budget_eur)
        requested = values.get("requested_eur", proposal.requested_eur)
        if budget is not None and requested is not None and requested > budget:
            raise InvalidInput("The requested support exceeds the budget.", errors=[FieldProblem(
                field="body.requested_eur", message=f"cannot exceed the budget ({budget} EUR)", code="over_budget")])
        if "answers" in fields:
            values["answers"] = merged_answers(
                loaded.call.fields, fields["answers"], previous=proposal.answers, now=datetime.now(UTC)
            )
        if fields.get("lead_organisation_id") not in (None, proposal.lead_organisation_id):
            lead = await self.lead(access, fields["lead_organisation_id"], proposal=proposal)
            values |= {"lead_organisation_id": lead.id, "region_code": lead.region_code}
        changed = [name for name, value in values.items() if getattr(proposal, name) != value]
        if changed:
            if "lead_organisation_id" in changed:
                # the new lead stops being a partner of its own proposal
                for partner in [p for p in proposal.partners if p.organisation_id == values["lead_organisation_id"]]:
                    await self.repository.remove_partner(proposal, partner)
            for name in changed:
                setattr(proposal, name, values[name])
            await self.repository.save(proposal)
            await outbox.record_event(self.session, type=UPDATED, aggregate_type=AGGREGATE,
                                      aggregate_id=str(proposal.id), payload=event_payload(proposal, changed=changed))
            loaded = loaded.refreshed(access)  # a new lead changes who the caller is to the proposal
        return await self.detail(access=access, loaded=loaded)

    async def lead(
        self, access: Access, organisation_id: uuid.UUID, *, proposal: Proposal | None = None,
    ) -> OrganisationRef:
        """The organisation that will lead: known, in a region, and one the caller may lead for.

        A confirmed partner of `proposal` may also take over the lead (handed over by the co-authors).
        """
        field = "body.lead_organisation_id"
        lead = await lookup.require_known(self.session, organisation_id, field=field)
        if lead.region_code is None:
            raise InvalidInput("The lead organisation has no region in the registry.", errors=[FieldProblem(
                field=field, message="the organisation has no region", code="organisation_without_region")])
        confirmed = proposal is not None and any(
            p.organisation_id == lead.id and p.status == PartnerStatus.confirmed for p in proposal.partners
        )
        if not confirmed and not may_lead(access, lead):
            raise Forbidden(
                f"You may not name {lead.name} as the lead: a proposal is led by one of your own organisations "
                "(or, for cluster managers, an organisation of a region you manage)."
            )
        listed = next((p for p in proposal.partners if p.organisation_id == lead.id), None) if proposal else None
        if listed is not None and not confirmed:
            raise InvalidInput(
                f"{lead.name} is a partner of this proposal ({listed.status}); only confirmed partners take the lead.",
                errors=[FieldProblem(field=field, message=f"a partner that is {listed.status}", code="partner")],
            )
        return lead
