import uuid

from tests.search.builders import add, days_from_today, opportunity, organisation
from tex4im_common.identity import Role


async def company_and_opportunities(session):
    company = organisation(
        name="Fiação do Ave", region_code="PT11", country_code="PT",
        priorities=["circular_economy", "advanced_materials"], nace_codes=["C13.20"], value_chain=["fabric"],
        capabilities=["recycled cotton weaving", "denim finishing"],
    )
    await add(session, company)
    shared = {"priorities": ["circular_economy"], "region_codes": ["PT11"]}
    await add(
        session,
        opportunity(
            title="Recycled denim fabrics wanted", summary="Looking for a weaving mill with recycled cotton.",
            kind="technology_request", priorities=["circular_economy", "advanced_materials"], nace_codes=["C13.30"],
            value_chain=["fabric"], region_codes=["PT11", "ITI1"], country_codes=["PT", "IT"],
            deadline=days_from_today(45),
        ),
        opportunity(
            title="Smart finishing line", summary="A Prato finisher seeks partners.", kind="business_cooperation",
            priorities=["circular_economy", "industry_4_0"], value_chain=["finishing"], region_codes=["ITI1"],
            country_codes=["IT"], deadline=days_from_today(3),
        ),
        opportunity(
            title="Regional garment fair", summary="Stands for designers.", kind="event", priorities=["creativity"],
            nace_codes=["N82.30"], value_chain=["retail"], region_codes=["PT11"], country_codes=["PT"],
        ),
        opportunity(title="Closed call", status="closed", **shared),
        opportunity(title="Past its deadline", deadline=days_from_today(-1), **shared),
        opportunity(title="Members only", visibility="consortium", **shared),
        opportunity(title="Its own offer", organisation_id=company.id, **shared),
        opportunity(title="Unrelated", region_codes=["ES52"], priorities=["creativity"]),
    )
    return company


class TestMatchingOpportunities:
    async def test_three_opportunities_rank_by_fit_with_exact_reasons(self, client, session):
        company = await company_and_opportunities(session)
        response = await client.get(f"/organisations/{company.id}/matching-opportunities")
        assert response.status_code == 200
        body = response.json()
        assert body["organisation"] == {"id": str(company.id), "name": "Fiação do Ave"}
        assert body["candidates"] == 3
        assert [(i["opportunity"]["title"], i["score"]) for i in body["items"]] == [
            ("Recycled denim fabrics wanted", 90), ("Smart finishing line", 21), ("Regional garment fair", 12),
        ]
        best, second, third = body["items"]
        assert [(r["code"], r["params"], r["points"]) for r in best["reasons"]] == [
            ("shared_priorities", {"priorities": ["advanced_materials", "circular_economy"]}, 20),
            ("nace_division", {"divisions": ["C13"]}, 20),
            ("value_chain_same", {"steps": ["fabric"]}, 15),
            ("same_region", {"region": "PT11"}, 12),
            ("interregional", {"regions": ["ITI1"]}, 8),
            ("deadline_open", {"days_left": 45, "deadline": days_from_today(45).isoformat()}, 5),
            ("keyword_overlap", {"keywords": ["cotton", "denim", "recycled", "weaving"]}, 10),
        ]
        assert best["reasons"][-1]["text"] == "Matches your capabilities: cotton, denim, recycled, weaving."
        assert best["mismatches"] == []
        assert [(m["code"], m["text"]) for m in second["mismatches"]] == [
            ("deadline_soon", "The deadline is in 3 days.")
        ]
        assert [m["code"] for m in third["mismatches"]] == ["no_shared_priority", "nace_mismatch",
                                                            "value_chain_distant"]

    async def test_members_also_get_consortium_opportunities(self, client, session, identity_headers):
        company = await company_and_opportunities(session)
        body = (await client.get(f"/organisations/{company.id}/matching-opportunities",
                                 headers=identity_headers(Role.member, region="PT11"))).json()
        assert body["candidates"] == 4
        assert "Members only" in [i["opportunity"]["title"] for i in body["items"]]

    async def test_the_limit_keeps_the_best(self, client, session):
        company = await company_and_opportunities(session)
        body = (await client.get(f"/organisations/{company.id}/matching-opportunities", params={"limit": 1})).json()
        assert [i["opportunity"]["title"] for i in body["items"]] == ["Recycled denim fabrics wanted"]
        response = await client.get(f"/organisations/{company.id}/matching-opportunities", params={"limit": 101})
        assert response.status_code == 422

    async def test_an_organisation_the_caller_may_not_see_is_not_found(self, client, session):
        hidden = organisation(name="Hidden", visibility="consortium", priorities=["creativity"])
        await add(session, hidden)
        for organisation_id in (hidden.id, uuid.uuid4()):
            response = await client.get(f"/organisations/{organisation_id}/matching-opportunities")
            assert response.status_code == 404
            assert response.json()["detail"] == f"There is no organisation {organisation_id} that you may see."

    async def test_a_merged_organisation_points_to_the_one_it_became(self, client, session):
        company = await company_and_opportunities(session)
        old = organisation(name="Fiação do Ave (old)", merged_into_id=company.id)
        await add(session, old)
        response = await client.get(f"/organisations/{old.id}/matching-opportunities")
        assert response.status_code == 409
        assert response.json()["merged_into_id"] == str(company.id)


class TestMyMatchingOpportunities:
    async def test_a_member_gets_the_matches_of_their_organisation(self, client, session, identity_headers):
        company = await company_and_opportunities(session)
        headers = identity_headers(Role.member, region="PT11", organisation_id=company.id)
        body = (await client.get("/me/matching-opportunities", headers=headers)).json()
        assert body["organisation"]["id"] == str(company.id)
        assert body["items"][0]["opportunity"]["title"] == "Recycled denim fabrics wanted"

    async def test_without_an_organisation_it_is_a_clear_404_problem(self, client, identity_headers):
        response = await client.get("/me/matching-opportunities", headers=identity_headers(Role.cluster_manager,
                                                                                            region="PT11"))
        assert response.status_code == 404
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:no-own-organisation"
        assert problem["detail"] == (
            "Your account is not linked to an organisation; ask your cluster manager to add you to one."
        )

    async def test_anonymous_visitors_must_sign_in(self, client):
        response = await client.get("/me/matching-opportunities")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
