"""The gateway forwards to the owning service with a signed identity, and answers for services that fail."""

from tex4im_common.identity import IdentityTokenVerifier, public_key_pem_from_private


class TestForwarding:
    async def test_signed_in_request_reaches_the_service_with_a_token_for_that_service(
        self, client, signed_in, private_key_pem
    ):
        response = await client.get("/api/intelligence/regions/ITI1?limit=5", headers={"X-Request-ID": "req-42"})
        assert response.status_code == 200
        seen = response.json()
        assert (seen["path"], seen["query"]) == ("/regions/ITI1", "limit=5")
        token = seen["headers"]["authorization"].removeprefix("Bearer ")
        verifier = IdentityTokenVerifier(public_key_pem_from_private(private_key_pem), audience="intelligence")
        identity = verifier.verify(token)
        assert identity.name == "Maria Manager"
        assert [(m.role, m.region) for m in identity.memberships] == [("cluster_manager", "ITI1")]
        assert seen["headers"]["x-request-id"] == "req-42"
        assert response.headers["x-request-id"] == "req-42"

    async def test_cookies_and_caller_supplied_authorization_never_reach_the_service(self, client, signed_in):
        response = await client.get("/api/matchmaking/events", headers={"Authorization": "Bearer forged"})
        headers = response.json()["headers"]
        assert "cookie" not in headers
        assert headers["authorization"] != "Bearer forged"

    async def test_anonymous_request_is_forwarded_without_a_token(self, client):
        response = await client.get("/api/intelligence/regions", headers={"Authorization": "Bearer forged"})
        assert "authorization" not in response.json()["headers"]

    async def test_upstream_headers_pass_back_but_not_its_cookies(self, client, signed_in):
        response = await client.get("/api/intelligence/anything")
        assert response.headers["etag"] == '"v1"'
        assert "upstream" not in response.headers.get("set-cookie", "")

    async def test_body_and_if_match_are_forwarded_on_writes(self, client, signed_in):
        response = await client.patch("/api/intelligence/regions/ITI1", json={"name": "x"},
                                      headers={**signed_in, "If-Match": '"v1"', "Idempotency-Key": "k1"})
        seen = response.json()
        assert seen["body"] == '{"name":"x"}'
        assert seen["headers"]["if-match"] == '"v1"'
        assert seen["headers"]["idempotency-key"] == "k1"

    async def test_a_body_over_20_mb_is_a_413_problem(self, client, signed_in):
        response = await client.post("/api/intelligence/regions", content=b"x" * (21 * 1024 * 1024 + 1),
                                     headers=signed_in)
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"

    async def test_a_write_riding_on_the_session_cookie_needs_the_csrf_header(self, client, signed_in):
        response = await client.post("/api/intelligence/regions", json={})
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"

    async def test_upstream_problems_pass_through_unchanged(self, client, signed_in):
        response = await client.get("/api/intelligence/problem")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "There is no partnership region with NUTS code DE11."


class TestFailingUpstreams:
    async def test_a_service_that_is_down_gives_503_for_its_routes_only(self, client, signed_in):
        down = await client.get("/api/proposals/calls")
        assert down.status_code == 503
        assert down.headers["content-type"] == "application/problem+json"
        assert down.json()["detail"] == "The proposals service is not reachable right now; try again shortly."
        assert (await client.get("/api/intelligence/regions")).status_code == 200

    async def test_a_slow_service_gives_504(self, client, signed_in):
        response = await client.get("/api/intelligence/slow")
        assert response.status_code == 504
        assert response.json()["title"] == "Upstream service timed out"

    async def test_an_unknown_service_is_a_404_problem(self, client):
        response = await client.get("/api/billing/invoices")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
