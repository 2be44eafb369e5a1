import uuid

import pytest
from tex4im_common.identity import Role

from .conftest import CITEVE, READY_PROFILE, cluster_id

PARTNERS_IN_ORDER = [
    "OTIR2020", "ASTRICO NE", "ATEVAL", "CITEVE", "CLUTEX", "EURAMATERIALS", "PO.IN.TEX", "SMART TEXTILES",
]


class TestListClusters:
    async def test_an_anonymous_visitor_sees_the_partners_first_the_coordinator_leading(self, client, add_cluster):
        await add_cluster("AAA Textile Network", "ES52")
        response = await client.get("/clusters")
        assert response.status_code == 200
        items = response.json()["items"]
        assert [c["acronym"] for c in items] == [*PARTNERS_IN_ORDER, "AAA Textil"]
        assert items[0] | {"id": None} == {
            "id": None, "name": "OTIR2020 – Tuscany Fashion Cluster", "acronym": "OTIR2020", "country_code": "IT",
            "region_code": "ITI1", "region_name": "Toscana", "is_partner": True, "is_coordinator": True,
            "website_en": None, "members_total": 0, "esca_label": None, "escp_state": "draft",
        }

    async def test_pages_follow_the_cursor_without_gaps_or_repeats(self, client, add_cluster):
        await add_cluster("AAA Textile Network", "ES52")
        seen, cursor = [], None
        while True:
            params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
            body = (await client.get("/clusters", params=params)).json()
            seen += [c["acronym"] for c in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == [*PARTNERS_IN_ORDER, "AAA Textil"]

    async def test_the_list_can_be_limited_to_a_region(self, client):
        body = (await client.get("/clusters", params={"region": "pt11"})).json()
        assert [c["acronym"] for c in body["items"]] == ["CITEVE"]


class TestGetCluster:
    async def test_an_anonymous_visitor_reads_the_profile_and_readiness_without_the_history(self, client):
        response = await client.get(f"/clusters/{CITEVE}")
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        cluster = response.json()
        assert (cluster["acronym"], cluster["region_code"], cluster["escp_state"]) == ("CITEVE", "PT11", "draft")
        assert cluster["state_history"] is None
        assert cluster["next_states"] == ["submitted"]
        assert cluster["ready"] is False
        assert cluster["readiness"] == [
            {"code": "management_fte", "met": False,
             "message": "No management FTE recorded; ECCP needs at least 0.5 FTE."},
            {"code": "committed_members", "met": False, "message": "0 committed members; ECCP needs at least 15."},
            {"code": "member_types", "met": False,
             "message": "0 member types (SME, large, research, university, public, other); ECCP needs at least 2."},
            {"code": "english_website", "met": False, "message": "No English website; ECCP needs one."},
        ]

    async def test_a_partnership_member_sees_the_state_history(self, client, identity_headers):
        cluster = (await client.get(f"/clusters/{CITEVE}", headers=identity_headers(Role.member, region="ES52"))).json()
        assert cluster["state_history"] == []

    async def test_an_unknown_cluster_is_a_404_problem(self, client):
        response = await client.get(f"/clusters/{uuid.uuid4()}")
        assert response.status_code == 404
        assert response.json()["title"] == "Cluster not found"


class TestUpdateCluster:
    async def test_the_regions_manager_completes_the_profile(self, client, norte_manager, recorded_events):
        body = READY_PROFILE | {"nace_codes": ["C13", "C14.1"], "esca_label": "silver",
                                "esca_valid_until": "2025-12-31", "industrial_ecosystems": ["Textiles"]}
        response = await client.patch(f"/clusters/{CITEVE}", json=body, headers=norte_manager | {"If-Match": '"1"'})
        assert response.status_code == 200
        assert response.headers["etag"] == '"2"'
        cluster = response.json()
        assert (cluster["management_fte"], cluster["members_total"]) == ("2.5", 55)
        assert cluster["nace_codes"] == ["C13", "C14.1"]
        assert (cluster["esca_label"], cluster["esca_valid_until"]) == ("silver", "2025-12-31")
        assert cluster["ready"] is True
        assert [c["message"] for c in cluster["readiness"]] == [
            "Management of 2.5 FTE; ECCP needs at least 0.5 FTE.",
            "55 committed members; ECCP needs at least 15.",
            "3 member types (SME, large, research, university, public, other); ECCP needs at least 2.",
            "English website https://www.citeve.pt/en.",
        ]
        [event] = await recorded_events("cluster.")
        assert event["type"] == "cluster.updated"
        assert event["aggregate_id"] == str(CITEVE)
        assert event["payload"]["changed"] == [
            "esca_label", "esca_valid_until", "industrial_ecosystems", "management_fte", "members_large",
            "members_research", "members_sme", "nace_codes", "website_en",
        ]
        assert (event["payload"]["members_total"], event["payload"]["version"]) == (55, 2)

    async def test_a_stale_if_match_is_a_412_and_changes_nothing(self, client, norte_manager):
        await client.patch(f"/clusters/{CITEVE}", json={"members_sme": 5}, headers=norte_manager)
        response = await client.patch(f"/clusters/{CITEVE}", json={"members_sme": 9},
                                      headers=norte_manager | {"If-Match": '"1"'})
        assert response.status_code == 412
        assert response.json()["current_etag"] == '"2"'
        assert (await client.get(f"/clusters/{CITEVE}")).json()["members_sme"] == 5

    @pytest.mark.parametrize(("role", "region", "status"), [
        (Role.cluster_manager, "ITI1", 403), (Role.member, "PT11", 403), (None, None, 401),
    ])
    async def test_others_may_not_change_it(self, client, identity_headers, role, region, status):
        headers = identity_headers(role, region=region) if role else {}
        response = await client.patch(f"/clusters/{CITEVE}", json={"members_sme": 5}, headers=headers)
        assert response.status_code == status
        assert (await client.get(f"/clusters/{CITEVE}")).json()["members_sme"] == 0

    @pytest.mark.parametrize(("body", "field"), [
        ({"members_sme": -1}, "body.members_sme"),
        ({"website_en": "www.citeve.pt"}, "body.website_en"),
        ({"nace_codes": ["13.9"]}, "body.nace_codes.0"),
        ({"esca_label": "platinum"}, "body.esca_label"),
        ({"management_fte": "-0.5"}, "body.management_fte"),
        ({"name": None}, "body"),
        ({"esca_valid_until": "2026-01-01"}, "body.esca_valid_until"),
    ])
    async def test_invalid_profile_fields_are_422_problems_naming_them(self, client, admin, body, field):
        response = await client.patch(f"/clusters/{CITEVE}", json=body, headers=admin)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [field]

    async def test_the_admin_changes_any_cluster(self, client, admin):
        response = await client.patch(f"/clusters/{cluster_id('CLUTEX')}", json={"year_established": 2006},
                                      headers=admin)
        assert (response.status_code, response.json()["year_established"]) == (200, 2006)


class TestClusterMembers:
    @pytest.fixture
    async def members(self, add_member) -> None:
        kept = await add_member(CITEVE, "Malhas Sonix")
        await add_member(CITEVE, "Fiação Consórcio", visibility="consortium")
        await add_member(CITEVE, "Malhas Sonix Lda (duplicate)", merged_into=kept)
        await add_member(cluster_id("ATEVAL"), "Textiles Alcoy")

    async def test_an_anonymous_visitor_sees_the_public_members_only(self, client, members):
        response = await client.get(f"/clusters/{CITEVE}/members")
        assert response.status_code == 200
        [member] = response.json()["items"]
        assert member | {"id": None} == {
            "id": None, "name": "Malhas Sonix", "kind": "company", "city": "Guimarães", "region_code": "PT11",
        }

    async def test_a_partnership_member_sees_consortium_members_too_by_name(self, client, identity_headers, members):
        headers = identity_headers(Role.member, region="ITI1")
        first = (await client.get(f"/clusters/{CITEVE}/members", params={"limit": 1}, headers=headers)).json()
        second = (await client.get(f"/clusters/{CITEVE}/members",
                                   params={"limit": 1, "cursor": first["next_cursor"]}, headers=headers)).json()
        assert [m["name"] for m in first["items"] + second["items"]] == ["Fiação Consórcio", "Malhas Sonix"]
        assert second["next_cursor"] is None

    async def test_members_of_an_unknown_cluster_is_a_404(self, client):
        assert (await client.get(f"/clusters/{uuid.uuid4()}/members")).status_code == 404
