import pytest
from tex4im_common.identity import Role

REGIONS = ["CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"]


@pytest.fixture
async def s3_priorities(client, identity_headers) -> None:
    """ITI1 {circular, materials, creativity} over two S3 priorities; ITC1 {materials, industry 4.0};
    PT11 {circular, materials, creativity}; ES52 {materials, digital}; the other four none."""
    admin = identity_headers(Role.consortium_admin)
    for code, priorities in [
        ("ITI1", ["circular_economy", "advanced_materials"]),
        ("ITI1", ["creativity", "advanced_materials"]),
        ("ITC1", ["advanced_materials", "industry_4_0"]),
        ("PT11", ["circular_economy", "advanced_materials", "creativity"]),
        ("ES52", ["digital_technologies", "advanced_materials"]),
    ]:
        body = {"title": f"S3 of {code}", "thematic_priorities": priorities, "source": "RIS3"}
        assert (await client.post(f"/regions/{code}/s3-priorities", json=body, headers=admin)).status_code == 201


class TestPriorityOverlap:
    async def test_each_region_lists_the_priorities_of_its_s3_strategy(self, client, s3_priorities):
        body = (await client.get("/regions/priority-overlap")).json()
        assert body["priority_codes"] == [
            "circular_economy", "industry_4_0", "digital_technologies", "advanced_materials", "creativity",
        ]
        assert {r["code"]: r["priorities"] for r in body["regions"]} == {
            "CZ05": [], "ES52": ["digital_technologies", "advanced_materials"], "FRE1": [],
            "ITC1": ["industry_4_0", "advanced_materials"],
            "ITI1": ["circular_economy", "advanced_materials", "creativity"],
            "PT11": ["circular_economy", "advanced_materials", "creativity"], "RO21": [], "SE23": [],
        }
        assert [r["code"] for r in body["regions"]] == REGIONS

    async def test_every_pair_once_in_nuts_order(self, client, s3_priorities):
        pairs = (await client.get("/regions/priority-overlap")).json()["pairs"]
        assert [(p["region_a"], p["region_b"]) for p in pairs] == [
            (a, b) for i, a in enumerate(REGIONS) for b in REGIONS[i + 1:]
        ]
        assert len(pairs) == 28

    async def test_shared_priorities_count_and_jaccard_index(self, client, s3_priorities):
        body = (await client.get("/regions/priority-overlap")).json()
        pairs = {(p["region_a"], p["region_b"]): p for p in body["pairs"]}

        def numbers(a: str, b: str) -> tuple:
            pair = pairs[(a, b)]
            return pair["shared"], pair["count"], pair["jaccard"]

        assert numbers("ITI1", "PT11") == (["circular_economy", "advanced_materials", "creativity"], 3, 1.0)
        assert numbers("ES52", "ITC1") == (["advanced_materials"], 1, 1 / 3)
        assert numbers("ITC1", "ITI1") == (["advanced_materials"], 1, 0.25)
        assert numbers("ES52", "PT11") == (["advanced_materials"], 1, 0.25)
        assert numbers("CZ05", "ITI1") == ([], 0, 0.0)
        assert numbers("CZ05", "FRE1") == ([], 0, None)

    async def test_anyone_may_read_it_with_no_priorities_recorded(self, client):
        response = await client.get("/regions/priority-overlap")
        assert response.status_code == 200
        assert {p["jaccard"] for p in response.json()["pairs"]} == {None}
