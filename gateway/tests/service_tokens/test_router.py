"""POST /api/auth/service-token: the services' own sign-in (OAuth 2.0 client credentials)."""

import base64
from datetime import UTC, datetime

import jwt
import pytest
from tex4im_common.identity import IdentityTokenVerifier, public_key_pem_from_private
from tex4im_common.problems import Unauthorized

from .conftest import PROPOSALS_SECRET

PATH = "/api/auth/service-token"


def _form(**overrides: str) -> dict[str, str]:
    return {"grant_type": "client_credentials", "client_id": "proposals", "client_secret": PROPOSALS_SECRET,
            "audience": "intelligence", **overrides}


class TestIssuing:
    async def test_a_known_client_gets_a_short_lived_client_token_for_the_service_it_names(
        self, client, private_key_pem
    ):
        response = await client.post(PATH, data=_form())
        assert response.status_code == 200
        body = response.json()
        assert (body["token_type"], body["expires_in"]) == ("Bearer", 120)
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["pragma"] == "no-cache"
        verifier = IdentityTokenVerifier(public_key_pem_from_private(private_key_pem), audience="intelligence")
        identity = verifier.verify(body["access_token"])
        assert (identity.subject, identity.kind, identity.name, identity.memberships) == (
            "service:proposals", "client", "proposals", ())
        claims = jwt.decode(body["access_token"], options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] == 120
        assert claims["exp"] > datetime.now(UTC).timestamp()

    async def test_the_token_is_only_good_for_the_service_asked(self, client, private_key_pem):
        token = (await client.post(PATH, data=_form(audience="matchmaking"))).json()["access_token"]
        verifier = IdentityTokenVerifier(public_key_pem_from_private(private_key_pem), audience="intelligence")
        with pytest.raises(Unauthorized, match="not addressed to intelligence"):
            verifier.verify(token)

    async def test_the_fields_may_come_as_json(self, client):
        response = await client.post(PATH, json={"client_id": "matchmaking", "audience": "proposals",
                                                 "client_secret": "matchmaking-secret-0123456789-abcdefgh"})
        assert response.status_code == 200
        assert jwt.decode(response.json()["access_token"], options={"verify_signature": False})["aud"] == "proposals"

    async def test_the_credentials_may_come_as_http_basic(self, client):
        basic = base64.b64encode(f"proposals:{PROPOSALS_SECRET}".encode()).decode()
        response = await client.post(PATH, data={"grant_type": "client_credentials", "audience": "intelligence"},
                                     headers={"Authorization": f"Basic {basic}"})
        assert response.status_code == 200
        claims = jwt.decode(response.json()["access_token"], options={"verify_signature": False})
        assert claims["sub"] == "service:proposals"


class TestRefusals:
    @pytest.mark.parametrize("form", [_form(client_secret=PROPOSALS_SECRET + "x"), _form(client_id="stranger")],
                             ids=["wrong secret", "unknown client"])
    async def test_wrong_credentials_are_one_and_the_same_401_problem(self, client, form):
        response = await client.post(PATH, data=form)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == 'Basic realm="tex4im-services"'
        body = response.json()
        assert (body["type"], body["detail"], body["error"]) == (
            "urn:tex4im:problem:invalid-client", "The client id or secret is not correct.", "invalid_client")
        assert "access_token" not in body

    async def test_an_unknown_audience_is_a_422_naming_the_services(self, client):
        response = await client.post(PATH, data=_form(audience="payroll"))
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "invalid_target"
        assert body["errors"] == [{"field": "body.audience", "code": "audience_unknown",
                                   "message": "must be one of intelligence, matchmaking, proposals"}]

    async def test_an_unknown_audience_is_not_revealed_to_a_wrong_secret(self, client):
        response = await client.post(PATH, data=_form(audience="payroll", client_secret="nope"))
        assert response.status_code == 401

    async def test_missing_fields_are_named(self, client):
        response = await client.post(PATH, data={"grant_type": "client_credentials", "client_id": "proposals"})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.audience"]
        response = await client.post(PATH, data={"client_id": "proposals", "audience": "intelligence"})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.client_secret"]

    async def test_another_grant_type_is_refused(self, client):
        response = await client.post(PATH, data=_form(grant_type="password"))
        assert response.status_code == 422
        assert response.json()["error"] == "unsupported_grant_type"

    async def test_a_field_sent_twice_is_refused(self, client):
        content = f"client_id=proposals&client_id=matchmaking&client_secret={PROPOSALS_SECRET}&audience=intelligence"
        response = await client.post(PATH, content=content,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert response.status_code == 422
        assert response.json()["detail"] == "Each field may be sent once."

    async def test_the_secret_is_sent_once(self, client):
        basic = base64.b64encode(f"proposals:{PROPOSALS_SECRET}".encode()).decode()
        response = await client.post(PATH, data=_form(), headers={"Authorization": f"Basic {basic}"})
        assert response.status_code == 422

    async def test_other_media_types_are_a_415_problem(self, client):
        response = await client.post(PATH, content=b"client_id=proposals", headers={"Content-Type": "text/plain"})
        assert response.status_code == 415
        assert response.json()["type"] == "urn:tex4im:problem:unsupported-media-type"
