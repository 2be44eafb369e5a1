import uuid

import pytest
from proposals.proposal.models import ProposalPartner
from sqlalchemy import select
from tests.proposal.scenario import build_world, events_of, notifications_of, timeline_of

from tests import factories


@pytest.fixture
async def world(session, identity_headers):
    return await build_world(session, identity_headers)


def url(world, *parts):
    return "/".join([f"/proposals/{world.proposal.id}/partners", *map(str, parts)])


async def partner_rows(session, world):
    rows = await session.scalars(select(ProposalPartner).where(ProposalPartner.proposal_id == world.proposal.id)
                                 .execution_options(populate_existing=True))
    return {row.organisation_id: row.status for row in rows}


class TestInviting:
    async def test_a_co_author_invites_and_the_organisation_is_told(self, client, session, world):
        sweden = world.outsider_org
        response = await client.post(url(world), json={"organisation_id": str(sweden.id),
                                                       "role_description": "Weaving trials"},
                                     headers=world.people["partner_member"])
        assert response.status_code == 201, response.text
        assert response.json()["status"] == "invited"
        assert response.json()["organisation"]["name"] == "Borås Weaving"
        assert response.json()["role_description"] == "Weaving trials"
        assert (await partner_rows(session, world))[sweden.id] == "invited"
        assert await notifications_of(session, world.proposal.id) == [
            ("organisation", str(sweden.id), "proposal.partner_invited")]
        [(kind, payload)] = await events_of(session, world.proposal.id)
        assert kind == "proposal.partner_invited"
        assert payload["partner"] == {"organisation_id": str(sweden.id), "region_code": "SE23", "status": "invited"}
        [entry] = await timeline_of(session, world.proposal.id)
        assert (entry.kind, entry.actor, entry.details["action"]) == ("partner", "subject-partner", "invited")
        detail = await client.get(f"/proposals/{world.proposal.id}", headers=world.people["partner_member"])
        assert detail.headers["etag"] == '"2"'  # the partners are part of the record

    async def test_the_lead_an_existing_partner_or_an_unknown_organisation_are_refused(self, client, world):
        author = world.people["lead_member"]
        lead = await client.post(url(world), json={"organisation_id": str(world.lead.id)}, headers=author)
        assert (lead.status_code, lead.json()["errors"][0]["code"]) == (422, "is_lead")
        twice = await client.post(url(world), json={"organisation_id": str(world.invited.id)}, headers=author)
        assert (twice.status_code, twice.json()["detail"]) == (
            409, "Fiação do Ave is already invited in this proposal.")
        unknown = await client.post(url(world), json={"organisation_id": str(uuid.uuid4())}, headers=author)
        assert (unknown.status_code, unknown.json()["errors"][0]["field"]) == (422, "body.organisation_id")

    async def test_a_declined_organisation_may_be_invited_again(self, client, session, world):
        response = await client.post(url(world), json={"organisation_id": str(world.declined.id)},
                                     headers=world.people["lead_member"])
        assert response.status_code == 201
        assert (await partner_rows(session, world))[world.declined.id] == "invited"

    async def test_a_deleted_organisation_cannot_be_invited(self, client, session, world):
        gone = await factories.organisation(session, region="FRE1", deleted=True)
        response = await client.post(url(world), json={"organisation_id": str(gone.id)},
                                     headers=world.people["lead_member"])
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "organisation_deleted"

    @pytest.mark.parametrize(("person", "status"), [
        ("invited_member", 403), ("lead_manager", 403), ("outsider", 404), ("anonymous", 401),
    ])
    async def test_only_co_authors_invite(self, client, session, world, person, status):
        response = await client.post(url(world), json={"organisation_id": str(world.outsider_org.id)},
                                     headers=world.people[person])
        assert response.status_code == status
        assert world.outsider_org.id not in await partner_rows(session, world)

    async def test_not_once_the_proposal_is_submitted(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="submitted")
        response = await client.post(url(world), json={"organisation_id": str(world.outsider_org.id)},
                                     headers=world.people["lead_member"])
        assert response.status_code == 409


class TestRemoving:
    async def test_a_co_author_removes_a_partner(self, client, session, world):
        response = await client.delete(url(world, world.partner.id), headers=world.people["creator"])
        assert response.status_code == 204
        assert world.partner.id not in await partner_rows(session, world)
        assert [kind for kind, _ in await events_of(session, world.proposal.id)] == ["proposal.partner_removed"]
        [entry] = await timeline_of(session, world.proposal.id)
        assert entry.details["action"] == "removed"
        assert entry.details["organisation_name"] == "Tintes Valencia"

    async def test_an_organisation_that_is_no_partner_is_404(self, client, world):
        response = await client.delete(url(world, world.outsider_org.id), headers=world.people["creator"])
        assert response.status_code == 404

    async def test_an_invited_partner_cannot_remove_anyone(self, client, session, world):
        response = await client.delete(url(world, world.partner.id), headers=world.people["invited_member"])
        assert response.status_code == 403
        assert (await partner_rows(session, world))[world.partner.id] == "confirmed"


class TestAnswering:
    @pytest.mark.parametrize(("accept", "status", "event"), [
        (True, "confirmed", "proposal.partner_confirmed"), (False, "declined", "proposal.partner_declined"),
    ])
    async def test_a_member_of_the_invited_organisation_answers_for_it(
        self, client, session, world, accept, status, event
    ):
        response = await client.post(url(world, world.invited.id, "answer"), json={"accept": accept},
                                     headers=world.people["invited_member"])
        assert response.status_code == 200, response.text
        assert response.json()["status"] == status
        assert response.json()["answered_at"] is not None
        assert (await partner_rows(session, world))[world.invited.id] == status
        assert [kind for kind, _ in await events_of(session, world.proposal.id)] == [event]
        assert await notifications_of(session, world.proposal.id) == [("organisation", str(world.lead.id), event)]

    async def test_once_confirmed_the_member_co_authors_it(self, client, world):
        await client.post(url(world, world.invited.id, "answer"), json={"accept": True},
                          headers=world.people["invited_member"])
        detail = (await client.get(f"/proposals/{world.proposal.id}", headers=world.people["invited_member"])).json()
        assert detail["permissions"]["can_edit"] is True
        assert detail["permissions"]["can_answer_invitation"] == []

    async def test_answering_the_same_again_changes_nothing_and_another_answer_is_refused(
        self, client, session, world
    ):
        headers = world.people["invited_member"]
        await client.post(url(world, world.invited.id, "answer"), json={"accept": True}, headers=headers)
        again = await client.post(url(world, world.invited.id, "answer"), json={"accept": True}, headers=headers)
        assert again.status_code == 200
        change = await client.post(url(world, world.invited.id, "answer"), json={"accept": False}, headers=headers)
        assert change.status_code == 409
        assert change.json()["type"] == "urn:tex4im:problem:partner-already-answered"
        assert len(await events_of(session, world.proposal.id)) == 1

    async def test_only_the_organisations_own_members_answer(self, client, session, world):
        for person in ("lead_member", "admin", "partner_member"):
            response = await client.post(url(world, world.invited.id, "answer"), json={"accept": True},
                                         headers=world.people[person])
            assert response.status_code == 403, person
        assert (await partner_rows(session, world))[world.invited.id] == "invited"
