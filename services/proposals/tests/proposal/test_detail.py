import uuid

import pytest
from tests.proposal.scenario import build_world

PRIVATE = "confidential_costs"


class TestReadingOneProposal:
    async def test_a_co_author_reads_everything_with_an_etag(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        response = await client.get(f"/proposals/{world.proposal.id}", headers=world.people["lead_member"])
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        detail = response.json()
        assert detail["reference"] == "TST-ITI1-001"
        assert detail["call"] == {"id": str(world.call.id), "code": world.call.code, "title": "Test call"}
        assert detail["answers"] == {"market": "EU outdoor apparel", PRIVATE: "Looms 120k"}
        assert detail["lead"] == {"id": str(world.lead.id), "name": "Lanificio Rossi", "region_code": "ITI1",
                                  "kind": "company", "country_code": "IT", "city": None, "deleted": False}
        assert [(p["organisation"]["name"], p["status"], p["region_code"]) for p in detail["partners"]] == [
            ("Fiação do Ave", "invited", "PT11"), ("Textil Liberec", "declined", "CZ05"),
            ("Tintes Valencia", "confirmed", "ES52"),  # invited at the same moment: by name
        ]
        assert detail["permissions"] == {"can_edit": True, "can_manage_partners": True, "can_answer_invitation": [],
                                         "transitions": ["submit", "withdraw_draft"]}

    async def test_invited_partner_reads_it_to_decide_but_not_the_private_answers(
        self, client, session, identity_headers
    ):
        world = await build_world(session, identity_headers)
        detail = (await client.get(f"/proposals/{world.proposal.id}", headers=world.people["invited_member"])).json()
        assert detail["answers"] == {"market": "EU outdoor apparel"}
        assert detail["permissions"] == {"can_edit": False, "can_manage_partners": False,
                                         "can_answer_invitation": [str(world.invited.id)], "transitions": []}

    @pytest.mark.parametrize(("person", "stage", "private_shown"), [
        ("creator", "draft", True), ("lead_member", "submitted", True), ("lead_manager", "draft", True),
        ("admin", "draft", True), ("evaluator", "evaluation", True), ("partner_member", "draft", False),
        ("invited_member", "submitted", False), ("partner_manager", "submitted", False),
        ("invited_partner_manager", "screening", False),
    ])
    async def test_private_answers_are_shown_only_to_the_lead_side_managers_admin_and_evaluators(
        self, client, session, identity_headers, person, stage, private_shown
    ):
        world = await build_world(session, identity_headers, stage=stage)
        response = await client.get(f"/proposals/{world.proposal.id}", headers=world.people[person])
        assert response.status_code == 200
        assert (PRIVATE in response.json()["answers"]) is private_shown
        assert response.json()["answers"]["market"] == "EU outdoor apparel"

    @pytest.mark.parametrize(("person", "transitions"), [
        ("lead_manager", ["start_screening"]), ("admin", ["start_screening", "withdraw_submitted"]),
        ("partner_member", ["withdraw_submitted"]), ("partner_manager", []), ("evaluator", []),
    ])
    async def test_the_permissions_say_which_steps_the_caller_may_take(
        self, client, session, identity_headers, person, transitions
    ):
        world = await build_world(session, identity_headers, stage="submitted")
        detail = (await client.get(f"/proposals/{world.proposal.id}", headers=world.people[person])).json()
        assert detail["permissions"]["transitions"] == transitions
        assert detail["permissions"]["can_edit"] is False

    @pytest.mark.parametrize("person", [
        "declined_member", "partner_manager", "declined_partner_manager", "other_manager", "evaluator",
        "withdrawn_evaluator", "outsider",
    ])
    async def test_a_draft_does_not_exist_for_anyone_else(self, client, session, identity_headers, person):
        world = await build_world(session, identity_headers)
        response = await client.get(f"/proposals/{world.proposal.id}", headers=world.people[person])
        assert response.status_code == 404
        assert response.json()["detail"] == f"There is no proposal {world.proposal.id} that you may see."

    async def test_an_unknown_proposal_is_404_and_a_visitor_must_sign_in(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        assert (await client.get(f"/proposals/{uuid.uuid4()}", headers=world.people["admin"])).status_code == 404
        assert (await client.get(f"/proposals/{world.proposal.id}")).status_code == 401
