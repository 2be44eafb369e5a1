"""Who may see and change one proposal: the relation of the caller to it, and what that relation allows.

- Co-authors (the creator, members of the lead organisation, members of confirmed partner organisations) read the
  proposal in every stage and change it while its stage is editable; members of an invited partner organisation
  read it to decide whether to join.
- The cluster managers of the lead's region read it in every stage and take the manager's steps; the managers
  of a partner's region read it once it has left its initial stage (a draft stays with its authors).
- The consortium admin reads and steers everything.
- An evaluator reads the proposals assigned to them (never drafts).
- Answers to private-to-evaluators fields are not shown to partner organisations' members or partner regions'
  managers: only the lead's authors, the lead region's managers, the admin and assigned evaluators.
Everyone else is told the proposal does not exist (404), never that it is forbidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from proposals.access import Access
from proposals.call.models import Stage
from proposals.proposal.models import Proposal
from proposals.vocab import Actor, PartnerStatus, StageKind


@dataclass(frozen=True)
class Relation:
    """What the caller is to one proposal (several may hold at once)."""

    lead_author: bool = False
    partner_author: bool = False
    invited_partner: bool = False
    lead_region_manager: bool = False
    partner_region_manager: bool = False
    admin: bool = False
    assigned_evaluator: bool = False

    @property
    def author(self) -> bool:
        return self.lead_author or self.partner_author


def relation_to(access: Access, proposal: Proposal, *, assigned_evaluator: bool = False) -> Relation:
    """The caller's relation to `proposal`, whose `partners` must be loaded."""
    if not access.is_user:
        return Relation()
    organisations = access.member_organisations
    partner_status = {p.organisation_id: p.status for p in proposal.partners}
    partner_regions = {p.region_code for p in proposal.partners if p.status != PartnerStatus.declined}
    return Relation(
        lead_author=proposal.created_by == access.subject or proposal.lead_organisation_id in organisations,
        partner_author=any(partner_status.get(o) == PartnerStatus.confirmed for o in organisations),
        invited_partner=any(partner_status.get(o) == PartnerStatus.invited for o in organisations),
        lead_region_manager=proposal.region_code in access.managed_regions,
        partner_region_manager=bool(access.managed_regions & partner_regions),
        admin=access.is_admin,
        assigned_evaluator=assigned_evaluator,
    )


def may_read(relation: Relation, stage: Stage) -> bool:
    if relation.author or relation.invited_partner or relation.lead_region_manager or relation.admin:
        return True
    past_initial = stage.kind != StageKind.initial
    return past_initial and (relation.partner_region_manager or relation.assigned_evaluator)


def may_edit(relation: Relation, stage: Stage) -> bool:
    """Change the content (fields, partners, attachments): co-authors while the stage is editable; the admin too."""
    return stage.editable and (relation.author or relation.admin)


def may_read_private_answers(relation: Relation) -> bool:
    return relation.lead_author or relation.lead_region_manager or relation.admin or relation.assigned_evaluator


def actors(relation: Relation) -> set[Actor]:
    """The pipeline actors the caller counts as for this proposal's transitions."""
    held = set()
    if relation.author:
        held.add(Actor.applicant)
    if relation.lead_region_manager:
        held.add(Actor.region_manager)
    if relation.admin:
        held.add(Actor.admin)
    return held
