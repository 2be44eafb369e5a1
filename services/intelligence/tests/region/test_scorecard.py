import pytest
from intelligence.cluster.models import Cluster
from tex4im_common.identity import Role

from .conftest import reference_id

REGIONS = ["CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"]


def _platform(body: dict, code: str) -> dict:
    return next(r["platform"] for r in body["regions"] if r["code"] == code)


def _indicator(body: dict, code: str) -> dict:
    return next(i for i in body["indicators"] if i["code"] == code)


class TestScorecardIndicators:
    async def test_each_indicator_shows_every_regions_latest_value_with_its_scope(self, client):
        response = await client.get("/regions/scorecard")
        assert response.status_code == 200
        body = response.json()
        assert [r["code"] for r in body["regions"]] == REGIONS
        assert [i["code"] for i in body["indicators"]] == [
            "cluster_members", "national_employment_share", "national_export_share", "textile_employees",
            "textile_firms", "textile_local_units",
        ]
        employees = _indicator(body, "textile_employees")
        assert list(employees["values"]) == REGIONS
        assert employees["values"]["CZ05"] is None
        assert employees["values"]["PT11"] == {
            "value": "124536", "unit": "persons", "year": 2023,
            "scope": "Portugal (national, not the region); 2023 (INE/ATP)", "quality": "secondary",
            "source": "ATP statistics", "source_url": None,
        }
        assert (employees["units_differ"], employees["scopes_differ"]) == (True, True)
        export_share = _indicator(body, "national_export_share")
        assert (export_share["units_differ"], export_share["scopes_differ"]) == (False, False)

    async def test_the_newest_year_wins_and_an_undated_value_counts_as_oldest(self, client, identity_headers):
        admin = identity_headers(Role.consortium_admin)
        base = {"code": "textile_employees", "label": "Employees in textiles", "unit": "persons",
                "quality": "official", "source": "Eurostat"}
        await client.post("/regions/ITI1/indicators", json=base | {"value": 50000, "year": 2023, "scope": "Toscana"},
                          headers=admin)
        await client.post("/regions/RO21/indicators", json=base | {"value": 28000, "year": 2010, "scope": "Nord-Est"},
                          headers=admin)
        values = _indicator((await client.get("/regions/scorecard")).json(), "textile_employees")["values"]
        tuscany = values["ITI1"]
        assert (tuscany["value"], tuscany["year"], tuscany["quality"]) == ("50000", 2023, "official")
        assert (values["RO21"]["value"], values["RO21"]["year"]) == ("28000", 2010)


class TestScorecardPlatformFigures:
    @pytest.fixture
    async def records(self, session, add_organisation, add_opportunity) -> None:
        kept = await add_organisation("Fiação do Norte", "PT11")
        await add_organisation("Tecelagem Consórcio", "PT11", visibility="consortium")
        await add_organisation("Fiação do Norte (duplicate)", "PT11", merged_into=kept)
        await add_organisation("Lanificio Toscano", "ITI1", visibility="consortium")
        await add_opportunity("Open, public", "PT11", interests=2)
        await add_opportunity("Open, consortium", "PT11", visibility="consortium", interests=1)
        await add_opportunity("Closed, public", "PT11", status="closed", interests=1)
        await add_opportunity("Draft, public", "PT11", status="draft", interests=1)
        await add_opportunity("Tuscan, located in Norte", "ITI1", regions=("PT11",))
        citeve = await session.get(Cluster, reference_id("cluster", "CITEVE"))
        citeve.members_sme, citeve.members_large, citeve.members_research = 40, 10, 5
        citeve.members_university, citeve.members_public, citeve.members_other = 3, 1, 1
        citeve.escp_state = "submitted"
        await session.flush()

    async def test_an_anonymous_visitor_counts_public_records_only(self, client, records):
        body = (await client.get("/regions/scorecard")).json()
        assert _platform(body, "PT11") == {
            "organisations": 1, "opportunities_open": 2, "interests": 3, "cluster_members": 60,
            "escp_state": "submitted",
        }
        assert _platform(body, "ITI1") == {
            "organisations": 0, "opportunities_open": 1, "interests": 0, "cluster_members": 0, "escp_state": "draft",
        }

    async def test_a_member_of_the_partnership_counts_consortium_records_too(self, client, identity_headers, records):
        body = (await client.get("/regions/scorecard", headers=identity_headers(Role.member, region="ES52"))).json()
        assert _platform(body, "PT11") == {
            "organisations": 2, "opportunities_open": 3, "interests": 4, "cluster_members": 60,
            "escp_state": "submitted",
        }
        assert _platform(body, "ITI1")["organisations"] == 1

    async def test_a_region_without_records_counts_zero(self, client):
        body = (await client.get("/regions/scorecard")).json()
        assert _platform(body, "SE23") == {
            "organisations": 0, "opportunities_open": 0, "interests": 0, "cluster_members": 0, "escp_state": "draft",
        }
