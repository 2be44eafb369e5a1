from datetime import timedelta

import httpx
import pytest
from proposals.call.models import CallField
from proposals.proposal.models import Proposal, ProposalPartner
from sqlalchemy import select
from tests.proposal.scenario import build_world, events_of

from tests import factories


@pytest.fixture
async def world(session, identity_headers):
    return await build_world(session, identity_headers)


async def patch(client, world, person, body, *, if_match='"1"'):
    headers = world.people[person] | ({"If-Match": if_match} if if_match else {})
    return await client.patch(f"/proposals/{world.proposal.id}", json=body, headers=headers)


async def stored(session, world) -> Proposal:
    return await session.scalar(
        select(Proposal).where(Proposal.id == world.proposal.id).execution_options(populate_existing=True))


class TestChangingADraft:
    async def test_a_co_author_changes_fields_and_gets_the_next_etag(self, client, session, world):
        response = await patch(client, world, "partner_member", {
            "title": "Recycled wool yarn", "acronym": "REWOOL", "trl": 6, "budget_eur": "600000",
            "priorities": ["circular_economy", "advanced_materials"],
        })
        assert response.status_code == 200, response.text
        assert response.headers["etag"] == '"2"'
        body = response.json()
        assert (body["title"], body["acronym"], body["trl"], body["budget_eur"], body["version"]) == (
            "Recycled wool yarn", "REWOOL", 6, "600000.00", 2)
        [(kind, payload)] = await events_of(session, world.proposal.id)
        assert kind == "proposal.updated"
        assert payload["changed"] == ["title", "acronym", "priorities", "trl", "budget_eur"]

    async def test_answers_are_merged_and_null_blanks_one(self, client, world):
        response = await patch(client, world, "lead_member", {"answers": {"market": "Nordic workwear",
                                                                          "confidential_costs": None}})
        assert response.json()["answers"] == {"market": "Nordic workwear"}

    async def test_sending_what_is_already_there_changes_nothing(self, client, session, world):
        response = await patch(client, world, "lead_member", {"title": "Recycled fibre pilot line"})
        assert response.headers["etag"] == '"1"'
        assert await events_of(session, world.proposal.id) == []

    async def test_the_requested_support_must_stay_within_the_budget(self, client, world):
        response = await patch(client, world, "lead_member", {"requested_eur": "500000.01"})
        assert response.status_code == 422
        assert response.json()["errors"] == [{"field": "body.requested_eur",
                                              "message": "cannot exceed the budget (500000.00 EUR)",
                                              "code": "over_budget"}]

    async def test_required_fields_cannot_be_cleared(self, client, world):
        response = await patch(client, world, "lead_member", {"title": None, "trl": None})
        assert response.status_code == 422
        assert response.json()["errors"][0]["message"] == "Value error, title cannot be cleared"


class TestConcurrentEditors:
    async def test_if_match_is_required(self, client, world):
        response = await patch(client, world, "lead_member", {"title": "New"}, if_match=None)
        assert response.status_code == 428
        assert response.json()["type"] == "urn:tex4im:problem:if-match-required"
        assert response.json()["current_etag"] == '"1"'

    async def test_a_proposal_that_cannot_change_says_so_before_asking_for_if_match(self, client, session, world):
        world.proposal.stage = "submitted"
        await session.flush()
        for if_match in (None, '"99"'):
            response = await patch(client, world, "lead_member", {"title": "New"}, if_match=if_match)
            assert (response.status_code, response.json()["title"]) == (
                409, "The proposal cannot be changed in its current stage"), if_match

    async def test_the_stale_editor_gets_412_and_the_first_change_is_kept(self, app, client, session, world):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://service") as other:
            etag = (await client.get(f"/proposals/{world.proposal.id}", headers=world.people["lead_member"])
                    ).headers["etag"]
            assert (await other.get(f"/proposals/{world.proposal.id}", headers=world.people["partner_member"])
                    ).headers["etag"] == etag
            first = await patch(client, world, "lead_member", {"title": "Wool, again"}, if_match=etag)
            second = await patch(other, world, "partner_member", {"summary": "Overwrites?"}, if_match=etag)
        assert first.status_code == 200
        assert second.status_code == 412
        assert second.json()["current_etag"] == '"2"'
        proposal = await stored(session, world)
        assert (proposal.title, proposal.summary, proposal.version) == ("Wool, again", "A test proposal.", 2)


class TestWhoMayChangeIt:
    @pytest.mark.parametrize(("person", "status"), [
        ("invited_member", 403), ("lead_manager", 403), ("partner_manager", 404), ("outsider", 404),
        ("declined_member", 404), ("anonymous", 401),
    ])
    async def test_only_co_authors_and_the_admin(self, client, session, world, person, status):
        response = await patch(client, world, person, {"title": "Hijacked"})
        assert response.status_code == status
        assert (await stored(session, world)).title == "Recycled fibre pilot line"

    async def test_a_submitted_proposal_cannot_change(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="submitted")
        response = await patch(client, world, "lead_member", {"title": "Late change"})
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "Proposal TST-ITI1-001 is in the stage 'Submitted', where it cannot change.")


class TestFrozenAnswers:
    async def test_an_answer_past_its_freeze_keeps_its_value(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, form_fields=[
            CallField(key="market", label="Target market", type="long_text", required=True, position=0),
            CallField(key="confidential_costs", label="Costs", type="long_text", position=1,
                      frozen_after=factories.now() - timedelta(hours=1)),
        ])
        response = await patch(client, world, "lead_member", {"answers": {"confidential_costs": "Looms 90k"}})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.answers.confidential_costs"
        assert response.json()["errors"][0]["code"] == "frozen"
        same = await patch(client, world, "lead_member", {"answers": {"confidential_costs": "Looms 120k",
                                                                      "market": "Nordic"}})
        assert same.status_code == 200
        assert same.json()["answers"] == {"market": "Nordic", "confidential_costs": "Looms 120k"}


class TestChangingTheLead:
    async def test_the_admin_hands_the_lead_over_and_the_region_follows(self, client, session, world):
        response = await patch(client, world, "admin", {"lead_organisation_id": str(world.outsider_org.id)})
        assert response.status_code == 200
        assert (response.json()["lead"]["name"], response.json()["region_code"]) == ("Borås Weaving", "SE23")

    async def test_a_confirmed_partner_takes_over_the_lead_and_leaves_the_partners(self, client, session, world):
        response = await patch(client, world, "partner_member", {"lead_organisation_id": str(world.partner.id)})
        assert response.status_code == 200, response.text
        assert response.json()["region_code"] == "ES52"
        assert str(world.partner.id) not in [p["organisation"]["id"] for p in response.json()["partners"]]
        partners = (await session.scalars(select(ProposalPartner.organisation_id).where(
            ProposalPartner.proposal_id == world.proposal.id))).all()
        assert world.partner.id not in partners

    async def test_a_member_cannot_hand_it_to_an_organisation_they_do_not_belong_to(self, client, session, world):
        response = await patch(client, world, "lead_member", {"lead_organisation_id": str(world.outsider_org.id)})
        assert response.status_code == 403
        response = await patch(client, world, "admin", {"lead_organisation_id": str(world.invited.id)})
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "partner"
        assert (await stored(session, world)).region_code == "ITI1"
