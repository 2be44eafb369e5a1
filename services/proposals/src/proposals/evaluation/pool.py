"""The evaluator pool: evaluators' own profiles and conflict declarations, the admin's view, and what evaluators
may learn of the proposals in evaluation before they are assigned (enough to spot a conflict, nothing more)."""

from __future__ import annotations

import uuid
from typing import Any

from tex4im_common.pagination import PageParams
from tex4im_common.problems import FieldProblem, InvalidInput

from proposals.access import Access
from proposals.errors import (
    ConflictAlreadyDeclared,
    ConflictDeclarationNotFound,
    EvaluatorNotFound,
)
from proposals.evaluation import staffing
from proposals.evaluation.conflicts import ConflictKind, conflicts, evaluator_facts, proposal_facts
from proposals.evaluation.models import ConflictDeclaration, Evaluator
from proposals.evaluation.pool_schemas import (
    ConflictDeclarationIn,
    ConflictDeclarationOut,
    ConflictOut,
    EvaluationProposalOut,
    EvaluationProposalPage,
    EvaluatorOut,
    EvaluatorPage,
    EvaluatorPatch,
    EvaluatorProfileIn,
    OrganisationBrief,
)
from proposals.evaluation.repository import EvaluationRepository
from proposals.lifecycle.pipeline import evaluation_stage
from proposals.notification.service import notify
from proposals.organisation import lookup
from proposals.organisation.lookup import require_known
from proposals.organisation.models import OrganisationRef
from proposals.vocab import AssignmentReason, Audience, PartnerStatus, StageKind

DECLARED = (ConflictKind.declared_proposal, ConflictKind.declared_organisation)


def organisation_brief(organisation: OrganisationRef | None) -> OrganisationBrief | None:
    if organisation is None:
        return None
    return OrganisationBrief(id=organisation.id, name=organisation.name, region_code=organisation.region_code)


def _missing_name() -> InvalidInput:
    return InvalidInput("Give your name: your sign-in does not carry one.", errors=[
        FieldProblem(field="body.name", message="required when the sign-in has no name", code="missing")])


class EvaluatorPoolService:
    def __init__(self, repository: EvaluationRepository) -> None:
        self.repository = repository

    async def out(self, evaluator: Evaluator, *, load: int | None = None) -> EvaluatorOut:
        if load is None:
            load = (await self.repository.loads([evaluator.id])).get(evaluator.id, 0)
        organisations = await lookup.get_many(self.repository.session, [evaluator.organisation_id])
        return EvaluatorOut(
            id=evaluator.id, subject=evaluator.subject, name=evaluator.name,
            organisation=organisation_brief(organisations.get(evaluator.organisation_id)),  # type: ignore[arg-type]
            region_code=evaluator.region_code, expertise=evaluator.expertise, languages=evaluator.languages,
            max_load=evaluator.max_load, active=evaluator.active, load=load, created_at=evaluator.created_at,
            updated_at=evaluator.updated_at,
        )

    async def me(self, access: Access) -> Evaluator:
        access.require_evaluator(what="keep an evaluator profile")
        evaluator = await self.repository.evaluator_by_subject(access.subject)
        if evaluator is None:
            raise EvaluatorNotFound("You have not registered as an evaluator yet: PUT /evaluators/me.")
        return evaluator

    async def register(self, *, access: Access, data: EvaluatorProfileIn) -> tuple[EvaluatorOut, bool]:
        """Create or replace the caller's profile; True when it is new. The admin's `active` flag stays."""
        access.require_evaluator(what="register in the evaluator pool")
        name = data.name or access.name
        if not name:
            raise _missing_name()
        region_code = data.region_code
        organisation_id = None
        if data.organisation_id is not None:
            organisation = await require_known(self.repository.session, data.organisation_id,
                                               field="body.organisation_id")
            organisation_id = organisation.id
            region_code = region_code or organisation.region_code
        values: dict[str, Any] = {
            "name": name, "organisation_id": organisation_id, "region_code": region_code,
            "expertise": list(data.expertise), "languages": list(data.languages), "max_load": data.max_load,
        }
        evaluator = await self.repository.evaluator_by_subject(access.subject, lock=True)
        created = evaluator is None
        if evaluator is None:
            evaluator = await self.repository.add(Evaluator(subject=access.subject, **values))
        else:
            for key, value in values.items():
                setattr(evaluator, key, value)
            await self.repository.flush()
            await self.repository.session.refresh(evaluator)
        return await self.out(evaluator), created

    async def list_evaluators(self, *, access: Access, params: PageParams, active: bool | None) -> EvaluatorPage:
        access.require_admin(what="see the evaluator pool")
        rows, cursor = await self.repository.evaluators_page(params, active=active)
        loads = await self.repository.loads(e.id for e in rows)
        items = [await self.out(e, load=loads.get(e.id, 0)) for e in rows]
        return EvaluatorPage(items=items, next_cursor=cursor)

    async def update(self, *, access: Access, evaluator_id: uuid.UUID, data: EvaluatorPatch) -> EvaluatorOut:
        access.require_admin(what="change evaluators")
        evaluator = await self.repository.evaluator(evaluator_id)
        if evaluator is None:
            raise EvaluatorNotFound(f"There is no evaluator {evaluator_id}.")
        for key, value in data.model_dump(exclude_unset=True).items():
            if value is None and key != "max_load":
                raise InvalidInput(f"'{key}' cannot be null.", errors=[
                    FieldProblem(field=f"body.{key}", message="may not be null", code="null")])
            setattr(evaluator, key, value)
        await self.repository.flush()
        await self.repository.session.refresh(evaluator)
        return await self.out(evaluator)

    # -- conflicts of interest -------------------------------------------------------------------------------------

    async def declare(self, *, access: Access, data: ConflictDeclarationIn) -> ConflictDeclarationOut:
        """Declare a conflict; assignments it touches are withdrawn and handed to someone else where possible."""
        evaluator = await self.me(access)
        if (data.proposal_id is None) == (data.organisation_id is None):
            message = "give exactly one of proposal_id and organisation_id"
            raise InvalidInput("Name either one proposal or one organisation.", errors=[
                FieldProblem(field="body.proposal_id", message=message, code="one_target"),
                FieldProblem(field="body.organisation_id", message=message, code="one_target")])
        proposal = organisation = None
        if data.proposal_id is not None:
            proposal = await self.repository.proposal(data.proposal_id)
            stage = await self.repository.stage(proposal.call_id, proposal.stage) if proposal else None
            if proposal is None or stage is None or stage.kind == StageKind.initial:
                raise InvalidInput("There is no such proposal.", errors=[FieldProblem(
                    field="body.proposal_id", message=f"no proposal {data.proposal_id}", code="not_found")])
        else:
            organisation = await require_known(self.repository.session, data.organisation_id,  # type: ignore[arg-type]
                                               field="body.organisation_id")
        mine = await self.repository.declarations([evaluator.id])
        if any(d.proposal_id == data.proposal_id and d.organisation_id == (organisation and organisation.id)
               for d in mine):
            raise ConflictAlreadyDeclared("You have already declared this conflict.")
        declaration = await self.repository.add(ConflictDeclaration(
            evaluator_id=evaluator.id, proposal_id=data.proposal_id, organisation_id=organisation and organisation.id,
            reason=data.reason,
        ))
        withdrawn_from = await self.step_down(evaluator, declaration)
        return (await self.declarations_out([declaration]))[0].model_copy(update={"withdrawn_from": withdrawn_from})

    async def step_down(self, evaluator: Evaluator, declaration: ConflictDeclaration) -> list[str]:
        """Withdraw the evaluator from what the declaration concerns and assign replacements; the references."""
        facts = evaluator_facts(evaluator, [declaration])
        affected = await self.repository.open_assignments_of(evaluator.id)
        proposals = await self.repository.proposals(a.proposal_id for a in affected)
        partners = await self.repository.partners(proposals.keys())
        references = []
        for assignment in affected:
            proposal = proposals[assignment.proposal_id]
            call = await self.repository.call(proposal.call_id)
            assert call is not None
            reasons = conflicts(facts, proposal_facts(proposal, partners[proposal.id], call))
            if not any(r.kind in DECLARED for r in reasons):
                continue
            await staffing.withdraw(self.repository, assignment, call_id=call.id,
                                     reason=f"Conflict of interest declared by the evaluator: {declaration.reason}")
            references.append(proposal.reference)
            replacement = None
            if proposal.stage == evaluation_stage(call.stages, call.transitions):
                replacement = await staffing.add_one(self.repository, proposal=proposal, call=call,
                                                      reason=AssignmentReason.automatic)
            outcome = "a replacement was assigned" if replacement else "no replacement could be assigned"
            await notify(self.repository.session, audience=Audience.admins, kind=staffing.WITHDRAWN,
                         title=f"Conflict of interest on {proposal.reference}: {outcome}",
                         body=f"{evaluator.name} declared a conflict and no longer evaluates it.",
                         link=f"/proposals/{proposal.id}", proposal_id=proposal.id)
        return references

    async def declarations_out(self, declarations: list[ConflictDeclaration]) -> list[ConflictDeclarationOut]:
        proposals = await self.repository.proposals(d.proposal_id for d in declarations if d.proposal_id)
        organisations = await lookup.get_many(self.repository.session, (d.organisation_id for d in declarations))
        return [
            ConflictDeclarationOut(
                id=d.id, proposal=staffing.brief(proposals[d.proposal_id]) if d.proposal_id else None,
                organisation=organisation_brief(organisations.get(d.organisation_id)) if d.organisation_id else None,
                reason=d.reason, declared_at=d.declared_at,
            )
            for d in declarations
        ]

    async def my_declarations(self, *, access: Access) -> list[ConflictDeclarationOut]:
        evaluator = await self.me(access)
        return await self.declarations_out(await self.repository.declarations([evaluator.id]))

    async def remove_declaration(self, *, access: Access, declaration_id: uuid.UUID) -> None:
        """Take a declaration back; assignments it withdrew stay withdrawn."""
        evaluator = await self.me(access)
        declaration = await self.repository.declaration(declaration_id)
        if declaration is None or declaration.evaluator_id != evaluator.id:
            raise ConflictDeclarationNotFound(f"You have no conflict declaration {declaration_id}.")
        await self.repository.delete(declaration)

    # -- the proposals in evaluation, as evaluators may see them ---------------------------------------------------

    async def evaluation_proposals(
        self, *, access: Access, call_id: uuid.UUID | None, params: PageParams,
    ) -> EvaluationProposalPage:
        access.require_evaluator(what="see the proposals in evaluation")
        evaluator = await self.repository.evaluator_by_subject(access.subject)
        rows, cursor = await self.repository.evaluation_proposals_page(params, call_id=call_id)
        partners = await self.repository.partners(p.id for p in rows)
        named = [p.lead_organisation_id for p in rows] + [x.organisation_id for ps in partners.values() for x in ps]
        organisations = await lookup.get_many(self.repository.session, named)
        facts = None
        if evaluator is not None:
            facts = evaluator_facts(evaluator, await self.repository.declarations([evaluator.id]))
        calls = {i: await self.repository.call(i) for i in {p.call_id for p in rows}}
        items = []
        for proposal in rows:
            active = [x for x in partners[proposal.id] if x.status != PartnerStatus.declined]
            reasons = None
            if facts is not None:
                found = conflicts(facts, proposal_facts(proposal, active, calls[proposal.call_id]))  # type: ignore[arg-type]
                reasons = [ConflictOut(kind=r.kind, detail=r.detail) for r in found]
            items.append(EvaluationProposalOut(
                id=proposal.id, reference=proposal.reference, title=proposal.title, acronym=proposal.acronym,
                call_id=proposal.call_id, lead=self.organisation(organisations, proposal.lead_organisation_id),
                partners=[self.organisation(organisations, x.organisation_id, x.region_code) for x in active],
                conflicts=reasons,
            ))
        return EvaluationProposalPage(items=items, next_cursor=cursor)

    @staticmethod
    def organisation(
        organisations: dict[uuid.UUID, OrganisationRef], organisation_id: uuid.UUID, region_code: str | None = None,
    ) -> OrganisationBrief:
        found = organisations.get(organisation_id)
        return OrganisationBrief(id=organisation_id, name=found.name if found else "(unknown organisation)",
                                 region_code=region_code or (found.region_code if found else None))
