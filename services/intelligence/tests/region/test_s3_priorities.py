import pytest
from tex4im_common.identity import Role

PRIORITY = {
    "title": "Smart and sustainable manufacturing",
    "description": "Advanced production systems for the fashion system.",
    "thematic_priorities": ["industry_4_0", "circular_economy"],
    "source": "RIS3 Toscana 2021-2027",
}


async def _priorities(client, code: str) -> list[dict]:
    return (await client.get(f"/regions/{code}")).json()["s3_priorities"]


class TestAddS3Priority:
    async def test_the_regions_manager_adds_priorities_in_order(self, client, identity_headers):
        headers = identity_headers(Role.cluster_manager, region="ITI1")
        first = await client.post("/regions/ITI1/s3-priorities", json=PRIORITY, headers=headers)
        second = await client.post("/regions/ITI1/s3-priorities", json=PRIORITY | {"title": "Fashion"}, headers=headers)
        assert (first.status_code, second.status_code) == (201, 201)
        assert first.json() == {
            "id": first.json()["id"], "position": 1, "title": "Smart and sustainable manufacturing",
            "description": "Advanced production systems for the fashion system.",
            "thematic_priorities": ["circular_economy", "industry_4_0"], "source": "RIS3 Toscana 2021-2027",
        }
        assert [(p["position"], p["title"]) for p in await _priorities(client, "ITI1")] == [
            (1, "Smart and sustainable manufacturing"), (2, "Fashion"),
        ]

    async def test_thematic_priorities_are_kept_once_in_the_partnerships_order(self, client, identity_headers):
        body = PRIORITY | {"thematic_priorities": ["creativity", "circular_economy", "creativity"]}
        response = await client.post("/regions/ITI1/s3-priorities", json=body,
                                     headers=identity_headers(Role.consortium_admin))
        assert response.json()["thematic_priorities"] == ["circular_economy", "creativity"]

    async def test_an_unknown_thematic_priority_is_a_422_naming_it(self, client, identity_headers):
        body = PRIORITY | {"thematic_priorities": ["circular_economy", "blue_economy"]}
        response = await client.post("/regions/ITI1/s3-priorities", json=body,
                                     headers=identity_headers(Role.consortium_admin))
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert error["field"] == "body.thematic_priorities"
        assert "['blue_economy']" in error["message"]

    @pytest.mark.parametrize(("role", "region", "status"), [
        (Role.cluster_manager, "SE23", 403), (Role.member, "ITI1", 403), (None, None, 401),
    ])
    async def test_others_may_not_add(self, client, identity_headers, role, region, status):
        headers = identity_headers(role, region=region) if role else {}
        response = await client.post("/regions/ITI1/s3-priorities", json=PRIORITY, headers=headers)
        assert response.status_code == status
        assert await _priorities(client, "ITI1") == []


class TestChangeS3Priority:
    @pytest.fixture
    async def priority_id(self, client, identity_headers) -> str:
        response = await client.post("/regions/PT11/s3-priorities", json=PRIORITY,
                                     headers=identity_headers(Role.consortium_admin))
        return response.json()["id"]

    async def test_the_manager_changes_the_priorities_and_clears_the_description(
        self, client, identity_headers, priority_id, recorded_events
    ):
        response = await client.patch(
            f"/regions/PT11/s3-priorities/{priority_id}",
            json={"thematic_priorities": ["advanced_materials"], "description": None},
            headers=identity_headers(Role.cluster_manager, region="PT11"),
        )
        assert response.status_code == 200
        changed = response.json()
        assert (changed["thematic_priorities"], changed["description"]) == (["advanced_materials"], None)
        assert [e["type"] for e in await recorded_events("region.s3")] == [
            "region.s3_priority_created", "region.s3_priority_updated",
        ]

    async def test_another_regions_manager_may_not_change_it(self, client, identity_headers, priority_id):
        response = await client.patch(f"/regions/PT11/s3-priorities/{priority_id}", json={"title": "X"},
                                      headers=identity_headers(Role.cluster_manager, region="ITI1"))
        assert response.status_code == 403

    async def test_the_manager_deletes_it(self, client, identity_headers, priority_id):
        response = await client.delete(f"/regions/PT11/s3-priorities/{priority_id}",
                                       headers=identity_headers(Role.cluster_manager, region="PT11"))
        assert response.status_code == 204
        assert await _priorities(client, "PT11") == []
        again = await client.delete(f"/regions/PT11/s3-priorities/{priority_id}",
                                    headers=identity_headers(Role.cluster_manager, region="PT11"))
        assert again.status_code == 404
