import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from tex4im_common.identity import (
    Identity,
    IdentityTokenSigner,
    IdentityTokenVerifier,
    Membership,
    Role,
    generate_private_key_pem,
    public_key_pem_from_private,
)
from tex4im_common.problems import Unauthorized

KEY = generate_private_key_pem()
MARIA = Identity(subject="u1", name="Maria", memberships=(
    Membership(role=Role.cluster_manager, region="ITI1"), Membership(role=Role.evaluator),
))


def verifier(audience: str = "proposals") -> IdentityTokenVerifier:
    return IdentityTokenVerifier(public_key_pem_from_private(KEY), audience=audience)


class TestIdentityTokens:
    def test_a_signed_identity_comes_back_whole(self):
        token = IdentityTokenSigner(KEY).sign(MARIA, audience="proposals")
        assert verifier().verify(token) == MARIA

    def test_the_email_travels_in_the_token_when_there_is_one(self):
        with_email = MARIA.model_copy(update={"email": "maria@example.test"})
        token = IdentityTokenSigner(KEY).sign(with_email, audience="proposals")
        assert jwt.decode(token, options={"verify_signature": False})["email"] == "maria@example.test"
        assert verifier().verify(token).email == "maria@example.test"

    def test_a_token_without_an_email_has_no_email_claim(self):
        token = IdentityTokenSigner(KEY).sign(MARIA, audience="proposals")
        assert "email" not in jwt.decode(token, options={"verify_signature": False})
        assert verifier().verify(token).email is None

    def test_roles_and_regions_are_queryable(self):
        assert MARIA.has_role(Role.evaluator)
        assert not MARIA.is_consortium_admin
        assert MARIA.regions_with(Role.cluster_manager) == {"ITI1"}

    def test_a_token_for_another_service_is_refused(self):
        token = IdentityTokenSigner(KEY).sign(MARIA, audience="matchmaking")
        with pytest.raises(Unauthorized, match="not addressed to proposals"):
            verifier().verify(token)

    def test_a_remembered_token_is_still_refused_once_it_expires(self):
        checker = IdentityTokenVerifier(public_key_pem_from_private(KEY), audience="proposals", leeway=timedelta(0))
        token = IdentityTokenSigner(KEY, ttl=timedelta(seconds=1)).sign(MARIA, audience="proposals")
        assert checker.verify(token) == MARIA
        assert checker.verify(token) == MARIA  # remembered
        time.sleep(1.1)
        with pytest.raises(Unauthorized, match="expired"):
            checker.verify(token)

    def test_an_expired_token_is_refused(self):
        token = IdentityTokenSigner(KEY).sign(MARIA, audience="proposals", now=datetime.now(UTC) - timedelta(hours=1))
        with pytest.raises(Unauthorized, match="expired"):
            verifier().verify(token)

    def test_a_token_with_an_edited_payload_is_refused(self):
        header, _payload, signature = IdentityTokenSigner(KEY).sign(MARIA, audience="proposals").split(".")
        forged = jwt.encode({"sub": "u1", "aud": "proposals", "iss": "tex4im-gateway", "exp": 9999999999,
                             "iat": 1, "memberships": [{"role": "consortium_admin"}]}, "s" * 32, algorithm="HS256")
        tampered = ".".join([header, forged.split(".")[1], signature])
        with pytest.raises(Unauthorized, match="invalid"):
            verifier().verify(tampered)

    def test_an_hmac_token_keyed_with_the_public_key_is_refused(self):
        """The classic algorithm-confusion forgery: HS256 signed with the (public) verification key."""

        def b64(data: bytes) -> str:
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        header = b64(json.dumps({"alg": "HS256", "typ": "tex4im-id+jwt"}).encode())
        payload = b64(json.dumps({"sub": "x", "aud": "proposals", "iss": "tex4im-gateway", "exp": 9999999999,
                                  "iat": 1, "memberships": [{"role": "consortium_admin"}]}).encode())
        key = public_key_pem_from_private(KEY).encode()
        signature = b64(hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest())
        with pytest.raises(Unauthorized):
            verifier().verify(f"{header}.{payload}.{signature}")


class TestCurrentIdentity:
    async def test_a_service_route_accepts_a_gateway_token(self, kernel_client, private_key):
        token = IdentityTokenSigner(private_key).sign(MARIA, audience="kernel")
        response = await kernel_client.get("/whoami", headers={"Authorization": f"Bearer {token}"})
        assert response.json() == {"subject": "u1"}

    async def test_no_token_is_a_401_problem_with_a_bearer_challenge(self, kernel_client):
        response = await kernel_client.get("/whoami")
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
