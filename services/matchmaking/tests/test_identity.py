"""The service itself refuses callers the gateway did not vouch for."""

from datetime import UTC, datetime, timedelta

from tex4im_common.identity import Identity, IdentityTokenSigner, generate_private_key_pem


class TestProtectedResourceWithoutAValidToken:
    async def test_no_token_is_401(self, client):
        response = await client.get("/events")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == "Bearer"

    async def test_token_signed_by_another_key_is_401(self, client):
        forger = IdentityTokenSigner(generate_private_key_pem())
        token = forger.sign(Identity(subject="intruder", kind="client"), audience="matchmaking")
        response = await client.get("/events", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The identity token is invalid."

    async def test_expired_token_is_401(self, client, identity_signer):
        token = identity_signer.sign(Identity(subject="late", kind="client"), audience="matchmaking",
                                     now=datetime.now(UTC) - timedelta(minutes=10))
        response = await client.get("/events", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The identity token has expired."

    async def test_token_for_another_service_is_401(self, client, identity_signer):
        token = identity_signer.sign(Identity(subject="escp-s3", kind="client"), audience="intelligence")
        response = await client.get("/events", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    async def test_an_unsigned_identity_header_is_not_trusted(self, client):
        response = await client.get("/events", headers={"X-User-Id": "admin", "X-Roles": "consortium_admin"})
        assert response.status_code == 401


class TestHealth:
    async def test_liveness_needs_no_token(self, client):
        assert (await client.get("/healthz")).json()["status"] == "ok"

    async def test_readiness_checks_the_database(self, client):
        body = (await client.get("/readyz")).json()
        assert body["checks"] == {"database": "ok"}
