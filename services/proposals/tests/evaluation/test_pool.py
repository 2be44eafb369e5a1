"""The evaluator pool: evaluators register themselves; the admin sees everyone's load and adjusts the pool."""

import uuid
from datetime import UTC, datetime

import pytest
from tex4im_common.identity import Role

from tests import factories

EVA = "evaluator-eva"


@pytest.fixture
def eva(identity_headers):
    return identity_headers(Role.evaluator, subject=EVA)


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


@pytest.fixture
async def mill(session):
    return await factories.organisation(session, region="PT11", name="Fiação Demo do Ave (PT11)")


class TestRegistering:
    async def test_an_evaluator_joins_the_pool_with_the_name_from_their_sign_in(self, client, eva, mill):
        response = await client.put("/evaluators/me", json={
            "organisation_id": str(mill.id), "expertise": ["circular_economy", "circular_economy"],
            "languages": ["PT", "en"], "max_load": 6,
        }, headers=eva)
        assert response.status_code == 201
        body = response.json()
        assert body["subject"] == EVA
        assert body["name"] == "Test User"
        assert body["organisation"] == {"id": str(mill.id), "name": "Fiação Demo do Ave (PT11)", "region_code": "PT11"}
        assert body["region_code"] == "PT11"  # where the organisation is, unless told otherwise
        assert (body["expertise"], body["languages"]) == (["circular_economy"], ["pt", "en"])
        assert (body["max_load"], body["active"], body["load"]) == (6, True, 0)

    async def test_sending_the_profile_again_updates_it(self, client, eva, mill):
        first = (await client.put("/evaluators/me", json={"organisation_id": str(mill.id)}, headers=eva)).json()
        response = await client.put("/evaluators/me", json={"name": "Eva Lindqvist", "region_code": "se23"},
                                    headers=eva)
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == first["id"]
        assert (body["name"], body["organisation"], body["region_code"]) == ("Eva Lindqvist", None, "SE23")
        assert (await client.get("/evaluators/me", headers=eva)).json() == body

    async def test_only_users_with_the_evaluator_role_may_register(self, client, identity_headers):
        member = identity_headers(Role.member, subject="member-x")
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-x")
        for headers in (member, manager):
            response = await client.put("/evaluators/me", json={}, headers=headers)
            assert response.status_code == 403
            assert response.json()["detail"] == "Only evaluators may register in the evaluator pool."
        assert (await client.put("/evaluators/me", json={})).status_code == 401

    async def test_the_organisation_must_be_in_the_registry(self, client, eva):
        unknown = uuid.uuid4()
        response = await client.put("/evaluators/me", json={"organisation_id": str(unknown)}, headers=eva)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.organisation_id"]

    async def test_unknown_priorities_languages_and_loads_are_named(self, client, eva):
        response = await client.put("/evaluators/me", json={
            "expertise": ["sustainability"], "languages": ["de"], "max_load": 0, "region_code": "Tuscany",
        }, headers=eva)
        assert response.status_code == 422
        assert sorted(e["field"] for e in response.json()["errors"]) == [
            "body.expertise.0", "body.languages.0", "body.max_load", "body.region_code",
        ]

    async def test_my_profile_is_not_found_until_i_register(self, client, eva):
        response = await client.get("/evaluators/me", headers=eva)
        assert response.status_code == 404
        assert response.json()["detail"] == "You have not registered as an evaluator yet: PUT /evaluators/me."

    async def test_updating_my_profile_does_not_reactivate_me(self, client, session, eva):
        await factories.evaluator(session, subject=EVA, active=False)
        body = (await client.put("/evaluators/me", json={"max_load": 3}, headers=eva)).json()
        assert (body["active"], body["max_load"]) == (False, 3)


class TestTheAdminsView:
    async def test_admin_sees_every_evaluator_with_their_current_load(self, client, session, admin):
        lead = await factories.organisation(session, region="ITI1")
        open_call = await factories.call(session)
        released = await factories.call(session, decisions_released_at=datetime.now(UTC))
        busy = await factories.evaluator(session, name="Bruno Costa")
        idle = await factories.evaluator(session, name="Ana Silva")
        for status in ("assigned", "submitted", "withdrawn"):
            proposal = await factories.proposal(session, call=open_call, lead=lead, stage="evaluation")
            await factories.assignment(session, proposal=proposal, evaluator=busy, status=status)
        past = await factories.proposal(session, call=released, lead=lead, stage="portfolio")
        await factories.assignment(session, proposal=past, evaluator=busy, status="submitted")
        response = await client.get("/evaluators", headers=admin)
        assert response.status_code == 200
        items = response.json()["items"]
        assert [(e["name"], e["load"]) for e in items] == [("Ana Silva", 0), ("Bruno Costa", 2)]
        assert items[0]["id"] == str(idle.id)

    async def test_the_list_can_show_only_inactive_evaluators_and_pages(self, client, session, admin):
        await factories.evaluator(session, name="A active")
        retired = await factories.evaluator(session, name="B retired", active=False)
        await factories.evaluator(session, name="C active")
        inactive = (await client.get("/evaluators", params={"active": "false"}, headers=admin)).json()
        assert [e["id"] for e in inactive["items"]] == [str(retired.id)]
        first = (await client.get("/evaluators", params={"limit": 2}, headers=admin)).json()
        second = (await client.get("/evaluators", params={"limit": 2, "cursor": first["next_cursor"]},
                                   headers=admin)).json()
        assert [e["name"] for e in first["items"] + second["items"]] == ["A active", "B retired", "C active"]
        assert second["next_cursor"] is None

    async def test_only_the_admin_lists_the_pool(self, client, eva, identity_headers):
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-x")
        for headers in (eva, manager):
            assert (await client.get("/evaluators", headers=headers)).status_code == 403

    async def test_admin_deactivates_and_limits_an_evaluator(self, client, session, admin):
        evaluator = await factories.evaluator(session, expertise=["creativity"])
        response = await client.patch(f"/evaluators/{evaluator.id}", json={"active": False, "max_load": 4,
                                                                           "languages": ["fr"]}, headers=admin)
        assert response.status_code == 200
        body = response.json()
        assert (body["active"], body["max_load"], body["languages"], body["expertise"]) == (
            False, 4, ["fr"], ["creativity"],
        )
        lifted = (await client.patch(f"/evaluators/{evaluator.id}", json={"max_load": None}, headers=admin)).json()
        assert lifted["max_load"] is None

    async def test_admin_changes_are_checked(self, client, session, admin, eva):
        evaluator = await factories.evaluator(session)
        response = await client.patch(f"/evaluators/{evaluator.id}", json={"expertise": None}, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.expertise"
        assert (await client.patch(f"/evaluators/{uuid.uuid4()}", json={}, headers=admin)).status_code == 404
        assert (await client.patch(f"/evaluators/{evaluator.id}", json={"active": True},
                                   headers=eva)).status_code == 403
