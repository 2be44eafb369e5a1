from tests.search.builders import add, days_from_today, opportunity
from tex4im_common.identity import Role


def facet(body, name):
    return [(f["value"], f["count"]) for f in body["facets"][name]]


async def constructed_data_set(session):
    """Five open public opportunities, one consortium-only, one closed, one draft."""
    await add(
        session,
        opportunity(title="A", region_codes=["PT11"], country_codes=["PT"], kind="business_cooperation",
                    priorities=["circular_economy", "advanced_materials"], nace_codes=["C13.20"],
                    deadline=days_from_today(10)),
        opportunity(title="B", region_codes=["PT11", "ITI1"], country_codes=["PT", "IT"], kind="technology_request",
                    priorities=["circular_economy"], nace_codes=["C13.92", "C14.1"], deadline=days_from_today(60)),
        opportunity(title="C", region_codes=["ITI1"], country_codes=["IT"], kind="funding_call",
                    priorities=["digital_technologies"], nace_codes=["C14.13"], deadline=days_from_today(200)),
        opportunity(title="D", region_codes=["ES52"], country_codes=["ES"], kind="business_cooperation",
                    priorities=["creativity"]),
        opportunity(title="E", region_codes=["ITI1"], country_codes=["IT"], kind="tender",
                    priorities=["circular_economy"], nace_codes=["C13"], deadline=days_from_today(-5)),
        opportunity(title="F", region_codes=["PT11"], country_codes=["PT"], kind="tender", visibility="consortium",
                    priorities=["industry_4_0"], nace_codes=["C13.10"], deadline=days_from_today(5)),
        opportunity(title="G", region_codes=["PT11"], country_codes=["PT"], kind="event", status="closed",
                    priorities=["circular_economy"], deadline=days_from_today(-30)),
        opportunity(title="H", region_codes=["PT11"], country_codes=["PT"], kind="rnd", status="draft",
                    owner_region_code="PT11", priorities=["creativity"]),
    )


class TestFacetCounts:
    async def test_anonymous_counts_every_facet_exactly(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities")).json()
        assert body["total"] == 5
        assert facet(body, "region") == [("ITI1", 3), ("PT11", 2), ("ES52", 1)]
        assert facet(body, "country") == [("IT", 3), ("PT", 2), ("ES", 1)]
        assert facet(body, "kind") == [
            ("business_cooperation", 2), ("funding_call", 1), ("technology_request", 1), ("tender", 1)
        ]
        assert facet(body, "priority") == [
            ("circular_economy", 3), ("advanced_materials", 1), ("creativity", 1), ("digital_technologies", 1)
        ]
        assert facet(body, "nace") == [("C13", 3), ("C14", 2)]
        assert facet(body, "status") == [("open", 5), ("closed", 1)]
        assert facet(body, "deadline") == [
            ("later", 1), ("next_30_days", 1), ("next_90_days", 1), ("none", 1), ("overdue", 1)
        ]

    async def test_picking_a_region_still_counts_the_other_regions(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"region": "PT11"})).json()
        assert body["total"] == 2
        assert sorted(i["title"] for i in body["items"]) == ["A", "B"]
        assert facet(body, "region") == [("ITI1", 3), ("PT11", 2), ("ES52", 1)]
        assert facet(body, "kind") == [("business_cooperation", 1), ("technology_request", 1)]
        assert facet(body, "priority") == [("circular_economy", 2), ("advanced_materials", 1)]
        assert facet(body, "status") == [("open", 2), ("closed", 1)]

    async def test_each_facet_applies_every_other_active_filter(self, client, session):
        await constructed_data_set(session)
        params = {"region": "PT11", "kind": "technology_request"}
        body = (await client.get("/search/opportunities", params=params)).json()
        assert [i["title"] for i in body["items"]] == ["B"]
        assert facet(body, "region") == [("ITI1", 1), ("PT11", 1)]
        assert facet(body, "kind") == [("business_cooperation", 1), ("technology_request", 1)]
        assert facet(body, "country") == [("IT", 1), ("PT", 1)]

    async def test_values_of_one_filter_are_alternatives(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"region": ["PT11", "ES52"]})).json()
        assert sorted(i["title"] for i in body["items"]) == ["A", "B", "D"]
        assert body["total"] == 3


class TestVisibility:
    async def test_a_consortium_only_record_is_never_counted_for_anonymous_visitors(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"q": "F", "region": "PT11"})).json()
        assert body["total"] == 0
        assert body["items"] == []
        body = (await client.get("/search/opportunities", params={"priority": "industry_4_0"})).json()
        assert body["total"] == 0
        assert all(v != "industry_4_0" for v, _ in facet(body, "priority"))
        body = (await client.get("/search/opportunities")).json()
        assert ("tender", 1) in facet(body, "kind")

    async def test_partnership_members_find_consortium_records(self, client, session, identity_headers):
        await constructed_data_set(session)
        headers = identity_headers(Role.member, region="ES52")
        body = (await client.get("/search/opportunities", headers=headers)).json()
        assert body["total"] == 6
        assert facet(body, "region") == [("ITI1", 3), ("PT11", 3), ("ES52", 1)]
        assert ("industry_4_0", 1) in facet(body, "priority")
        assert {i["title"]: i["visibility"] for i in body["items"]}["F"] == "consortium"

    async def test_drafts_are_found_only_by_their_regions_managers_and_the_admin(
        self, client, session, identity_headers
    ):
        await constructed_data_set(session)
        params = {"status": "draft"}
        own = identity_headers(Role.cluster_manager, region="PT11")
        other = identity_headers(Role.cluster_manager, region="ITI1")
        admin = identity_headers(Role.consortium_admin)
        assert [i["title"] for i in (await client.get("/search/opportunities", params=params, headers=own)).json()[
            "items"]] == ["H"]
        assert (await client.get("/search/opportunities", params=params, headers=admin)).json()["total"] == 1
        assert (await client.get("/search/opportunities", params=params, headers=other)).json()["total"] == 0
        anonymous = (await client.get("/search/opportunities", params=params)).json()
        assert anonymous["total"] == 0
        assert [v for v, _ in facet(anonymous, "status")] == ["open", "closed"]


class TestNacePrefix:
    async def test_a_division_matches_its_groups_and_classes(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"nace": "C13"})).json()
        assert sorted(i["title"] for i in body["items"]) == ["A", "B", "E"]

    async def test_a_group_matches_its_classes_only(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"nace": "C13.2"})).json()
        assert [i["title"] for i in body["items"]] == ["A"]
        body = (await client.get("/search/opportunities", params={"nace": "C14.1"})).json()
        assert sorted(i["title"] for i in body["items"]) == ["B", "C"]

    async def test_a_class_matches_itself(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"nace": "c13.92"})).json()
        assert [i["title"] for i in body["items"]] == ["B"]


class TestDeadlines:
    async def test_a_deadline_range_keeps_dated_records_inside_it(self, client, session):
        await constructed_data_set(session)
        params = {"deadline_from": days_from_today(0).isoformat(), "deadline_to": days_from_today(90).isoformat()}
        body = (await client.get("/search/opportunities", params=params)).json()
        assert [i["title"] for i in body["items"]] == ["A", "B"]
        assert facet(body, "deadline") == [
            ("later", 1), ("next_30_days", 1), ("next_90_days", 1), ("none", 1), ("overdue", 1)
        ]
        assert facet(body, "region") == [("PT11", 2), ("ITI1", 1)]

    async def test_without_words_the_soonest_deadline_comes_first_and_none_last(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities")).json()
        assert [i["title"] for i in body["items"]] == ["E", "A", "B", "C", "D"]

    async def test_a_reversed_range_is_a_problem_naming_the_field(self, client):
        params = {"deadline_from": "2027-03-01", "deadline_to": "2027-01-01"}
        response = await client.get("/search/opportunities", params=params)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["query.deadline_to"]


class TestOtherFilters:
    async def test_status_can_be_several(self, client, session):
        await constructed_data_set(session)
        body = (await client.get("/search/opportunities", params={"status": ["open", "closed"]})).json()
        assert body["total"] == 6

    async def test_points_and_the_box(self, client, session):
        await add(
            session,
            opportunity(title="Porto", lon=-8.61, lat=41.15),
            opportunity(title="Prato", lon=11.10, lat=43.88),
            opportunity(title="Nowhere"),
        )
        with_point = (await client.get("/search/opportunities", params={"has_point": "true"})).json()
        assert sorted(i["title"] for i in with_point["items"]) == ["Porto", "Prato"]
        without = (await client.get("/search/opportunities", params={"has_point": "false"})).json()
        assert [i["title"] for i in without["items"]] == ["Nowhere"]
        boxed = (await client.get("/search/opportunities", params={"bbox": "-9.5,40.8,-6.2,42.2"})).json()
        assert [(i["title"], i["lon"], i["lat"]) for i in boxed["items"]] == [("Porto", -8.61, 41.15)]

    async def test_budget_is_a_decimal_string(self, client, session):
        await add(session, opportunity(title="Grant", budget_eur="250000.50"))
        item = (await client.get("/search/opportunities")).json()["items"][0]
        assert item["budget_eur"] == "250000.50"

    async def test_unknown_values_are_problems_naming_each_field(self, client):
        params = {"region": ["PT11", "Norte"], "kind": "party", "bbox": "1,2,3"}
        response = await client.get("/search/opportunities", params=params)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in response.json()["errors"]] == ["query.region.1", "query.bbox", "query.kind.0"]
