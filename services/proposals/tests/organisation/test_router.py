"""The partner picker's search over the organisation copy, and the sync's state for the admin."""

import uuid

import httpx
import pytest
from tex4im_common.identity import Identity, Role

from tests import factories

from .conftest import RecordedFeed

LANIFICIO = uuid.UUID("00000000-0000-4000-8000-00000000b001")


@pytest.fixture
def member(identity_headers):
    return identity_headers(Role.member, region="PT11", organisation_id=uuid.uuid4(), subject="member-norte")


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


@pytest.fixture
def manager(identity_headers):
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")


@pytest.fixture
async def registry(session):
    """Five live organisations, one merged away, one deleted."""
    made = {}
    for name, region in [("Lanificio Demo Prato", "ITI1"), ("Tessitura Demo Biella", "ITC1"),
                         ("Fiação Demo do Ave", "PT11"), ("Malhas Demo Norte", "PT11"), ("100%_Recycled Demo", "ES52")]:
        made[name] = await factories.organisation(session, name=name, region=region)
    await factories.organisation(session, name="Lanificio Demo Old", region="ITI1",
                                 merged_into_id=made["Lanificio Demo Prato"].id)
    await factories.organisation(session, name="Lanificio Demo Gone", region="ITI1", deleted=True)
    return made


class TestSearch:
    async def test_a_member_finds_organisations_by_part_of_their_name_in_any_case(self, client, member, registry):
        response = await client.get("/organisations", params={"q": "LANIFICIO"}, headers=member)
        assert response.status_code == 200
        lanificio = registry["Lanificio Demo Prato"]
        assert response.json() == {"items": [{"id": str(lanificio.id), "name": "Lanificio Demo Prato",
                                              "kind": "company", "region_code": "ITI1"}], "next_cursor": None}

    async def test_the_region_narrows_the_list_and_names_come_in_order(self, client, member, registry):
        response = await client.get("/organisations", params={"region": "pt11"}, headers=member)
        assert [o["name"] for o in response.json()["items"]] == ["Fiação Demo do Ave", "Malhas Demo Norte"]

    async def test_wildcards_in_the_query_are_plain_characters(self, client, member, registry):
        response = await client.get("/organisations", params={"q": "0%_r"}, headers=member)
        assert [o["name"] for o in response.json()["items"]] == ["100%_Recycled Demo"]
        response = await client.get("/organisations", params={"q": "%"}, headers=member)
        assert [o["name"] for o in response.json()["items"]] == ["100%_Recycled Demo"]

    async def test_pages_follow_each_other_without_gaps(self, client, member, registry):
        first = (await client.get("/organisations", params={"q": "demo", "limit": 2}, headers=member)).json()
        second = (await client.get("/organisations", params={"q": "demo", "limit": 2,
                                                             "cursor": first["next_cursor"]}, headers=member)).json()
        third = (await client.get("/organisations", params={"q": "demo", "limit": 2,
                                                            "cursor": second["next_cursor"]}, headers=member)).json()
        names = [o["name"] for page in (first, second, third) for o in page["items"]]
        assert names == ["100%_Recycled Demo", "Fiação Demo do Ave", "Lanificio Demo Prato", "Malhas Demo Norte",
                         "Tessitura Demo Biella"]
        assert third["next_cursor"] is None

    async def test_an_invalid_region_is_a_422_naming_it(self, client, member):
        response = await client.get("/organisations", params={"region": "Toscana"}, headers=member)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["query.region"]

    async def test_visitors_and_machines_cannot_search(self, client, identity_signer, service_spec):
        assert (await client.get("/organisations")).status_code == 401
        token = identity_signer.sign(Identity(subject="service:matchmaking", kind="client"),
                                     audience=service_spec.name)
        response = await client.get("/organisations", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    async def test_a_user_outside_the_partnership_is_refused(self, client, identity_signer, service_spec):
        token = identity_signer.sign(Identity(subject="stranger"), audience=service_spec.name)
        response = await client.get("/organisations", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 403
        assert response.json()["detail"] == "Only members of the partnership may do this."


class TestSyncStatus:
    async def test_before_any_poll_the_admin_sees_an_empty_state(self, client, admin):
        response = await client.get("/organisations/sync-status", headers=admin)
        assert response.status_code == 200
        assert response.json() == {"feed": "intelligence", "running": False, "cursor": None, "events_applied": 0,
                                   "last_error": None, "updated_at": None}

    async def test_the_admin_sees_how_far_the_copy_has_read(self, app, client, admin, feed: RecordedFeed, follower):
        app.state.organisation_follower = follower
        feed.organisation("organisation.created", LANIFICIO, version=1)
        feed.add("opportunity.published", {"id": "x"})
        await follower.catch_up()
        body = (await client.get("/organisations/sync-status", headers=admin)).json()
        assert {k: body[k] for k in ("running", "cursor", "events_applied", "last_error")} == {
            "running": True, "cursor": "2", "events_applied": 2, "last_error": None}
        assert body["updated_at"].endswith("Z")

    async def test_managers_and_members_may_not_see_it(self, client, manager, member):
        assert (await client.get("/organisations/sync-status", headers=manager)).status_code == 403
        assert (await client.get("/organisations/sync-status", headers=member)).status_code == 403


class TestSyncNow:
    async def test_the_admin_brings_the_copy_up_to_date_at_once(self, app, client, admin, session, feed, follower):
        app.state.organisation_follower = follower
        for n in range(7):
            feed.organisation("organisation.created", uuid.UUID(int=n + 1), version=1, name=f"Org {n}")
        response = await client.post("/organisations/sync", headers=admin)
        assert response.status_code == 200
        assert (response.json()["events_applied"], response.json()["cursor"]) == (7, "7")
        names = (await client.get("/organisations", params={"q": "org "}, headers=admin)).json()["items"]
        assert len(names) == 7

    async def test_without_the_sync_configured_it_is_a_503(self, client, admin):
        response = await client.post("/organisations/sync", headers=admin)
        assert response.status_code == 503
        assert response.json()["detail"] == "The organisation sync is not configured on this instance (see its log)."

    async def test_only_the_admin_may_start_it(self, app, client, manager, follower):
        app.state.organisation_follower = follower
        response = await client.post("/organisations/sync", headers=manager)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may start the organisation sync."

    async def test_a_failing_feed_is_a_502_saying_why(self, app, client, admin, feed: RecordedFeed, follower):
        app.state.organisation_follower = follower
        feed.failing = httpx.Response(503, json={"status": 503, "title": "Service unavailable",
                                                 "detail": "The database could not complete the request."})
        response = await client.post("/organisations/sync", headers=admin)
        assert response.status_code == 502
        assert response.json()["detail"] == (
            "The intelligence feed could not be applied: the feed answered 503: "
            "The database could not complete the request.")
        # (the follower records it as last_error in its own transaction: see test_sync and the common tests)
