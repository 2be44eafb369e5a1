"""Conflicts of interest between an evaluator and a proposal: derived from the data, plus the declared ones.

An evaluator may not review a proposal when
- they work for its lead organisation or for a partner organisation that has not declined;
- they work in the lead's region and the call excludes evaluators from the lead's region;
- they declared a conflict with the proposal, or with an organisation that leads it or is a (not declined) partner.
Pure rules over plain data, so assignment, the evaluators' own listing and the manual checks all agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from proposals.call.models import Call
from proposals.evaluation.models import ConflictDeclaration, Evaluator
from proposals.proposal.models import Proposal, ProposalPartner
from proposals.vocab import PartnerStatus

# the language a consortium from each partnership country writes and talks in (the evaluators' `languages`)
COUNTRY_LANGUAGES = {"IT": "it", "RO": "ro", "ES": "es", "PT": "pt", "CZ": "cs", "SE": "sv", "FR": "fr"}


class ConflictKind(StrEnum):
    lead_organisation = "lead_organisation"
    partner_organisation = "partner_organisation"
    own_region = "own_region"
    declared_proposal = "declared_proposal"
    declared_organisation = "declared_organisation"


@dataclass(frozen=True)
class ConflictReason:
    kind: ConflictKind
    detail: str


@dataclass(frozen=True)
class EvaluatorFacts:
    id: uuid.UUID
    organisation_id: uuid.UUID | None
    region_code: str | None
    declared_proposals: dict[uuid.UUID, str]  # proposal id -> the reason given
    declared_organisations: dict[uuid.UUID, str]  # organisation id -> the reason given


@dataclass(frozen=True)
class ProposalFacts:
    id: uuid.UUID
    lead_organisation_id: uuid.UUID
    region_code: str
    partner_organisation_ids: frozenset[uuid.UUID]  # partners that have not declined
    region_codes: frozenset[str]  # lead's and (not declined) partners' regions
    exclude_own_region: bool


def evaluator_facts(evaluator: Evaluator, declarations: Iterable[ConflictDeclaration]) -> EvaluatorFacts:
    mine = [d for d in declarations if d.evaluator_id == evaluator.id]
    return EvaluatorFacts(
        id=evaluator.id, organisation_id=evaluator.organisation_id, region_code=evaluator.region_code,
        declared_proposals={d.proposal_id: d.reason for d in mine if d.proposal_id is not None},
        declared_organisations={d.organisation_id: d.reason for d in mine if d.organisation_id is not None},
    )


def proposal_facts(proposal: Proposal, partners: Iterable[ProposalPartner], call: Call) -> ProposalFacts:
    """The facts of `proposal` (its `partners` passed in, so the relationship need not be loaded)."""
    active = [p for p in partners if p.status != PartnerStatus.declined]
    return ProposalFacts(
        id=proposal.id, lead_organisation_id=proposal.lead_organisation_id, region_code=proposal.region_code,
        partner_organisation_ids=frozenset(p.organisation_id for p in active),
        region_codes=frozenset({proposal.region_code, *(p.region_code for p in active if p.region_code)}),
        exclude_own_region=call.exclude_own_region_evaluators,
    )


def consortium_languages(proposal: ProposalFacts) -> frozenset[str]:
    """The languages of the countries the lead and partners are in."""
    return frozenset(COUNTRY_LANGUAGES[r[:2]] for r in proposal.region_codes if r[:2] in COUNTRY_LANGUAGES)


def conflicts(evaluator: EvaluatorFacts, proposal: ProposalFacts) -> list[ConflictReason]:
    """Every reason the evaluator may not review the proposal (empty: they may)."""
    reasons: list[ConflictReason] = []
    organisation = evaluator.organisation_id
    if organisation is not None and organisation == proposal.lead_organisation_id:
        reasons.append(ConflictReason(ConflictKind.lead_organisation, "works for the lead organisation"))
    if organisation is not None and organisation in proposal.partner_organisation_ids:
        reasons.append(ConflictReason(ConflictKind.partner_organisation, "works for a partner organisation"))
    if proposal.exclude_own_region and evaluator.region_code == proposal.region_code:
        reasons.append(ConflictReason(
            ConflictKind.own_region,
            f"works in the lead's region ({proposal.region_code}), and the call excludes evaluators from it",
        ))
    if proposal.id in evaluator.declared_proposals:
        reasons.append(ConflictReason(
            ConflictKind.declared_proposal,
            f"declared a conflict with this proposal: {evaluator.declared_proposals[proposal.id]}",
        ))
    named = {proposal.lead_organisation_id, *proposal.partner_organisation_ids}
    for organisation_id, reason in sorted(evaluator.declared_organisations.items(), key=lambda item: str(item[0])):
        if organisation_id in named:
            reasons.append(ConflictReason(
                ConflictKind.declared_organisation,
                f"declared a conflict with an organisation of this proposal: {reason}",
            ))
    return reasons


def describe(reasons: list[ConflictReason]) -> str:
    """The reasons as one clause: "works for the lead organisation; declared a conflict ..."."""
    return "; ".join(r.detail for r in reasons)
