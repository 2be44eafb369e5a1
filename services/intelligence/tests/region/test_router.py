from tex4im_common.identity import Role

PARTNER_REGIONS = ["CZ05", "ES52", "FRE1", "ITC1", "ITI1", "PT11", "RO21", "SE23"]


class TestListRegions:
    async def test_signed_in_member_sees_the_eight_regions_with_their_clusters(self, client, identity_headers):
        response = await client.get("/regions", headers=identity_headers(Role.member, region="PT11"))
        assert response.status_code == 200
        body = response.json()
        assert [r["code"] for r in body["items"]] == PARTNER_REGIONS
        assert body["next_cursor"] is None
        toscana = next(r for r in body["items"] if r["code"] == "ITI1")
        assert toscana["clusters"][0]["acronym"] == "OTIR2020"
        assert toscana["clusters"][0]["is_coordinator"] is True
        assert toscana["label_point"] == {"lon": 11.131, "lat": 43.479}
        assert toscana["nuts_uri"] == "http://data.europa.eu/nuts/code/ITI1"

    async def test_pages_follow_the_cursor_without_gaps_or_repeats(self, client, identity_headers):
        headers = identity_headers()
        seen, cursor = [], None
        while True:
            params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
            body = (await client.get("/regions", params=params, headers=headers)).json()
            seen += [r["code"] for r in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == PARTNER_REGIONS

    async def test_limit_above_the_cap_is_a_422_problem_naming_the_field(self, client, identity_headers):
        response = await client.get("/regions", params={"limit": 5000}, headers=identity_headers())
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert [e["field"] for e in response.json()["errors"]] == ["query.limit"]

    async def test_a_cursor_not_handed_out_is_a_422_problem(self, client, identity_headers):
        response = await client.get("/regions", params={"cursor": "bm9wZQ"}, headers=identity_headers())
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"


class TestAnonymousReading:
    """Regions are public reference data: a visitor without a token reads them too."""

    async def test_an_anonymous_visitor_lists_the_regions(self, client):
        response = await client.get("/regions")
        assert response.status_code == 200
        assert [r["code"] for r in response.json()["items"]] == PARTNER_REGIONS

    async def test_an_anonymous_visitor_reads_a_region_with_its_indicators(self, client):
        region = (await client.get("/regions/ITI1")).json()
        assert [(i["code"], i["year"]) for i in region["indicators"]] == [
            ("cluster_members", 2019), ("textile_employees", 2021), ("textile_local_units", 2021),
        ]
        employees = region["indicators"][1]
        assert employees == {
            "id": employees["id"],
            "code": "textile_employees",
            "label": "Employees in textiles",
            "value": "41251",
            "unit": "persons",
            "year": 2021,
            "scope": "Prato textile district; 2021 survey",
            "quality": "secondary",
            "source": "Confindustria Toscana Nord, reported by il manifesto, 2024-10-17",
            "source_url": None,
        }
        assert region["s3_priorities"] == []

    async def test_a_national_figure_says_it_is_not_the_region(self, client):
        region = (await client.get("/regions/PT11")).json()
        employees = next(i for i in region["indicators"] if i["code"] == "textile_employees")
        assert employees["value"] == "124536"
        assert employees["scope"] == "Portugal (national, not the region); 2023 (INE/ATP)"


class TestGetRegion:
    async def test_figures_carry_scope_year_and_source(self, client, identity_headers):
        response = await client.get("/regions/es52", headers=identity_headers(Role.cluster_manager, region="ES52"))
        assert response.status_code == 200
        region = response.json()
        assert region["name"] == "Comunitat Valenciana"
        first = region["figures"][0]
        assert first == {
            "statement": "1,424 companies; 23,188 jobs in textiles & clothing",
            "scope": "Comunitat Valenciana; 2017 (provisional)",
            "year": 2017,
            "source": "CITYC, reported 2018-01-31",
        }

    async def test_a_figure_without_a_stated_year_says_so(self, client, identity_headers):
        region = (await client.get("/regions/RO21", headers=identity_headers())).json()
        assert region["figures"][0]["year"] is None
        assert "year not stated" in region["figures"][0]["scope"]

    async def test_unknown_region_is_a_404_problem(self, client, identity_headers):
        response = await client.get("/regions/DE11", headers=identity_headers())
        assert response.status_code == 404
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:not-found"
        assert "DE11" in problem["detail"]

    async def test_malformed_code_is_a_422_problem(self, client, identity_headers):
        response = await client.get("/regions/not-a-code", headers=identity_headers())
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "path.code"
