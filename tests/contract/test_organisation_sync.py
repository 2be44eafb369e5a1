"""Services signing in as themselves, and the proposals copy of the organisation registry following intelligence.

The running platform: the gateway issues the proposals service a client token, proposals polls intelligence's
change feed with it, and a change made in the registry shows in the proposals partner picker shortly after.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

PROPOSALS = "/api/proposals"
INTELLIGENCE = "/api/intelligence"
# the follower polls every 5 s (PROPOSALS_ORGANISATION_SYNC_SECONDS); a change shows within a poll or two
SYNC_DEADLINE = 30.0


def _secret(stack: Any) -> str:
    return (stack.data_dir / "keys" / "service-client-proposals.secret").read_text().strip()


def _eventually(check: Callable[[], Any], *, what: str, deadline: float = SYNC_DEADLINE) -> Any:
    """The first truthy answer of `check`, polled until `deadline` seconds have passed."""
    ends = time.monotonic() + deadline
    while True:
        answer = check()
        if answer:
            return answer
        assert time.monotonic() < ends, f"{what} did not happen within {deadline} s"
        time.sleep(0.3)


class TestServiceCredentials:
    def test_a_service_gets_a_client_token_and_reads_another_services_feed_with_it(self, stack, gateway):
        response = gateway.post("/api/auth/service-token", data={
            "grant_type": "client_credentials", "client_id": "proposals", "client_secret": _secret(stack),
            "audience": "intelligence",
        })
        assert response.status_code == 200, response.text
        assert response.json()["token_type"] == "Bearer"
        bearer = {"Authorization": f"Bearer {response.json()['access_token']}"}
        feed = httpx.get(stack.service_urls["intelligence"] + "/events", params={"limit": 3}, headers=bearer)
        assert feed.status_code == 200
        assert len(feed.json()["items"]) == 3
        # addressed to intelligence only
        assert httpx.get(stack.service_urls["proposals"] + "/events", headers=bearer).status_code == 401

    def test_a_wrong_secret_gets_no_token(self, gateway):
        response = gateway.post("/api/auth/service-token", data={
            "client_id": "proposals", "client_secret": "not-the-secret-" + "x" * 32, "audience": "intelligence",
        })
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["error"] == "invalid_client"


class TestOrganisationCopy:
    def test_the_copy_has_read_the_whole_registry_feed(self, gateway, sign_in):
        csrf = sign_in(gateway, "admin@demo.tex4im.eu")

        def caught_up() -> dict[str, Any] | None:
            # reads the feed now, to its end, and reports how far the copy got
            response = gateway.post(f"{PROPOSALS}/organisations/sync", headers=csrf)
            return response.json() if response.status_code == 200 and response.json()["events_applied"] else None

        status = _eventually(caught_up, what="the first catch-up", deadline=60)
        assert (status["running"], status["last_error"]) == (True, None)
        # the demo company a Norte member works for, as the registry and the copy show it
        company = uuid.uuid5(uuid.NAMESPACE_URL, "urn:tex4im:demo-organisation:PT11:01")
        registry = gateway.get(f"{INTELLIGENCE}/organisations/{company}").json()
        copy = gateway.get(f"{PROPOSALS}/organisations", params={"q": registry["name"]}).json()["items"]
        assert {"id": str(company), "name": registry["name"], "kind": registry["kind"],
                "region_code": "PT11"} in copy

    def test_a_registry_change_reaches_the_partner_picker(self, gateway, sign_in):
        csrf = sign_in(gateway, "manager.pt11@demo.tex4im.eu")
        name = f"Contract Test Malhas {uuid.uuid4().hex[:8]}"
        created = gateway.post(f"{INTELLIGENCE}/organisations", headers=csrf, json={
            "name": name, "kind": "company", "country_code": "PT", "region_code": "PT11", "city": "Guimarães",
        })
        assert created.status_code == 201, created.text
        org = created.json()

        def picked(query: str) -> list[dict[str, Any]]:
            return gateway.get(f"{PROPOSALS}/organisations", params={"q": query}).json()["items"]

        assert _eventually(lambda: picked(name), what="the new organisation's copy") == [
            {"id": org["id"], "name": name, "kind": "company", "region_code": "PT11"}]

        renamed = gateway.patch(f"{INTELLIGENCE}/organisations/{org['id']}", json={"name": name + " Lda."},
                                headers={**csrf, "If-Match": created.headers["etag"]})
        assert renamed.status_code == 200, renamed.text
        assert _eventually(lambda: [o["name"] for o in picked(name)] == [name + " Lda."], what="the rename")

        deleted = gateway.delete(f"{INTELLIGENCE}/organisations/{org['id']}", headers=csrf)
        assert deleted.status_code == 204, deleted.text
        assert _eventually(lambda: picked(name) == [], what="the deletion")

    def test_a_merge_in_the_registry_leaves_one_organisation_in_the_picker(self, gateway, sign_in):
        csrf = sign_in(gateway, "manager.pt11@demo.tex4im.eu")
        vat = f"PT{uuid.uuid4().int % 10**9:09d}"
        names = [f"Contract Merge {vat} {side}" for side in ("A", "B")]
        ids = []
        for name in names:
            response = gateway.post(f"{INTELLIGENCE}/organisations", headers=csrf, json={
                "name": name, "kind": "company", "country_code": "PT", "region_code": "PT11", "vat_number": vat,
            })
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
        pairs = gateway.get(f"{INTELLIGENCE}/organisation-duplicates", params={"limit": 200}).json()["items"]
        [pair] = [p for p in pairs if {p["first"]["id"], p["second"]["id"]} == set(ids)]
        kept = pair["first"]["id"]
        merged = gateway.post(f"{INTELLIGENCE}/organisation-duplicates/{pair['id']}/merge", json={"keep": "first"},
                              headers=csrf)
        assert merged.status_code == 200, merged.text

        def picker() -> list[str]:
            items = gateway.get(f"{PROPOSALS}/organisations", params={"q": f"Contract Merge {vat}"}).json()["items"]
            return [o["id"] for o in items]

        assert _eventually(lambda: picker() == [kept], what="the merge")

        # leave the shared stack's registry as the demo made it (browser tests count PT11's organisations)
        assert gateway.delete(f"{INTELLIGENCE}/organisations/{kept}", headers=csrf).status_code == 204
