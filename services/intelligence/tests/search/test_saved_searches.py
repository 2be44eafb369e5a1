from datetime import UTC, datetime, timedelta

from intelligence.search.models import SavedSearch
from sqlalchemy import update
from tests.search.builders import add, days_ago, opportunity, organisation
from tex4im_common.identity import Role

OWNER = "00000000-0000-0000-0000-0000000000a1"
STRANGER = "00000000-0000-0000-0000-0000000000b2"
NORTE_CIRCULAR = {
    "name": "Norte circular", "target": "opportunities",
    "criteria": {"region": ["pt11"], "priority": ["circular_economy"]},
}


def flags(body):
    return {i["title"]: i["is_new"] for i in body["items"]}


async def looked_yesterday(session, saved_search_id):
    """As if the owner last looked a day ago."""
    await session.execute(
        update(SavedSearch).where(SavedSearch.id == saved_search_id)
        .values(last_seen_at=datetime.now(UTC) - timedelta(days=1))
    )


class TestNewSinceLastLook:
    async def test_new_and_newly_published_matches_are_flagged_until_seen(self, client, session, identity_headers):
        headers = identity_headers(Role.member, region="PT11", subject=OWNER)
        circular = {"region_codes": ["PT11"], "priorities": ["circular_economy"]}
        await add(session, opportunity(title="Old", created_at=days_ago(10), **circular),
                  opportunity(title="Elsewhere", region_codes=["ES52"], priorities=["circular_economy"]))
        created = await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)
        assert created.status_code == 201
        saved = created.json()
        assert (saved["name"], saved["new_count"]) == ("Norte circular", 0)
        assert saved["criteria"] == {"region": ["PT11"], "priority": ["circular_economy"]}

        await looked_yesterday(session, saved["id"])
        await add(
            session,
            opportunity(title="Fresh", created_at=days_ago(0.5), **circular),
            opportunity(title="Published today", created_at=days_ago(20), published_at=days_ago(0.5), **circular),
        )
        results = (await client.get(f"/saved-searches/{saved['id']}/results", headers=headers)).json()
        assert flags(results) == {"Fresh": True, "Published today": True, "Old": False}
        assert (results["total"], results["new_count"], results["target"]) == (3, 2, "opportunities")
        listed = (await client.get("/saved-searches", headers=headers)).json()
        assert [(s["name"], s["new_count"]) for s in listed["items"]] == [("Norte circular", 2)]

        seen = await client.post(f"/saved-searches/{saved['id']}/seen", headers=headers)
        assert (seen.status_code, seen.json()["new_count"]) == (200, 0)
        results = (await client.get(f"/saved-searches/{saved['id']}/results", headers=headers)).json()
        assert flags(results) == {"Fresh": False, "Published today": False, "Old": False}
        assert results["new_count"] == 0

    async def test_a_saved_organisation_search_flags_new_organisations(self, client, session, identity_headers):
        headers = identity_headers(Role.member, subject=OWNER)
        await add(session, organisation(name="Old Mill", size_class="small", created_at=days_ago(30)))
        body = {"name": "Small firms", "target": "organisations", "criteria": {"size_class": ["small"]}}
        saved = (await client.post("/saved-searches", json=body, headers=headers)).json()
        await looked_yesterday(session, saved["id"])
        await add(session, organisation(name="New Mill", size_class="small", created_at=days_ago(0.5)),
                  organisation(name="Big Mill", size_class="large", created_at=days_ago(0.5)))
        results = (await client.get(f"/saved-searches/{saved['id']}/results", headers=headers)).json()
        assert {i["name"]: i["is_new"] for i in results["items"]} == {"New Mill": True, "Old Mill": False}
        assert results["new_count"] == 1


class TestOwnership:
    async def test_anonymous_visitors_must_sign_in(self, client):
        assert (await client.get("/saved-searches")).status_code == 401
        response = await client.post("/saved-searches", json=NORTE_CIRCULAR)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"

    async def test_another_user_is_told_it_does_not_exist(self, client, identity_headers):
        owner = identity_headers(Role.member, subject=OWNER)
        stranger = identity_headers(Role.consortium_admin, subject=STRANGER)
        saved = (await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=owner)).json()
        path = f"/saved-searches/{saved['id']}"
        for method, url in [("GET", path), ("PATCH", path), ("DELETE", path), ("GET", f"{path}/results"),
                            ("POST", f"{path}/seen")]:
            response = await client.request(method, url, headers=stranger, json={"name": "Mine"}
                                            if method == "PATCH" else None)
            assert response.status_code == 404, (method, url)
            assert response.json()["title"] == "Saved search not found"
        assert (await client.get("/saved-searches", headers=stranger)).json()["items"] == []
        assert (await client.get(path, headers=owner)).json()["name"] == "Norte circular"

    async def test_a_retried_create_with_the_same_key_saves_once(self, client, identity_headers):
        headers = identity_headers(Role.member, subject=OWNER) | {"Idempotency-Key": "saved-search-0001"}
        first = await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)
        again = await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)
        assert (first.status_code, again.status_code) == (201, 201)
        assert first.json()["id"] == again.json()["id"]
        listed = (await client.get("/saved-searches", headers=identity_headers(Role.member, subject=OWNER))).json()
        assert len(listed["items"]) == 1


class TestCriteriaValidation:
    async def test_criteria_are_checked_like_the_search_query(self, client, identity_headers):
        body = {"name": "Bad", "target": "opportunities",
                "criteria": {"region": ["Norte"], "colour": "red", "deadline_from": "2027-02-01",
                             "deadline_to": "2027-01-01"}}
        response = await client.post("/saved-searches", json=body, headers=identity_headers())
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [
            "body.criteria.colour", "body.criteria.region.0", "body.criteria.deadline_to"
        ]

    async def test_a_filter_of_the_other_search_is_refused(self, client, identity_headers):
        body = {"name": "Mixed", "target": "organisations", "criteria": {"status": ["open"]}}
        response = await client.post("/saved-searches", json=body, headers=identity_headers())
        assert response.status_code == 422
        assert response.json()["errors"][0] == {
            "field": "body.criteria.status", "message": "not a filter of the organisations search",
            "code": "extra_forbidden",
        }


class TestChanges:
    async def test_rename_and_change_criteria(self, client, identity_headers):
        headers = identity_headers(subject=OWNER)
        saved = (await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)).json()
        path = f"/saved-searches/{saved['id']}"
        changed = await client.patch(path, json={"name": "Norte tenders", "criteria": {"kind": ["tender"]}},
                                     headers=headers)
        assert changed.status_code == 200
        assert (changed.json()["name"], changed.json()["criteria"]) == ("Norte tenders", {"kind": ["tender"]})
        renamed = (await client.patch(path, json={"name": "Tenders"}, headers=headers)).json()
        assert renamed["criteria"] == {"kind": ["tender"]}

    async def test_a_new_target_needs_new_criteria(self, client, identity_headers):
        headers = identity_headers(subject=OWNER)
        saved = (await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)).json()
        path = f"/saved-searches/{saved['id']}"
        response = await client.patch(path, json={"target": "organisations"}, headers=headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.criteria"
        moved = await client.patch(path, json={"target": "organisations", "criteria": {"size_class": ["micro"]}},
                                   headers=headers)
        assert (moved.json()["target"], moved.json()["criteria"]) == ("organisations", {"size_class": ["micro"]})

    async def test_delete(self, client, identity_headers):
        headers = identity_headers(subject=OWNER)
        saved = (await client.post("/saved-searches", json=NORTE_CIRCULAR, headers=headers)).json()
        assert (await client.delete(f"/saved-searches/{saved['id']}", headers=headers)).status_code == 204
        assert (await client.get(f"/saved-searches/{saved['id']}", headers=headers)).status_code == 404
