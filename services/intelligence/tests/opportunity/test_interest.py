from intelligence.opportunity.models import OpportunityInterest
from sqlalchemy import func, select
from tex4im_common.identity import Identity, Role


async def interests_in(session, opportunity_id):
    statement = select(func.count()).where(OpportunityInterest.opportunity_id == opportunity_id)
    return await session.scalar(statement)


class TestExpressInterest:
    async def test_member_expresses_interest_with_their_organisation_and_region(
        self, client, session, publish, member, organisation
    ):
        created = await publish()
        response = await client.put(f"/opportunities/{created['id']}/interest",
                                    json={"message": "We spin GRS yarn in Guimarães."}, headers=member)
        assert response.status_code == 200
        mine = response.json()
        assert {k: mine[k] for k in ("opportunity_id", "title", "kind", "deadline", "status", "message")} == {
            "opportunity_id": created["id"], "title": "Supplier of recycled polyester yarn wanted",
            "kind": "technology_request", "deadline": "2030-06-30", "status": "open",
            "message": "We spin GRS yarn in Guimarães.",
        }
        row = (await session.scalars(select(OpportunityInterest))).one()
        assert (row.subject, row.person_name, row.organisation_id, row.region_code) == (
            "member-ana", "Test User", organisation.id, "PT11",
        )

    async def test_expressing_again_updates_the_message_in_the_one_row(self, client, session, publish, member):
        created = await publish()
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "first"}, headers=member)
        again = await client.put(f"/opportunities/{created['id']}/interest", json={"message": "second"},
                                 headers=member)
        assert again.status_code == 200
        assert again.json()["message"] == "second"
        assert await interests_in(session, created["id"]) == 1
        detail = (await client.get(f"/opportunities/{created['id']}", headers=member)).json()
        assert detail["interest"]["expressed"] is True
        assert detail["interest"]["message"] == "second"
        assert detail["interest_count"] is None  # a member does not see how many, nor who

    async def test_interest_in_a_closed_opportunity_is_409(self, client, publish, norte_manager, member):
        created = await publish()
        await client.patch(f"/opportunities/{created['id']}", json={"status": "closed"}, headers=norte_manager)
        response = await client.put(f"/opportunities/{created['id']}/interest", json={}, headers=member)
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:opportunity-not-open"

    async def test_interest_in_a_draft_its_manager_sees_is_409(self, client, publish, norte_manager):
        draft = await publish(status="draft")
        response = await client.put(f"/opportunities/{draft['id']}/interest", json={}, headers=norte_manager)
        assert response.status_code == 409

    async def test_a_draft_a_member_cannot_see_is_404(self, client, publish, member):
        draft = await publish(status="draft")
        assert (await client.put(f"/opportunities/{draft['id']}/interest", json={}, headers=member)).status_code == 404

    async def test_visitors_and_users_outside_the_partnership_cannot(self, client, publish, identity_signer):
        created = await publish()
        assert (await client.put(f"/opportunities/{created['id']}/interest", json={})).status_code == 401
        outsider = identity_signer.sign(Identity(subject="outsider"), audience="intelligence")
        response = await client.put(f"/opportunities/{created['id']}/interest", json={},
                                    headers={"Authorization": f"Bearer {outsider}"})
        assert response.status_code == 403

    async def test_an_unknown_organisation_in_the_membership_is_not_stored(
        self, client, session, publish, identity_headers
    ):
        created = await publish()
        headers = identity_headers(Role.member, region="ES52", subject="member-carla",
                                   organisation_id="00000000-0000-4000-8000-00000000dead")
        response = await client.put(f"/opportunities/{created['id']}/interest", json={}, headers=headers)
        assert response.status_code == 200
        row = (await session.scalars(select(OpportunityInterest))).one()
        assert (row.organisation_id, row.region_code) == (None, "ES52")


class TestWithdrawInterest:
    async def test_withdrawing_removes_the_row_and_a_second_withdrawal_changes_nothing(
        self, client, session, publish, member, events_of
    ):
        created = await publish()
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "hello"}, headers=member)
        assert (await client.delete(f"/opportunities/{created['id']}/interest", headers=member)).status_code == 204
        assert (await client.delete(f"/opportunities/{created['id']}/interest", headers=member)).status_code == 204
        assert await interests_in(session, created["id"]) == 0
        assert [k for k, _ in await events_of(created["id"])] == [
            "opportunity.published", "opportunity.interest_expressed", "opportunity.interest_withdrawn",
        ]


class TestInterestEvents:
    async def test_events_hold_the_opportunity_and_the_count_only(
        self, client, publish, member, other_member, events_of
    ):
        created = await publish()
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "a"}, headers=member)
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "b"}, headers=member)
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "c"}, headers=other_member)
        await client.delete(f"/opportunities/{created['id']}/interest", headers=member)
        interest_events = [(k, p) for k, p in await events_of(created["id"]) if "interest" in k]
        assert interest_events == [
            ("opportunity.interest_expressed", {"opportunity_id": created["id"], "interest_count": 1}),
            ("opportunity.interest_expressed", {"opportunity_id": created["id"], "interest_count": 2}),
            ("opportunity.interest_withdrawn", {"opportunity_id": created["id"], "interest_count": 1}),
        ]


class TestWhoIsInterested:
    async def test_norte_manager_sees_who_is_interested_in_a_norte_opportunity(
        self, client, publish, member, other_member, norte_manager, organisation
    ):
        created = await publish()
        await client.put(f"/opportunities/{created['id']}/interest", json={"message": "We can supply."},
                         headers=member)
        await client.put(f"/opportunities/{created['id']}/interest", json={}, headers=other_member)
        response = await client.get(f"/opportunities/{created['id']}/interests", headers=norte_manager)
        assert response.status_code == 200
        people = sorted(response.json()["items"], key=lambda p: p["region_code"])
        assert [{k: v for k, v in p.items() if k != "expressed_at"} for p in people] == [
            {"person_name": "Test User", "organisation_id": None, "organisation_name": None, "region_code": "ES52",
             "message": None},
            {"person_name": "Test User", "organisation_id": str(organisation.id),
             "organisation_name": "Fiação Demo do Ave, Lda. (demo)", "region_code": "PT11",
             "message": "We can supply."},
        ]
        detail = (await client.get(f"/opportunities/{created['id']}", headers=norte_manager)).json()
        assert detail["interest_count"] == 2

    async def test_toscana_manager_and_a_member_get_403(self, client, publish, member, toscana_manager):
        created = await publish()
        await client.put(f"/opportunities/{created['id']}/interest", json={}, headers=member)
        for headers in (toscana_manager, member):
            response = await client.get(f"/opportunities/{created['id']}/interests", headers=headers)
            assert response.status_code == 403
            assert response.json()["type"] == "urn:tex4im:problem:forbidden"

    async def test_a_manager_of_a_region_it_concerns_and_the_admin_see_them(
        self, client, publish, toscana_manager, admin
    ):
        created = await publish(region_codes=["PT11", "ITI1"])
        for headers in (toscana_manager, admin):
            assert (await client.get(f"/opportunities/{created['id']}/interests", headers=headers)).status_code == 200

    async def test_a_visitor_is_told_to_sign_in(self, client, publish):
        created = await publish()
        assert (await client.get(f"/opportunities/{created['id']}/interests")).status_code == 401


class TestMyInterests:
    async def test_lists_the_callers_own_interests_only(self, client, publish, member, other_member):
        first = await publish(title="First", deadline="2030-02-01")
        second = await publish(title="Second", deadline="2030-03-01")
        await client.put(f"/opportunities/{first['id']}/interest", json={"message": "mine"}, headers=member)
        await client.put(f"/opportunities/{second['id']}/interest", json={}, headers=other_member)
        items = (await client.get("/me/interests", headers=member)).json()["items"]
        assert [{k: v for k, v in i.items() if k != "expressed_at"} for i in items] == [{
            "opportunity_id": first["id"], "title": "First", "kind": "technology_request", "deadline": "2030-02-01",
            "status": "open", "message": "mine",
        }]

    async def test_needs_a_signed_in_user(self, client):
        assert (await client.get("/me/interests")).status_code == 401
