from tests.search.builders import add, days_ago, days_from_today, opportunity, organisation


async def all_pages(client, path, params):
    pages, cursor = [], None
    while True:
        body = (await client.get(path, params=params | ({"cursor": cursor} if cursor else {}))).json()
        pages.append([i["id"] for i in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


class TestPagination:
    async def test_ranked_pages_with_equal_ranks_neither_repeat_nor_skip(self, client, session):
        await add(session, *(opportunity(title="Seamless knitting", summary="Whole garment.") for _ in range(7)))
        single = (await client.get("/search/opportunities", params={"q": "knitting", "limit": 50})).json()
        pages = await all_pages(client, "/search/opportunities", {"q": "knitting", "limit": 3})
        assert [len(p) for p in pages] == [3, 3, 1]
        assert [i for p in pages for i in p] == [i["id"] for i in single["items"]]
        assert single["total"] == 7

    async def test_unranked_pages_follow_deadline_then_newest(self, client, session):
        await add(
            session,
            *(opportunity(title=f"Dated {n}", deadline=days_from_today(n % 3)) for n in range(5)),
            *(opportunity(title=f"Open-ended {n}", created_at=days_ago(n)) for n in range(4)),
        )
        single = (await client.get("/search/opportunities", params={"limit": 50})).json()
        pages = await all_pages(client, "/search/opportunities", {"limit": 2})
        assert [i for p in pages for i in p] == [i["id"] for i in single["items"]]
        assert [i["title"] for i in single["items"]][5:] == ["Open-ended 0", "Open-ended 1", "Open-ended 2",
                                                              "Open-ended 3"]

    async def test_a_record_added_between_pages_does_not_repeat_an_item(self, client, session):
        await add(session, *(opportunity(title="Wool felt", deadline=days_from_today(20 + n)) for n in range(4)))
        first = (await client.get("/search/opportunities", params={"limit": 2})).json()
        await add(session, opportunity(title="Wool felt early", deadline=days_from_today(1)))
        second = (await client.get("/search/opportunities", params={"limit": 2, "cursor": first["next_cursor"]})).json()
        seen = [i["id"] for i in first["items"]] + [i["id"] for i in second["items"]]
        assert len(set(seen)) == 4
        assert [i["deadline"] for i in second["items"]] == [days_from_today(22).isoformat(),
                                                            days_from_today(23).isoformat()]

    async def test_organisation_pages_follow_the_name(self, client, session):
        await add(session, *(organisation(name=f"Mill {letter}") for letter in "EDCBA"))
        pages = await all_pages(client, "/search/organisations", {"limit": 2})
        body = (await client.get("/search/organisations", params={"limit": 50})).json()
        assert [i["name"] for i in body["items"]] == ["Mill A", "Mill B", "Mill C", "Mill D", "Mill E"]
        assert [i for p in pages for i in p] == [i["id"] for i in body["items"]]

    async def test_a_cursor_of_another_search_is_refused(self, client, session):
        await add(session, *(opportunity(title="Lace") for _ in range(3)))
        first = (await client.get("/search/opportunities", params={"limit": 1})).json()
        response = await client.get(
            "/search/opportunities", params={"limit": 1, "kind": "tender", "cursor": first["next_cursor"]}
        )
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "query.cursor", "message": "the cursor belongs to a search with other criteria",
             "code": "cursor_invalid"}
        ]

    async def test_a_forged_cursor_is_refused(self, client):
        response = await client.get("/search/opportunities", params={"cursor": "not-a-cursor"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"

    async def test_the_limit_is_capped_at_200(self, client):
        response = await client.get("/search/organisations", params={"limit": 201})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["query.limit"]
