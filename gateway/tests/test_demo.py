import uuid

from gateway.demo import DEMO_PASSWORD, demo_account_id, demo_member_organisation_id, load_demo_accounts

NORTE_MEMBER_ORGANISATION = "b6ad41ac-608f-565e-8fd4-679d030ae4b9"
EVALUATOR_SUBJECT = str(demo_account_id("evaluator@demo.tex4im.eu"))


class TestDemoMemberOrganisation:
    def test_the_norte_member_organisation_id_is_the_intelligence_demo_company(self):
        # services/intelligence/tests/demo/test_ids.py asserts the same literal: the two sides must not drift apart
        assert demo_member_organisation_id("PT11") == uuid.UUID(NORTE_MEMBER_ORGANISATION)


class TestDemoAccountIds:
    def test_the_evaluator_subject_is_stable(self):
        # services/proposals/tests/demo asserts the same literal: its demo evaluators are these accounts
        assert EVALUATOR_SUBJECT == "9e7eb106-fcc7-5494-bcfd-6a8f4731ba83"


class TestLoadDemoAccounts:
    async def test_a_member_signs_in_acting_for_the_regions_demo_company(self, session, client):
        created, accounts = await load_demo_accounts(session)
        await session.commit()
        assert created == len(accounts) == 23
        response = await client.post("/api/auth/login",
                                     json={"email": "member.pt11@demo.tex4im.eu", "password": DEMO_PASSWORD})
        assert response.status_code == 200, response.text
        assert response.json()["memberships"] == [
            {"role": "member", "region": "PT11", "organisation_id": NORTE_MEMBER_ORGANISATION}
        ]

    async def test_managers_act_for_their_region_not_an_organisation(self, session, client):
        await load_demo_accounts(session)
        await session.commit()
        response = await client.post("/api/auth/login",
                                     json={"email": "manager.pt11@demo.tex4im.eu", "password": DEMO_PASSWORD})
        assert response.json()["memberships"] == [
            {"role": "cluster_manager", "region": "PT11", "organisation_id": None}
        ]

    async def test_loading_again_creates_no_account(self, session):
        await load_demo_accounts(session)
        await session.flush()
        created, accounts = await load_demo_accounts(session)
        assert (created, len(accounts)) == (0, 23)
