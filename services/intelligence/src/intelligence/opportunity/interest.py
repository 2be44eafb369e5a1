"""Interest in an opportunity: any partnership user may express it; the managers looking after it see who."""

from __future__ import annotations

import uuid

from tex4im_common.pagination import PageParams
from tex4im_common.problems import Forbidden

from intelligence.access import Access
from intelligence.errors import OpportunityNotOpen
from intelligence.opportunity import events
from intelligence.opportunity.repository import OpportunityRepository
from intelligence.opportunity.schemas import (
    InterestedPersonOut,
    InterestedPersonPage,
    InterestIn,
    MyInterestOut,
    MyInterestPage,
)
from intelligence.opportunity.service import OpportunityService, may_read, may_see_interests
from intelligence.vocab import OpportunityStatus


class InterestService:
    def __init__(self, repository: OpportunityRepository) -> None:
        self.repository = repository
        self.opportunities = OpportunityService(repository)

    async def express(self, *, access: Access, opportunity_id: uuid.UUID, data: InterestIn) -> MyInterestOut:
        """Record (or update the message of) the caller's interest; one row per person and opportunity."""
        identity = access.require_consortium()
        opportunity = await self.opportunities.readable(access=access, opportunity_id=opportunity_id)
        if opportunity.status != OpportunityStatus.open:
            raise OpportunityNotOpen(
                f"Interest can only be expressed in an open opportunity; this one is {opportunity.status}."
            )
        organisation_id = next((m.organisation_id for m in identity.memberships if m.organisation_id), None)
        if organisation_id is not None and not await self.repository.organisation_exists(organisation_id):
            organisation_id = None  # a membership naming an organisation the registry does not (yet) hold
        existed = await self.repository.get_interest(opportunity.id, identity.subject) is not None
        interest = await self.repository.upsert_interest({
            "opportunity_id": opportunity.id,
            "subject": identity.subject,
            "person_name": identity.name,
            "organisation_id": organisation_id,
            "region_code": next((m.region for m in identity.memberships if m.region), None),
            "message": data.message or None,
        })
        if not existed:
            count = await self.repository.count_interests(opportunity.id)
            await events.record_interest(self.repository.session, opportunity.id, type=events.INTEREST_EXPRESSED,
                                         count=count)
        return MyInterestOut(
            opportunity_id=opportunity.id, title=opportunity.title, kind=opportunity.kind,
            deadline=opportunity.deadline, status=opportunity.status, message=interest.message,
            expressed_at=interest.created_at,
        )

    async def withdraw(self, *, access: Access, opportunity_id: uuid.UUID) -> None:
        """Remove the caller's interest; withdrawing one that is not there changes nothing."""
        identity = access.require_user()
        opportunity = await self.opportunities.readable(access=access, opportunity_id=opportunity_id)
        if await self.repository.delete_interest(opportunity.id, identity.subject):
            count = await self.repository.count_interests(opportunity.id)
            await events.record_interest(self.repository.session, opportunity.id, type=events.INTEREST_WITHDRAWN,
                                         count=count)

    async def interested_people(
        self, *, access: Access, opportunity_id: uuid.UUID, params: PageParams
    ) -> InterestedPersonPage:
        access.require_user()
        opportunity = await self.opportunities.readable(access=access, opportunity_id=opportunity_id)
        if not may_see_interests(access, opportunity):
            raise Forbidden(
                "Only the cluster managers of the regions this opportunity concerns and the consortium admin "
                "may see who is interested."
            )
        rows, next_cursor = await self.repository.interests_page(opportunity.id, params)
        names = await self.repository.organisation_names(r.organisation_id for r in rows if r.organisation_id)
        return InterestedPersonPage(
            items=[
                InterestedPersonOut(
                    person_name=r.person_name, organisation_id=r.organisation_id,
                    organisation_name=names.get(r.organisation_id) if r.organisation_id else None,
                    region_code=r.region_code, message=r.message, expressed_at=r.created_at,
                )
                for r in rows
            ],
            next_cursor=next_cursor,
        )

    async def mine(self, *, access: Access, params: PageParams) -> MyInterestPage:
        identity = access.require_user()
        rows, next_cursor = await self.repository.interests_of(identity.subject, params)
        return MyInterestPage(
            items=[
                MyInterestOut(
                    opportunity_id=r.opportunity.id, title=r.opportunity.title, kind=r.opportunity.kind,
                    deadline=r.opportunity.deadline, status=r.opportunity.status, message=r.message,
                    expressed_at=r.created_at,
                )
                for r in rows
                if may_read(access, r.opportunity)  # someone who has left the partnership keeps only public ones
            ],
            next_cursor=next_cursor,
        )
