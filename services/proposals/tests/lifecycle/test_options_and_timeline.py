from tests.proposal.scenario import build_world
from tex4im_common.identity import Role

from tests import factories


class TestTheStepsOnOffer:
    async def test_the_authors_see_their_steps_allowed_and_the_managers_not(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        url = f"/proposals/{world.proposal.id}/transitions"
        authors = (await client.get(url, headers=world.people["lead_member"])).json()
        assert authors == {"stage": {"key": "draft", "label": "Draft"}, "transitions": [
            {"key": "submit", "label": "Submit", "to_stage": {"key": "submitted", "label": "Submitted"},
             "allowed": True, "comment_required": False, "guard": "submission_ready", "unmet": []},
            {"key": "withdraw_draft", "label": "Withdraw", "to_stage": {"key": "withdrawn", "label": "Withdrawn"},
             "allowed": True, "comment_required": True, "guard": None, "unmet": []},
        ]}
        manager = (await client.get(url, headers=world.people["lead_manager"])).json()
        assert [(t["key"], t["allowed"]) for t in manager["transitions"]] == [
            ("submit", False), ("withdraw_draft", False)]

    async def test_in_evaluation_the_panels_steps_say_how_they_are_taken(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="evaluation")
        options = (await client.get(f"/proposals/{world.proposal.id}/transitions", headers=world.people["admin"])
                   ).json()["transitions"]
        assert [(t["key"], t["allowed"], [e["code"] for e in t["unmet"]]) for t in options] == [
            ("select_for_portfolio", True, ["decision_release_only"]),
            ("reject_after_evaluation", True, ["decision_release_only"]),
            ("withdraw_in_evaluation", True, []),
        ]

    async def test_screening_steps_wait_for_the_decision(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="screening")
        url = f"/proposals/{world.proposal.id}/transitions"
        before = {t["key"]: t["unmet"] for t in (await client.get(url, headers=world.people["lead_manager"])
                                                 ).json()["transitions"]}
        assert before["admit_to_evaluation"][0]["code"] == "not_screened"
        await factories.screening_decision(session, proposal=world.proposal, eligible=True)
        after = {t["key"]: t["unmet"] for t in (await client.get(url, headers=world.people["lead_manager"])
                                                ).json()["transitions"]}
        assert after["admit_to_evaluation"] == []
        assert after["reject_ineligible"][0]["message"] == "the screening decided: eligible"

    async def test_hidden_proposals_have_no_steps(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        response = await client.get(f"/proposals/{world.proposal.id}/transitions", headers=world.people["outsider"])
        assert response.status_code == 404


class TestTimeline:
    async def test_the_history_reads_oldest_first(self, client, session, identity_headers):
        call = await factories.call(session)
        lead = await factories.organisation(session, region="ITI1")
        partner = await factories.organisation(session, region="ES52")
        author = identity_headers(Role.member, region="ITI1", organisation_id=lead.id, subject="author")
        partner_member = identity_headers(Role.member, region="ES52", organisation_id=partner.id, subject="partner")
        created = (await client.post("/proposals", json={
            "call_id": str(call.id), "title": "Wool loop", "summary": "Closed-loop wool.",
            "priorities": ["circular_economy"], "trl": 4, "budget_eur": "100000", "requested_eur": "50000",
            "lead_organisation_id": str(lead.id), "answers": {"market": "EU"},
        }, headers=author)).json()
        base = f"/proposals/{created['id']}"
        await client.post(f"{base}/partners", json={"organisation_id": str(partner.id)}, headers=author)
        await client.post(f"{base}/partners/{partner.id}/answer", json={"accept": True}, headers=partner_member)
        submitted = await client.post(f"{base}/transitions", json={"transition": "submit"}, headers=author)
        assert submitted.status_code == 200, submitted.text
        page = (await client.get(f"{base}/timeline", headers=partner_member)).json()
        assert [(e["kind"], e["details"].get("action"), e["to_stage"]) for e in page["items"]] == [
            ("created", None, "draft"), ("partner", "invited", None), ("partner", "confirmed", None),
            ("version", None, None), ("transition", None, "submitted"),
        ]
        assert page["next_cursor"] is None
        first = (await client.get(f"{base}/timeline", params={"limit": 2}, headers=author)).json()
        rest = (await client.get(f"{base}/timeline", params={"cursor": first["next_cursor"]}, headers=author)).json()
        assert [e["id"] for e in first["items"] + rest["items"]] == [e["id"] for e in page["items"]]

    async def test_hidden_proposals_have_no_history(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        response = await client.get(f"/proposals/{world.proposal.id}/timeline", headers=world.people["outsider"])
        assert response.status_code == 404
