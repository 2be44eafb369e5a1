from intelligence.search import service
from tests.search.builders import add, opportunity, organisation
from tex4im_common.identity import Role

NORTE_LABEL = (-7.693, 41.453)  # PT11's label point (reference data)


async def map_data_set(session):
    await add(
        session,
        organisation(name="Porto Mill", lon=-8.61, lat=41.15, region_code="PT11", priorities=["circular_economy"]),
        organisation(name="No Point Lda"),
        organisation(name="Hidden Mill", lon=-8.0, lat=41.0, visibility="consortium"),
        opportunity(title="Placed", lon=11.1, lat=43.88, region_codes=["ITI1"], kind="tender"),
        opportunity(title="Regional", region_codes=["PT11", "ITI1"], priorities=["creativity"]),
        opportunity(title="Nowhere"),
        opportunity(title="Hidden", region_codes=["PT11"], visibility="consortium"),
        opportunity(title="Archived", lon=2.0, lat=50.0, status="archived"),
    )


def labels(body):
    return sorted(p["label"] for p in body["points"])


class TestMapPoints:
    async def test_anonymous_visitors_see_public_points_and_approximate_ones(self, client, session):
        await map_data_set(session)
        body = (await client.get("/map/points")).json()
        assert body["truncated"] is False
        by_label = {p["label"]: p for p in body["points"]}
        assert labels(body) == ["Placed", "Porto Mill", "Regional"]
        assert by_label["Regional"] == {
            "type": "opportunity", "id": by_label["Regional"]["id"], "lon": NORTE_LABEL[0], "lat": NORTE_LABEL[1],
            "label": "Regional", "kind": "business_cooperation", "priorities": ["creativity"], "region": "PT11",
            "approximate": True,
        }
        assert (by_label["Placed"]["approximate"], by_label["Placed"]["lon"]) == (False, 11.1)
        assert by_label["Porto Mill"]["type"] == "organisation"
        assert by_label["Porto Mill"]["region"] == "PT11"

    async def test_members_also_see_consortium_points(self, client, session, identity_headers):
        await map_data_set(session)
        body = (await client.get("/map/points", headers=identity_headers(Role.member))).json()
        assert labels(body) == ["Hidden", "Hidden Mill", "Placed", "Porto Mill", "Regional"]

    async def test_archived_opportunities_never_show_and_cannot_be_asked_for(self, client, session):
        await map_data_set(session)
        body = (await client.get("/map/points", params={"status": ["open", "closed"]})).json()
        assert "Archived" not in labels(body)
        response = await client.get("/map/points", params={"status": "archived"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.status.0"

    async def test_layers_kinds_and_the_box_choose_points(self, client, session):
        await map_data_set(session)
        only_opportunities = (await client.get("/map/points", params={"layers": "opportunities"})).json()
        assert labels(only_opportunities) == ["Placed", "Regional"]
        tenders = (await client.get("/map/points", params={"kind": "tender"})).json()
        assert labels(tenders) == ["Placed"]
        companies = (await client.get("/map/points", params={"kind": "company"})).json()
        assert labels(companies) == ["Porto Mill"]
        norte = (await client.get("/map/points", params={"bbox": "-9.5,40.8,-6.2,42.2"})).json()
        assert labels(norte) == ["Porto Mill", "Regional"]
        exact = (await client.get("/map/points", params={"has_point": "true"})).json()
        assert labels(exact) == ["Placed", "Porto Mill"]

    async def test_organisation_only_filters_leave_opportunities_alone(self, client, session):
        await map_data_set(session)
        body = (await client.get("/map/points", params={"size_class": "large"})).json()
        assert labels(body) == ["Placed", "Regional"]

    async def test_too_many_points_are_cut_at_the_cap_and_flagged(self, client, session, monkeypatch):
        monkeypatch.setattr(service, "MAP_POINT_CAP", 2)
        await map_data_set(session)
        body = (await client.get("/map/points")).json()
        assert body["truncated"] is True
        assert labels(body) == ["Placed", "Regional"]

    async def test_an_unknown_layer_is_a_problem(self, client):
        response = await client.get("/map/points", params={"layers": "organisations,people"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.layers"
