import pytest
from proposals.vocab import PartnerStatus
from tests.proposal.scenario import build_world

from tests import factories


async def unmet_for_submit(client, world, person="lead_member"):
    response = await client.get(f"/proposals/{world.proposal.id}/transitions", headers=world.people[person])
    assert response.status_code == 200
    [submit] = [t for t in response.json()["transitions"] if t["key"] == "submit"]
    return submit["unmet"]


async def submit(client, world):
    return await client.post(f"/proposals/{world.proposal.id}/transitions", json={"transition": "submit"},
                             headers=world.people["lead_member"])


class TestWhatSubmissionNeeds:
    async def test_a_complete_proposal_meets_it(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        assert await unmet_for_submit(client, world) == []

    @pytest.mark.parametrize(("field", "value"), [
        ("title", ""), ("summary", ""), ("priorities", []), ("trl", None), ("budget_eur", None),
        ("requested_eur", None),
    ])
    async def test_each_standard_field_is_required(self, client, session, identity_headers, field, value):
        world = await build_world(session, identity_headers)
        setattr(world.proposal, field, value)
        await session.flush()
        expected = [{"field": field, "message": "required for submission", "code": "required"}]
        assert await unmet_for_submit(client, world) == expected
        response = await submit(client, world)
        assert response.status_code == 409
        assert response.json()["errors"] == expected

    async def test_the_calls_required_questions_must_be_answered(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        world.proposal.answers = {"market": "", "confidential_costs": "Looms 120k"}
        await session.flush()
        assert await unmet_for_submit(client, world) == [
            {"field": "answers.market", "message": "“Target market” must be answered", "code": "required"}]

    async def test_partners_from_enough_regions_must_have_confirmed(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, min_partner_regions=3)
        # Valencia confirmed, Norte only invited: ITI1 and ES52 are two regions
        assert await unmet_for_submit(client, world) == [{
            "field": "partners", "code": "too_few_regions",
            "message": "the lead and confirmed partners must come from at least 3 regions (now 2: ES52, ITI1)",
        }]
        neighbour = await factories.organisation(session, region="ITI1")
        await factories.proposal_partner(session, proposal=world.proposal, organisation=neighbour,
                                         status=PartnerStatus.confirmed)
        assert len(await unmet_for_submit(client, world)) == 1  # a second Toscana partner adds no region
        await client.post(f"/proposals/{world.proposal.id}/partners/{world.invited.id}/answer", json={"accept": True},
                          headers=world.people["invited_member"])
        assert await unmet_for_submit(client, world) == []

    async def test_the_submission_phase_must_be_open(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, submission_open=False)
        [problem] = await unmet_for_submit(client, world)
        assert (problem["field"], problem["code"]) == ("call.submission_phase", "submission_closed")
        assert problem["message"].startswith("submissions are not open: it closed ")

    async def test_every_missing_item_is_listed_at_once_and_nothing_is_written(
        self, client, session, identity_headers
    ):
        world = await build_world(session, identity_headers, submission_open=False, min_partner_regions=4)
        world.proposal.trl, world.proposal.answers = None, {}
        await session.flush()
        response = await submit(client, world)
        assert response.status_code == 409
        assert [e["field"] for e in response.json()["errors"]] == [
            "trl", "answers.market", "partners", "call.submission_phase"]
        assert (await client.get(f"/proposals/{world.proposal.id}", headers=world.people["lead_member"])
                ).json()["submitted_version"] == 0
