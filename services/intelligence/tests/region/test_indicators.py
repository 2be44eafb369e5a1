import pytest
from tex4im_common.identity import Role

from .conftest import reference_id

NEW_VALUE = {
    "code": "textile_employees",
    "label": "Employees in textiles",
    "value": "52310.5",
    "unit": "persons",
    "year": 2022,
    "scope": "Toscana (NUTS-2), NACE C13-C14",
    "quality": "official",
    "source": "Eurostat sbs_r_nuts2021",
    "source_url": "https://ec.europa.eu/eurostat/databrowser/view/sbs_r_nuts2021",
}


async def _indicators(client, code: str) -> list[dict]:
    return (await client.get(f"/regions/{code}")).json()["indicators"]


class TestAddIndicator:
    async def test_the_regions_manager_adds_a_value_shown_with_the_region(self, client, identity_headers):
        response = await client.post(
            "/regions/ITI1/indicators", json=NEW_VALUE, headers=identity_headers(Role.cluster_manager, region="ITI1")
        )
        assert response.status_code == 201
        created = response.json()
        assert created == {"id": created["id"], **NEW_VALUE}
        shown = [i for i in await _indicators(client, "ITI1") if i["code"] == "textile_employees"]
        assert [(i["year"], i["value"]) for i in shown] == [(2022, "52310.5"), (2021, "41251")]

    async def test_a_number_is_accepted_and_given_back_as_a_decimal_string(self, client, identity_headers):
        body = NEW_VALUE | {"value": 19, "unit": "%", "code": "export_share"}
        admin = identity_headers(Role.consortium_admin)
        response = await client.post("/regions/ITI1/indicators", json=body, headers=admin)
        assert response.status_code == 201
        assert response.json()["value"] == "19"

    async def test_adding_records_an_event(self, client, identity_headers, recorded_events):
        await client.post("/regions/ITI1/indicators", json=NEW_VALUE, headers=identity_headers(Role.consortium_admin))
        [event] = await recorded_events("region.indicator")
        assert event["type"] == "region.indicator_created"
        assert event["aggregate_id"] == "ITI1"
        assert (event["payload"]["region_code"], event["payload"]["value"]) == ("ITI1", "52310.5")

    @pytest.mark.parametrize(("role", "region", "status"), [
        (Role.cluster_manager, "ES52", 403), (Role.member, "ITI1", 403), (None, None, 401),
    ])
    async def test_others_may_not_add(self, client, identity_headers, role, region, status):
        headers = identity_headers(role, region=region) if role else {}
        response = await client.post("/regions/ITI1/indicators", json=NEW_VALUE, headers=headers)
        assert response.status_code == status
        assert len(await _indicators(client, "ITI1")) == 3

    async def test_the_same_code_year_and_scope_twice_is_a_409_naming_the_duplicate(self, client, identity_headers):
        body = NEW_VALUE | {"year": 2021, "scope": "Prato textile district; 2021 survey", "value": "1"}
        admin = identity_headers(Role.consortium_admin)
        response = await client.post("/regions/ITI1/indicators", json=body, headers=admin)
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:duplicate-indicator"
        duplicate = str(reference_id("indicator", "ITI1:textile_employees:2021"))
        assert problem["duplicate_id"] == duplicate
        assert problem["detail"] == (
            "Region ITI1 already has indicator textile_employees for year 2021 and scope "
            f"'Prato textile district; 2021 survey' (id {duplicate}); change that value instead."
        )

    async def test_two_undated_values_of_the_same_scope_are_duplicates_too(self, client, identity_headers):
        body = NEW_VALUE | {"code": "textile_firms", "year": None, "scope": "regional industry; year not stated"}
        admin = identity_headers(Role.consortium_admin)
        response = await client.post("/regions/RO21/indicators", json=body, headers=admin)
        assert response.status_code == 409
        assert "for no stated year" in response.json()["detail"]

    @pytest.mark.parametrize(("field", "value"), [
        ("value", "lots"), ("quality", "rumour"), ("code", "Textile Employees"), ("source_url", "ftp://x"),
        ("year", 1066), ("value", "1.23456"),
    ])
    async def test_invalid_fields_are_422_problems_naming_them(self, client, identity_headers, field, value):
        response = await client.post(
            "/regions/ITI1/indicators", json=NEW_VALUE | {field: value}, headers=identity_headers(Role.consortium_admin)
        )
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [f"body.{field}"]

    async def test_an_unknown_region_is_a_404(self, client, identity_headers):
        response = await client.post("/regions/DE11/indicators", json=NEW_VALUE,
                                     headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 404


class TestChangeIndicator:
    @pytest.fixture
    async def indicator_id(self, client, identity_headers) -> str:
        response = await client.post("/regions/ITI1/indicators", json=NEW_VALUE,
                                     headers=identity_headers(Role.consortium_admin))
        return response.json()["id"]

    async def test_the_manager_changes_only_the_fields_sent(self, client, identity_headers, indicator_id):
        response = await client.patch(
            f"/regions/ITI1/indicators/{indicator_id}", json={"value": "50000", "source_url": None},
            headers=identity_headers(Role.cluster_manager, region="ITI1"),
        )
        assert response.status_code == 200
        assert response.json() == {"id": indicator_id, **NEW_VALUE, "value": "50000", "source_url": None}

    async def test_moving_onto_an_existing_value_is_a_409(self, client, identity_headers, indicator_id):
        response = await client.patch(
            f"/regions/ITI1/indicators/{indicator_id}",
            json={"year": 2021, "scope": "Prato textile district; 2021 survey"},
            headers=identity_headers(Role.consortium_admin),
        )
        assert response.status_code == 409
        assert response.json()["duplicate_id"] == str(reference_id("indicator", "ITI1:textile_employees:2021"))

    async def test_a_required_field_cannot_be_cleared(self, client, identity_headers, indicator_id):
        response = await client.patch(f"/regions/ITI1/indicators/{indicator_id}", json={"label": None},
                                      headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 422
        assert "label cannot be null" in response.json()["errors"][0]["message"]

    async def test_another_regions_manager_may_not_change_it(self, client, identity_headers, indicator_id):
        response = await client.patch(f"/regions/ITI1/indicators/{indicator_id}", json={"value": 1},
                                      headers=identity_headers(Role.cluster_manager, region="PT11"))
        assert response.status_code == 403

    async def test_the_value_under_another_region_is_not_found(self, client, identity_headers, indicator_id):
        response = await client.patch(f"/regions/PT11/indicators/{indicator_id}", json={"value": 1},
                                      headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 404
        assert response.json()["title"] == "Indicator not found"


class TestDeleteIndicator:
    async def test_the_manager_deletes_a_seeded_value(self, client, identity_headers, recorded_events):
        indicator = reference_id("indicator", "ITI1:cluster_members:2019")
        response = await client.delete(f"/regions/ITI1/indicators/{indicator}",
                                       headers=identity_headers(Role.cluster_manager, region="ITI1"))
        assert response.status_code == 204
        assert [i["code"] for i in await _indicators(client, "ITI1")] == ["textile_employees", "textile_local_units"]
        assert [e["type"] for e in await recorded_events("region.indicator")] == ["region.indicator_deleted"]

    async def test_a_member_may_not_delete(self, client, identity_headers):
        indicator = reference_id("indicator", "ITI1:cluster_members:2019")
        response = await client.delete(f"/regions/ITI1/indicators/{indicator}",
                                       headers=identity_headers(Role.member, region="ITI1"))
        assert response.status_code == 403
        assert len(await _indicators(client, "ITI1")) == 3


class TestIndicatorCatalogue:
    async def test_anyone_lists_the_codes_with_units_regions_and_years(self, client):
        response = await client.get("/indicators")
        assert response.status_code == 200
        assert response.json() == [
            {"code": "cluster_members", "label": "Cluster members",
             "units": ["businesses", "companies (more than)", "organisations"],
             "regions": ["CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "SE23"], "years": [2014, 2019, 2023]},
            {"code": "national_employment_share", "label": "Share of national sector employment", "units": ["%"],
             "regions": ["PT11"], "years": [2019]},
            {"code": "national_export_share", "label": "Share of national textile exports", "units": ["%"],
             "regions": ["RO21"], "years": []},
            {"code": "textile_employees", "label": "Employees in textiles",
             "units": ["jobs", "persons", "persons (more than)"],
             "regions": ["ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21"], "years": [2011, 2017, 2018, 2021, 2023]},
            {"code": "textile_firms", "label": "Textile & clothing firms", "units": ["firms", "firms (more than)"],
             "regions": ["ES52", "ITC1", "RO21"], "years": [2011, 2017]},
            {"code": "textile_local_units", "label": "Local units in textiles", "units": ["local units"],
             "regions": ["ITI1"], "years": [2021]},
        ]

    async def test_a_new_code_appears_in_the_catalogue(self, client, identity_headers):
        body = NEW_VALUE | {"code": "exports_eur", "label": "Textile exports", "unit": "EUR million"}
        await client.post("/regions/SE23/indicators", json=body, headers=identity_headers(Role.consortium_admin))
        entry = next(e for e in (await client.get("/indicators")).json() if e["code"] == "exports_eur")
        assert entry == {"code": "exports_eur", "label": "Textile exports", "units": ["EUR million"],
                         "regions": ["SE23"], "years": [2022]}
