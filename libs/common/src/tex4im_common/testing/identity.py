"""Checks every service inherits: it refuses callers the gateway did not vouch for, and reports its health."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import ClassVar

from tex4im_common.identity import Identity, IdentityTokenSigner, Membership, Role, generate_private_key_pem

# a caller who would be allowed if the token were genuine
ADMIN = Identity(subject="someone", memberships=(Membership(role=Role.consortium_admin),))


class IdentityChecks:
    """Subclass in a service's tests and set `protected_path` to a route that needs an identity."""

    protected_path: ClassVar[str]

    async def test_no_token_is_401(self, client):
        response = await client.get(self.protected_path)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == "Bearer"

    async def test_token_signed_by_another_key_is_401(self, client, service_spec):
        token = IdentityTokenSigner(generate_private_key_pem()).sign(ADMIN, audience=service_spec.name)
        response = await client.get(self.protected_path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The identity token is invalid."

    async def test_expired_token_is_401(self, client, identity_signer, service_spec):
        token = identity_signer.sign(ADMIN, audience=service_spec.name, now=datetime.now(UTC) - timedelta(minutes=10))
        response = await client.get(self.protected_path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The identity token has expired."

    async def test_token_for_another_service_is_401(self, client, identity_signer, service_spec):
        other = "matchmaking" if service_spec.name != "matchmaking" else "proposals"
        token = identity_signer.sign(ADMIN, audience=other)
        response = await client.get(self.protected_path, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    async def test_an_unsigned_identity_header_is_not_trusted(self, client):
        response = await client.get(self.protected_path, headers={"X-User-Id": "admin", "X-Roles": "consortium_admin"})
        assert response.status_code == 401

    async def test_liveness_needs_no_token(self, client):
        assert (await client.get("/healthz")).json()["status"] == "ok"

    async def test_readiness_checks_the_database(self, client):
        assert (await client.get("/readyz")).json()["checks"] == {"database": "ok"}
