"""An organisation's contact people: personal data, only for those who may see it, never on the event feed."""

from __future__ import annotations

import uuid

from tex4im_common.problems import Forbidden

from intelligence.access import Access
from intelligence.errors import ContactNotFound, OrganisationMerged
from intelligence.organisation.models import Organisation, OrganisationContact
from intelligence.organisation.policy import managing_region, may_see_contacts, require_visible
from intelligence.organisation.repository import OrganisationRepository
from intelligence.organisation.schemas import ContactCreate, ContactOut, ContactPatch


class ContactService:
    """The managers of the organisation's region, the admin and the organisation's own members."""

    def __init__(self, repository: OrganisationRepository) -> None:
        self.repository = repository

    async def list_contacts(self, *, access: Access, organisation_id: uuid.UUID) -> list[ContactOut]:
        organisation = await self._organisation(access, organisation_id)
        return [ContactOut.model_validate(c) for c in await self.repository.contacts(organisation.id)]

    async def add_contact(self, *, access: Access, organisation_id: uuid.UUID, data: ContactCreate) -> ContactOut:
        organisation = await self._organisation(access, organisation_id, writing=True)
        contact = OrganisationContact(organisation_id=organisation.id, **data.model_dump())
        await self.repository.add(contact)
        return ContactOut.model_validate(contact)

    async def update_contact(
        self, *, access: Access, organisation_id: uuid.UUID, contact_id: uuid.UUID, patch: ContactPatch
    ) -> ContactOut:
        contact = await self._contact(access, organisation_id, contact_id)
        for field, value in patch.model_dump(exclude_unset=True).items():
            setattr(contact, field, value)
        await self.repository.flush()
        return ContactOut.model_validate(contact)

    async def delete_contact(self, *, access: Access, organisation_id: uuid.UUID, contact_id: uuid.UUID) -> None:
        await self.repository.delete_contact(await self._contact(access, organisation_id, contact_id))

    async def _organisation(self, access: Access, organisation_id: uuid.UUID, *, writing: bool = False) -> Organisation:
        organisation = require_visible(access, await self.repository.get(organisation_id), organisation_id)
        access.require_user()
        if not may_see_contacts(access, organisation):
            raise Forbidden(
                f"Only the cluster managers of region {managing_region(organisation)}, the consortium admin and the "
                "organisation's own members may see or change its contacts."
            )
        if writing and organisation.merged_into_id is not None:
            raise OrganisationMerged(
                f"This record was merged into {organisation.merged_into_id}; its contacts are there now.",
                extra={"merged_into_id": str(organisation.merged_into_id)},
            )
        return organisation

    async def _contact(self, access: Access, organisation_id: uuid.UUID, contact_id: uuid.UUID) -> OrganisationContact:
        organisation = await self._organisation(access, organisation_id, writing=True)
        contact = await self.repository.get_contact(organisation.id, contact_id)
        if contact is None:
            raise ContactNotFound(f"Organisation {organisation_id} has no contact {contact_id}.")
        return contact
