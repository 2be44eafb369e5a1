import json

import pytest
from tex4im_common.identity import Role


def square(lon: float, lat: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1],
                                                 [lon, lat]]]}


TUSCANY = square(10.5, 43.0)
NORTE = {"type": "MultiPolygon", "coordinates": [square(-8.5, 41.0)["coordinates"],
                                                 square(-7.0, 41.5)["coordinates"]]}
FIXTURE = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"NUTS_ID": "ITI1", "NAME_LATN": "Toscana"}, "geometry": TUSCANY},
        {"type": "Feature", "id": "PT11", "properties": {"nuts_id": "PT11"}, "geometry": NORTE},
        {"type": "Feature", "properties": {"NUTS_ID": "DE11"}, "geometry": square(9.0, 48.5)},
        {"type": "Feature", "properties": {"NUTS_ID": "ES52"},
         "geometry": {"type": "Point", "coordinates": [-0.5, 39]}},
    ],
}
SOURCE = "GISCO NUTS 2021 (test)"


@pytest.fixture
def manager(identity_headers):
    return identity_headers(Role.cluster_manager, region="SE23")


async def _import(client, headers, document=FIXTURE, source=SOURCE):
    return await client.put("/regions/boundaries", params={"source": source}, json=document, headers=headers)


class TestImportBoundaries:
    async def test_any_cluster_manager_imports_and_gets_an_exact_report(self, client, manager):
        response = await _import(client, manager)
        assert response.status_code == 200
        assert response.json() == {
            "source": SOURCE,
            "matched": ["ITI1", "PT11"],
            "skipped": [{"index": 2, "id": "DE11", "reason": None}],
            "refused": [{"index": 3, "id": "ES52", "reason": "geometry type 'Point' is not Polygon or MultiPolygon"}],
        }

    async def test_importing_records_an_event_per_region(self, client, manager, recorded_events):
        await _import(client, manager)
        assert await recorded_events("region.boundaries") == [
            {"type": "region.boundaries_imported", "aggregate_id": "ITI1",
             "payload": {"region_code": "ITI1", "source": SOURCE}},
            {"type": "region.boundaries_imported", "aggregate_id": "PT11",
             "payload": {"region_code": "PT11", "source": SOURCE}},
        ]

    async def test_a_multipart_file_upload_is_accepted_and_named_as_the_source(self, client, manager):
        response = await client.put(
            "/regions/boundaries", headers=manager,
            files={"file": ("NUTS_RG_20M_2021_4326.geojson", json.dumps(FIXTURE).encode(), "application/geo+json")},
        )
        assert response.status_code == 200
        assert response.json()["source"] == "GeoJSON upload NUTS_RG_20M_2021_4326.geojson"
        assert response.json()["matched"] == ["ITI1", "PT11"]

    async def test_projected_coordinates_are_refused_with_the_reason(self, client, manager):
        projected = {"type": "Polygon", "coordinates": [[[4321000, 2210000], [4322000, 2210000],
                                                         [4322000, 2211000], [4321000, 2210000]]]}
        document = {"type": "FeatureCollection", "features": [
            FIXTURE["features"][0],
            {"type": "Feature", "properties": {"NUTS_ID": "CZ05"}, "geometry": projected},
        ]}
        refused = (await _import(client, manager, document)).json()["refused"]
        assert refused == [{
            "index": 1, "id": "CZ05",
            "reason": "position [4321000, 2210000] is outside longitude -180..180 / latitude -90..90; "
                      "the file must be in WGS 84 (EPSG:4326)",
        }]

    async def test_nothing_usable_is_a_422_problem_naming_each_refused_feature(self, client, manager):
        open_ring = {"type": "Polygon", "coordinates": [[[10, 43], [11, 43], [11, 44], [10, 44]]]}
        document = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"NUTS_ID": "DE11"}, "geometry": square(9.0, 48.5)},
            {"type": "Feature", "properties": {"NUTS_ID": "ITI1"}, "geometry": open_ring},
        ]}
        response = await _import(client, manager, document)
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:invalid-boundaries"
        assert problem["errors"] == [{
            "field": "body.features[1]", "code": "feature_refused",
            "message": "a ring is not closed (its first and last positions differ)",
        }]
        assert (await client.get("/regions/boundaries")).json()["features"] == []

    async def test_a_feature_without_a_nuts_code_or_repeating_a_region_is_refused(self, client, manager):
        document = {"type": "FeatureCollection", "features": [
            FIXTURE["features"][0],
            {"type": "Feature", "properties": {"NAME_LATN": "Somewhere"}, "geometry": square(1.0, 1.0)},
            {"type": "Feature", "properties": {"NUTS_ID": "iti1"}, "geometry": square(12.0, 43.0)},
        ]}
        report = (await _import(client, manager, document)).json()
        assert report["matched"] == ["ITI1"]
        assert report["refused"] == [
            {"index": 1, "id": None, "reason": "no NUTS code: expected a NUTS_ID (or nuts_id / id) property"},
            {"index": 2, "id": "iti1", "reason": "a second feature for ITI1; only the first one is used"},
        ]

    async def test_a_body_that_is_not_json_is_a_422(self, client, manager):
        response = await client.put("/regions/boundaries", content=b"NUTS_ID;geometry",
                                    headers=manager | {"Content-Type": "application/json"})
        assert response.status_code == 422
        assert response.json()["errors"] == [{"field": "body", "message": "not valid JSON", "code": "json_invalid"}]

    async def test_a_document_that_is_not_a_feature_collection_is_a_422(self, client, manager):
        response = await _import(client, manager, TUSCANY)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body"

    async def test_a_body_over_20_mb_is_a_413_problem(self, client, manager):
        response = await client.put("/regions/boundaries", content=b" " * (20 * 1024 * 1024 + 1),
                                    headers=manager | {"Content-Type": "application/json"})
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize(("role", "status"), [(Role.member, 403), (None, 401)])
    async def test_members_and_visitors_may_not_import(self, client, identity_headers, role, status):
        response = await _import(client, identity_headers(role, region="ITI1") if role else {})
        assert response.status_code == status

    async def test_a_new_import_replaces_the_regions_boundary(self, client, manager):
        await _import(client, manager)
        moved = square(11.0, 43.5)
        document = {"type": "FeatureCollection",
                    "features": [{"type": "Feature", "properties": {"NUTS_ID": "ITI1"}, "geometry": moved}]}
        await _import(client, manager, document, source="corrected")
        features = (await client.get("/regions/boundaries")).json()["features"]
        assert [(f["id"], f["geometry"]) for f in features] == [("ITI1", moved), ("PT11", NORTE)]


class TestReadBoundaries:
    async def test_none_loaded_is_an_empty_feature_collection(self, client):
        response = await client.get("/regions/boundaries")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        assert response.json() == {"type": "FeatureCollection", "features": []}

    async def test_an_indicators_latest_value_comes_with_each_feature(self, client, manager):
        await _import(client, manager)
        response = await client.get("/regions/boundaries", params={"indicator": "textile_local_units"})
        [tuscany, norte] = response.json()["features"]
        assert tuscany == {
            "type": "Feature", "id": "ITI1", "geometry": TUSCANY,
            "properties": {
                "code": "ITI1", "name": "Toscana", "indicator": "textile_local_units",
                "label": "Local units in textiles",
                "value": 6627.0, "unit": "local units", "year": 2021, "scope": "Prato textile district; 2021 survey",
                "quality": "secondary", "source": "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
            },
        }
        assert norte["properties"] == {
            "code": "PT11", "name": "Norte", "indicator": "textile_local_units", "label": None, "value": None,
            "unit": None, "year": None, "scope": None, "quality": None, "source": None,
        }

    async def test_an_unknown_indicator_is_a_422_naming_the_parameter(self, client):
        response = await client.get("/regions/boundaries", params={"indicator": "unicorns"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.indicator"


class TestDeleteBoundaries:
    async def test_only_the_admin_deletes_them(self, client, manager, identity_headers, recorded_events):
        await _import(client, manager)
        assert (await client.delete("/regions/boundaries", headers=manager)).status_code == 403
        response = await client.delete("/regions/boundaries", headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 204
        assert (await client.get("/regions/boundaries")).json()["features"] == []
        deleted = [e["aggregate_id"] for e in await recorded_events("region.boundaries_deleted")]
        assert deleted == ["ITI1", "PT11"]

    async def test_the_admin_deletes_one_regions_boundary(self, client, manager, identity_headers):
        await _import(client, manager)
        admin = identity_headers(Role.consortium_admin)
        await client.delete("/regions/boundaries", params={"code": "pt11"}, headers=admin)
        assert [f["id"] for f in (await client.get("/regions/boundaries")).json()["features"]] == ["ITI1"]
