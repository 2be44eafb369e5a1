import pytest
from tests.call.conftest import phases

ANY_ID = "00000000-0000-4000-8000-000000000999"
VISITORS = ["anonymous", "member", "manager"]


@pytest.fixture
def people(admin, manager, member):
    return {"anonymous": {}, "member": member, "manager": manager, "admin": admin}


class TestDraftVisibility:
    @pytest.mark.parametrize("who", VISITORS)
    async def test_a_draft_does_not_exist_for_anyone_but_the_admin(self, client, create_call, people, who):
        draft = await create_call()
        for path in ("", "/pipeline", "/targets"):
            response = await client.get(f"/calls/{draft['id']}{path}", headers=people[who])
            assert response.status_code == 404
            assert response.json()["detail"] == f"There is no call {draft['id']} that you may see."
        listed = (await client.get("/calls", headers=people[who])).json()
        assert listed == {"items": [], "next_cursor": None}
        listed = (await client.get("/calls", params={"status": "draft"}, headers=people[who])).json()
        assert listed["items"] == []

    async def test_the_admin_sees_drafts(self, client, create_call, admin):
        draft = await create_call()
        response = await client.get(f"/calls/{draft['id']}", headers=admin)
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        assert [c["id"] for c in (await client.get("/calls", headers=admin)).json()["items"]] == [draft["id"]]

    @pytest.mark.parametrize("who", [*VISITORS, "admin"])
    async def test_published_and_archived_calls_are_public(self, client, create_call, people, who):
        published = await create_call(status="published", code="TEX4IM-2027-1")
        archived = await create_call(status="archived", code="TEX4IM-2026-1")
        for call in (published, archived):
            response = await client.get(f"/calls/{call['id']}", headers=people[who])
            assert response.status_code == 200
            assert response.json()["status"] == call["status"]
        listed = (await client.get("/calls", headers=people[who])).json()["items"]
        assert [c["code"] for c in listed] == ["TEX4IM-2027-1", "TEX4IM-2026-1"]

    async def test_an_unknown_call_is_a_404_problem(self, client, admin):
        response = await client.get(f"/calls/{ANY_ID}", headers=admin)
        assert response.status_code == 404
        assert response.json()["type"] == "urn:tex4im:problem:not-found"


class TestListing:
    async def test_items_carry_the_phases_and_whether_submission_is_open(self, client, create_call):
        await create_call(status="published", code="OPEN-1")
        await create_call(status="published", code="CLOSED-1", phases=phases(submission_open=False))
        listed = (await client.get("/calls")).json()["items"]
        assert [(c["code"], c["submission_open"]) for c in listed] == [("OPEN-1", True), ("CLOSED-1", False)]
        assert set(listed[0]) == {"id", "code", "title", "kind", "year", "status", "phases", "submission_open",
                                  "eligible_priorities"}
        assert [p["kind"] for p in listed[0]["phases"]] == ["submission", "evaluation", "decision"]

    async def test_an_archived_call_is_not_open_even_inside_its_dates(self, client, create_call):
        archived = await create_call(status="archived")
        assert (await client.get(f"/calls/{archived['id']}")).json()["submission_open"] is False

    async def test_filters_by_status_kind_and_year(self, client, create_call, admin):
        dated = await create_call(status="published", code="DATED-1")
        await create_call(status="published", code="PERM-2030", kind="permanent", year=2030)
        await create_call(status="archived", code="OLD-1")
        await create_call(code="NEXT-1")

        async def codes(headers=None, **params):
            return [c["code"] for c in (await client.get("/calls", params=params, headers=headers)).json()["items"]]

        assert await codes(status="archived") == ["OLD-1"]
        assert await codes(kind="permanent") == ["PERM-2030"]
        assert await codes(kind="dated") == ["OLD-1", "DATED-1"]  # same creation time: by code, descending
        this_year = int(dated["phases"][0]["opens_at"][:4])
        assert await codes(year=this_year) == ["OLD-1", "DATED-1"]  # the year their submission opens
        assert await codes(year=2030) == ["PERM-2030"]  # the permanent call's round
        assert await codes(year=2031) == []
        assert await codes(admin, status="draft") == ["NEXT-1"]

    async def test_pages_follow_each_other_newest_first(self, client, create_call):
        for code in ("A-1", "B-1", "C-1"):
            await create_call(status="published", code=code)
        seen, cursor = [], None
        while True:
            params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
            page = (await client.get("/calls", params=params)).json()
            seen += [c["code"] for c in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == ["C-1", "B-1", "A-1"]  # created in one transaction: same time, then by code

    async def test_a_cursor_not_handed_out_is_a_422_problem(self, client):
        response = await client.get("/calls", params={"cursor": "bm9wZQ"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"
