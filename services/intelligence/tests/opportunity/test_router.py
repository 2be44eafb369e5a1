import uuid

from intelligence.opportunity.models import Opportunity
from sqlalchemy import func, select

ANY_ID = "00000000-0000-4000-8000-000000000999"
DISPLAY_FIELDS = {"id", "kind", "title", "status", "visibility", "region_codes", "priorities", "deadline", "link",
                  "owner_region_code", "version"}


class TestPublish:
    async def test_norte_manager_publishes_an_open_opportunity_for_their_region(
        self, client, norte_manager, new_opportunity, events_of
    ):
        response = await client.post("/opportunities", json=new_opportunity(
            region_codes=["pt11", "EL30"], nace_codes=["c13.20"], value_chain=["yarn", "fabric"],
            point={"lon": -8.296, "lat": 41.444}, budget_eur="250000.50", link="https://example.eu/o/1",
        ), headers=norte_manager)
        assert response.status_code == 201
        created = response.json()
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/opportunities/{created['id']}"
        assert created["owner_region_code"] == "PT11"  # the one region the manager looks after
        assert created["region_codes"] == ["PT11", "EL30"]
        assert created["country_codes"] == ["PT", "EL"]
        assert created["nace_codes"] == ["C13.20"]
        assert created["point"] == {"lon": -8.296, "lat": 41.444}
        assert created["budget_eur"] == "250000.50"
        assert created["status"] == "open"
        assert created["published_at"] is not None
        assert created["interest"] == {"expressed": False, "message": None, "expressed_at": None}
        assert created["interest_count"] == 0
        [(kind, payload)] = await events_of(created["id"])
        assert kind == "opportunity.published"
        assert set(payload) == DISPLAY_FIELDS
        assert payload["deadline"] == "2030-06-30"

    async def test_a_draft_is_recorded_as_created_and_not_published(
        self, client, norte_manager, new_opportunity, events_of
    ):
        created = (await client.post("/opportunities", json=new_opportunity(status="draft"),
                                     headers=norte_manager)).json()
        assert created["status"] == "draft"
        assert created["published_at"] is None
        assert [kind for kind, _ in await events_of(created["id"])] == ["opportunity.created"]

    async def test_manager_cannot_publish_for_another_region(self, client, toscana_manager, new_opportunity):
        response = await client.post("/opportunities", json=new_opportunity(owner_region_code="PT11"),
                                     headers=toscana_manager)
        assert response.status_code == 403
        assert response.json()["detail"] == (
            "Only the cluster managers of region PT11 and the consortium admin may publish opportunities for it."
        )

    async def test_admin_must_name_the_owner_region(self, client, admin, new_opportunity):
        response = await client.post("/opportunities", json=new_opportunity(), headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.owner_region_code"
        response = await client.post("/opportunities", json=new_opportunity(owner_region_code="SE23"), headers=admin)
        assert response.status_code == 201
        assert response.json()["owner_region_code"] == "SE23"

    async def test_members_and_visitors_cannot_publish(self, client, member, new_opportunity):
        assert (await client.post("/opportunities", json=new_opportunity(), headers=member)).status_code == 403
        assert (await client.post("/opportunities", json=new_opportunity())).status_code == 401

    async def test_invalid_fields_are_named(self, client, norte_manager, new_opportunity):
        response = await client.post("/opportunities", json=new_opportunity(
            kind="joint_venture", region_codes=[], priorities=["sustainability"], budget_eur="-5", status="closed",
        ), headers=norte_manager)
        assert response.status_code == 422
        assert sorted(e["field"] for e in response.json()["errors"]) == [
            "body.budget_eur", "body.kind", "body.priorities.0", "body.region_codes", "body.status",
        ]

    async def test_publishing_organisation_must_exist(self, client, norte_manager, new_opportunity, organisation):
        response = await client.post("/opportunities", json=new_opportunity(organisation_id=ANY_ID),
                                     headers=norte_manager)
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "body.organisation_id", "message": f"no organisation {ANY_ID}", "code": "not_found"}
        ]
        response = await client.post("/opportunities", json=new_opportunity(organisation_id=str(organisation.id)),
                                     headers=norte_manager)
        assert response.json()["organisation_id"] == str(organisation.id)


class TestIdempotentPublish:
    async def test_a_retry_with_the_same_key_creates_one_record(self, client, session, norte_manager, new_opportunity):
        headers = norte_manager | {"Idempotency-Key": "publish-yarn-request-1"}
        first = await client.post("/opportunities", json=new_opportunity(), headers=headers)
        again = await client.post("/opportunities", json=new_opportunity(), headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        assert await session.scalar(select(func.count()).select_from(Opportunity)) == 1

    async def test_the_same_key_for_another_body_is_refused(self, client, norte_manager, new_opportunity):
        headers = norte_manager | {"Idempotency-Key": "publish-yarn-request-2"}
        await client.post("/opportunities", json=new_opportunity(), headers=headers)
        response = await client.post("/opportunities", json=new_opportunity(title="Other"), headers=headers)
        assert response.status_code == 422
        assert response.json()["type"] == "urn:tex4im:problem:idempotency-key-reused"


class TestWhoSeesWhat:
    async def test_visitor_sees_only_public_open_opportunities(self, client, publish):
        public = await publish(deadline="2030-01-10")
        await publish(visibility="consortium", deadline="2030-01-11")
        await publish(status="draft", deadline="2030-01-12")
        listed = (await client.get("/opportunities")).json()
        assert [o["id"] for o in listed["items"]] == [public["id"]]

    async def test_consortium_only_never_reaches_a_visitor(self, client, publish):
        hidden = await publish(visibility="consortium")
        response = await client.get(f"/opportunities/{hidden['id']}")
        assert response.status_code == 404
        for params in ({}, {"status": "open"}, {"region": "PT11"}, {"kind": "technology_request"}):
            assert (await client.get("/opportunities", params=params)).json()["items"] == []

    async def test_member_sees_consortium_ones_but_not_drafts(self, client, publish, other_member):
        shared = await publish(visibility="consortium")
        draft = await publish(status="draft")
        listed = (await client.get("/opportunities", headers=other_member)).json()["items"]
        assert [o["id"] for o in listed] == [shared["id"]]
        assert (await client.get("/opportunities", params={"status": "draft"}, headers=other_member)).json() == {
            "items": [], "next_cursor": None,
        }
        assert (await client.get(f"/opportunities/{draft['id']}", headers=other_member)).status_code == 404

    async def test_drafts_only_to_the_owner_region_managers_and_the_admin(
        self, client, publish, toscana_manager, norte_manager, admin
    ):
        draft = await publish(status="draft")
        for headers, seen in ((norte_manager, True), (admin, True), (toscana_manager, False)):
            listed = (await client.get("/opportunities", params={"status": "draft"}, headers=headers)).json()
            assert [o["id"] for o in listed["items"]] == ([draft["id"]] if seen else [])
            status = (await client.get(f"/opportunities/{draft['id']}", headers=headers)).status_code
            assert status == (200 if seen else 404)

    async def test_detail_carries_an_etag_and_no_interest_for_a_visitor(self, client, publish):
        created = await publish()
        response = await client.get(f"/opportunities/{created['id']}")
        assert response.headers["etag"] == '"1"'
        assert response.json()["interest"] is None
        assert response.json()["interest_count"] is None
        assert response.json()["budget_eur"] is None

    async def test_unknown_opportunity_is_a_404_problem(self, client):
        response = await client.get(f"/opportunities/{ANY_ID}")
        assert response.status_code == 404
        assert response.json()["type"] == "urn:tex4im:problem:not-found"


class TestListing:
    async def test_soonest_deadline_first_open_ended_last_across_pages(self, client, publish):
        late = await publish(deadline="2030-09-01")
        open_ended = await publish(deadline=None)
        soon = await publish(deadline="2030-02-01")
        seen, cursor = [], None
        while True:
            params = {"limit": 1} | ({"cursor": cursor} if cursor else {})
            page = (await client.get("/opportunities", params=params)).json()
            seen += [o["id"] for o in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [soon["id"], late["id"], open_ended["id"]]

    async def test_filters_by_kind_region_and_organisation(self, client, publish, organisation):
        call = await publish(kind="funding_call", region_codes=["ITI1", "PT11"], organisation_id=str(organisation.id))
        await publish(kind="tender", region_codes=["ES52"], owner_region_code="PT11")
        assert [o["id"] for o in (await client.get("/opportunities", params={"kind": "funding_call"})).json()[
            "items"]] == [call["id"]]
        assert [o["id"] for o in (await client.get("/opportunities", params={"region": "iti1"})).json()[
            "items"]] == [call["id"]]
        assert [o["id"] for o in (await client.get(
            "/opportunities", params={"organisation_id": str(organisation.id)})).json()["items"]] == [call["id"]]

    async def test_a_cursor_not_handed_out_is_a_422_problem(self, client):
        response = await client.get("/opportunities", params={"cursor": "bm9wZQ"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"


class TestChange:
    async def test_owner_manager_changes_fields_with_if_match(self, client, publish, norte_manager, events_of):
        created = await publish()
        response = await client.patch(f"/opportunities/{created['id']}", json={"title": "Recycled PA6 yarn wanted",
                                      "budget_eur": 1200, "region_codes": ["PT11", "ES52"]},
                                      headers=norte_manager | {"If-Match": '"1"'})
        assert response.status_code == 200
        changed = response.json()
        assert response.headers["etag"] == '"2"'
        assert (changed["title"], changed["budget_eur"], changed["country_codes"]) == (
            "Recycled PA6 yarn wanted", "1200.00", ["PT", "ES"],
        )
        assert [kind for kind, _ in await events_of(created["id"])] == ["opportunity.published", "opportunity.updated"]

    async def test_a_stale_if_match_is_412_and_changes_nothing(self, client, publish, norte_manager):
        created = await publish()
        await client.patch(f"/opportunities/{created['id']}", json={"title": "First"}, headers=norte_manager)
        response = await client.patch(f"/opportunities/{created['id']}", json={"title": "Second"},
                                      headers=norte_manager | {"If-Match": '"1"'})
        assert response.status_code == 412
        assert response.json()["current_etag"] == '"2"'
        assert (await client.get(f"/opportunities/{created['id']}")).json()["title"] == "First"

    async def test_other_region_manager_gets_403_and_a_member_403(
        self, client, publish, toscana_manager, member, admin
    ):
        created = await publish()
        for headers in (toscana_manager, member):
            response = await client.patch(f"/opportunities/{created['id']}", json={"title": "x"}, headers=headers)
            assert response.status_code == 403
        assert (await client.patch(f"/opportunities/{created['id']}", json={"title": "By the admin"},
                                   headers=admin)).json()["title"] == "By the admin"

    async def test_required_fields_cannot_be_cleared(self, client, publish, norte_manager):
        created = await publish()
        response = await client.patch(f"/opportunities/{created['id']}", json={"title": None}, headers=norte_manager)
        assert response.status_code == 422
        assert "title cannot be cleared" in response.json()["errors"][0]["message"]

    async def test_handing_over_needs_the_new_region_too(self, client, publish, norte_manager):
        created = await publish()
        response = await client.patch(f"/opportunities/{created['id']}", json={"owner_region_code": "ITI1"},
                                      headers=norte_manager)
        assert response.status_code == 403


class TestStatus:
    async def patch_status(self, client, headers, opportunity_id, status, **more):
        return await client.patch(f"/opportunities/{opportunity_id}", json={"status": status} | more, headers=headers)

    async def test_publishing_a_draft_sets_published_at(self, client, publish, norte_manager, events_of):
        draft = await publish(status="draft")
        response = await self.patch_status(client, norte_manager, draft["id"], "open")
        assert response.json()["status"] == "open"
        assert response.json()["published_at"] is not None
        assert [k for k, _ in await events_of(draft["id"])] == ["opportunity.created", "opportunity.published"]

    async def test_closing_records_closed_and_reopening_before_the_deadline_works(
        self, client, publish, norte_manager, events_of
    ):
        created = await publish(deadline="2030-06-30")
        assert (await self.patch_status(client, norte_manager, created["id"], "closed")).json()["status"] == "closed"
        assert (await self.patch_status(client, norte_manager, created["id"], "open")).json()["status"] == "open"
        assert [k for k, _ in await events_of(created["id"])] == [
            "opportunity.published", "opportunity.closed", "opportunity.updated",
        ]

    async def test_reopening_after_the_deadline_is_409_unless_it_moves(self, client, publish, norte_manager):
        created = await publish(deadline="2020-01-31")
        await self.patch_status(client, norte_manager, created["id"], "closed")
        response = await self.patch_status(client, norte_manager, created["id"], "open")
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "The deadline (2020-01-31) has passed: move it to a later date to reopen the opportunity."
        )
        moved = await self.patch_status(client, norte_manager, created["id"], "open", deadline="2030-01-31")
        assert moved.json()["status"] == "open"

    async def test_an_archived_opportunity_cannot_be_reopened(self, client, publish, norte_manager):
        created = await publish()
        assert (await self.patch_status(client, norte_manager, created["id"], "archived")).status_code == 200
        response = await self.patch_status(client, norte_manager, created["id"], "open")
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:opportunity-transition-not-allowed"

    async def test_an_open_one_cannot_go_back_to_draft(self, client, publish, norte_manager):
        created = await publish()
        response = await self.patch_status(client, norte_manager, created["id"], "draft")
        assert response.status_code == 409
        assert response.json()["detail"].startswith("An opportunity cannot go from open to draft")

    async def test_archived_ones_leave_the_default_list(self, client, publish, norte_manager):
        created = await publish()
        await self.patch_status(client, norte_manager, created["id"], "archived")
        assert (await client.get("/opportunities")).json()["items"] == []
        archived = (await client.get("/opportunities", params={"status": "archived"})).json()["items"]
        assert [o["id"] for o in archived] == [created["id"]]


class TestUnknownIds:
    async def test_patching_an_unknown_id_is_404(self, client, norte_manager):
        response = await client.patch(f"/opportunities/{uuid.uuid4()}", json={"title": "x"}, headers=norte_manager)
        assert response.status_code == 404
