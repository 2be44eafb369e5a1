"""Partner organisations: invited by the co-authors while the proposal is editable, confirmed or declined by their
own members, removed by the co-authors. Each step is a timeline entry, an event and a notification."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tex4im_common.problems import FieldProblem, Forbidden, InvalidInput

from proposals.access import Access
from proposals.db import outbox
from proposals.errors import PartnerAlreadyAnswered, PartnerAlreadyInvited, PartnerNotFound, ProposalNotEditable
from proposals.notification.service import notify
from proposals.organisation import lookup
from proposals.organisation.models import OrganisationRef
from proposals.proposal.loader import Loaded, load, require_editable
from proposals.proposal.models import Proposal, ProposalPartner, TimelineEntry
from proposals.proposal.schemas import PartnerAnswer, PartnerInvite, PartnerOut
from proposals.proposal.service import AGGREGATE, ProposalService, event_payload
from proposals.vocab import Audience, PartnerStatus, TimelineKind

INVITED, CONFIRMED, DECLINED, REMOVED = (
    "proposal.partner_invited", "proposal.partner_confirmed", "proposal.partner_declined", "proposal.partner_removed",
)


def _headline(text: str) -> str:
    """A notification title fits its 300 characters, however long the organisation's name."""
    return text if len(text) <= 300 else text[:299] + "…"


def _find(proposal: Proposal, organisation_id: uuid.UUID) -> ProposalPartner:
    for partner in proposal.partners:
        if partner.organisation_id == organisation_id:
            return partner
    raise PartnerNotFound(f"Organisation {organisation_id} is not a partner of proposal {proposal.reference}.")


def _out(partner: ProposalPartner, organisation: OrganisationRef | None) -> PartnerOut:
    return PartnerOut.model_validate({
        "organisation": {
            "id": partner.organisation_id, "name": organisation.name if organisation else str(partner.organisation_id),
            "region_code": organisation.region_code if organisation else None,
            "kind": organisation.kind if organisation else None,
            "country_code": organisation.country_code if organisation else None,
            "city": organisation.city if organisation else None,
            "deleted": organisation.deleted if organisation else False,
        },
        "region_code": partner.region_code, "role_description": partner.role_description, "status": partner.status,
        "invited_at": partner.created_at, "answered_at": partner.answered_at,
    })


class PartnerService:
    def __init__(self, proposals: ProposalService) -> None:
        self.proposals = proposals
        self.repository = proposals.repository
        self.session = proposals.session

    async def invite(self, *, access: Access, proposal_id: uuid.UUID, data: PartnerInvite) -> PartnerOut:
        """Invite an organisation (a declined one may be invited again); its members are told in the app."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=True)
        require_editable(loaded, what="invite partners")
        proposal = loaded.proposal
        field = "body.organisation_id"
        organisation = await lookup.require_known(self.session, data.organisation_id, field=field)
        if organisation.id == proposal.lead_organisation_id:
            raise InvalidInput(f"{organisation.name} leads this proposal; it cannot also be its partner.",
                               errors=[FieldProblem(field=field, message="the lead organisation", code="is_lead")])
        existing = next((p for p in proposal.partners if p.organisation_id == organisation.id), None)
        if existing is not None and existing.status != PartnerStatus.declined:
            raise PartnerAlreadyInvited(f"{organisation.name} is already {existing.status} in this proposal.")
        if existing is None:
            partner = await self.repository.add_partner(proposal, ProposalPartner(
                organisation_id=organisation.id, region_code=organisation.region_code,
                role_description=data.role_description, invited_by=access.subject,
            ))
        else:
            partner = existing
            partner.status, partner.answered_by, partner.answered_at = PartnerStatus.invited.value, None, None
            partner.role_description, partner.invited_by = data.role_description, access.subject
            partner.region_code = organisation.region_code
        await self._record(loaded, access, partner, organisation, action="invited", event=INVITED)
        await notify(
            self.session, audience=Audience.organisation, key=organisation.id, kind=INVITED,
            title=_headline(f"{organisation.name} is invited to join proposal {proposal.reference}"),
            body=f"“{proposal.title}”: confirm or decline on the proposal's page.", link=f"/proposals/{proposal.id}",
            proposal_id=proposal.id,
        )
        return _out(partner, organisation)

    async def remove(self, *, access: Access, proposal_id: uuid.UUID, organisation_id: uuid.UUID) -> None:
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=True)
        require_editable(loaded, what="remove partners")
        partner = _find(loaded.proposal, organisation_id)
        organisation = (await lookup.get_many(self.session, [organisation_id])).get(organisation_id)
        await self.repository.remove_partner(loaded.proposal, partner)
        await self._record(loaded, access, partner, organisation, action="removed", event=REMOVED)
        await notify(
            self.session, audience=Audience.organisation, key=organisation_id, kind=REMOVED,
            title=f"Your organisation is no longer a partner of proposal {loaded.proposal.reference}",
            link=None, proposal_id=loaded.proposal.id,
        )

    async def answer(
        self, *, access: Access, proposal_id: uuid.UUID, organisation_id: uuid.UUID, data: PartnerAnswer,
    ) -> PartnerOut:
        """Confirm or decline for one's own organisation; answering the same again changes nothing."""
        loaded = await load(self.session, access=access, proposal_id=proposal_id, lock=True)
        proposal = loaded.proposal
        partner = _find(proposal, organisation_id)
        organisation = (await lookup.get_many(self.session, [organisation_id])).get(organisation_id)
        if organisation_id not in access.member_organisations:
            raise Forbidden("Only the members of the invited organisation may answer its invitation.")
        wanted = PartnerStatus.confirmed if data.accept else PartnerStatus.declined
        if partner.status == wanted:
            return _out(partner, organisation)
        if not loaded.stage.editable:
            raise ProposalNotEditable(
                f"Proposal {proposal.reference} is in the stage '{loaded.stage.label}': its partners are settled."
            )
        if partner.status != PartnerStatus.invited:
            raise PartnerAlreadyAnswered(f"The invitation was already {partner.status}.")
        partner.status, partner.answered_by, partner.answered_at = wanted.value, access.subject, datetime.now(UTC)
        event = CONFIRMED if data.accept else DECLINED
        await self._record(loaded, access, partner, organisation, action=wanted.value, event=event)
        name = organisation.name if organisation else "A partner"
        await notify(
            self.session, audience=Audience.organisation, key=proposal.lead_organisation_id, kind=event,
            title=_headline(f"{name} {wanted.value} its participation in proposal {proposal.reference}"),
            link=f"/proposals/{proposal.id}", proposal_id=proposal.id,
        )
        return _out(partner, organisation)

    async def _record(
        self, loaded: Loaded, access: Access, partner: ProposalPartner, organisation: OrganisationRef | None, *,
        action: str, event: str,
    ) -> None:
        """The change as a timeline entry and an event; the proposal gets a new version (its partners changed)."""
        proposal = loaded.proposal
        await self.repository.touch(proposal)
        details = {
            "action": action, "organisation_id": str(partner.organisation_id),
            "organisation_name": organisation.name if organisation else None, "region_code": partner.region_code,
        }
        await self.repository.add_timeline(TimelineEntry(
            proposal_id=proposal.id, kind=TimelineKind.partner.value, actor=access.subject, actor_name=access.name,
            at=datetime.now(UTC), details=details,
        ))
        await outbox.record_event(
            self.session, type=event, aggregate_type=AGGREGATE, aggregate_id=str(proposal.id),
            payload=event_payload(proposal, partner={
                "organisation_id": str(partner.organisation_id), "region_code": partner.region_code,
                "status": partner.status,
            }),
        )
