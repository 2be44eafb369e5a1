"""The platform as a whole: the gateway in front, the services behind it, each guarding itself."""

import os
import signal
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from tex4im_common.identity import Identity, IdentityTokenSigner, Membership, Role, generate_private_key_pem

PROTECTED = {"intelligence": "/events", "proposals": "/events", "matchmaking": "/events"}


class TestThroughTheGateway:
    def test_a_signed_in_manager_reads_the_eight_regions(self, gateway, sign_in):
        sign_in(gateway, "manager.iti1@demo.tex4im.eu")
        response = gateway.get("/api/intelligence/regions")
        assert response.status_code == 200
        assert len(response.json()["items"]) == 8
        assert response.headers["x-request-id"]

    def test_an_anonymous_visitor_gets_the_services_401_problem(self, gateway):
        response = gateway.get("/api/intelligence/events")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"

    def test_an_anonymous_visitor_sees_public_records_only(self, gateway, sign_in):
        anonymous = gateway.get("/api/intelligence/search/opportunities", params={"region": "PT11"}).json()
        assert anonymous["total"] > 0
        assert {item["visibility"] for item in anonymous["items"]} == {"public"}
        sign_in(gateway, "member.pt11@demo.tex4im.eu")
        member = gateway.get("/api/intelligence/search/opportunities", params={"region": "PT11"}).json()
        assert member["total"] > anonymous["total"]

    def test_the_merged_openapi_describes_every_service(self, gateway):
        document = gateway.get("/api/openapi.json").json()
        assert "x-unavailable-services" not in document["info"]
        for path in ("/api/auth/login", "/api/intelligence/regions", "/api/proposals/events",
                     "/api/matchmaking/events"):
            assert path in document["paths"]

    def test_the_web_app_is_served_at_the_root(self, gateway):
        response = gateway.get("/")
        assert response.status_code == 200
        assert '<div id="root">' in response.text


class TestStraightToAService:
    @pytest.mark.parametrize("service", PROTECTED)
    def test_no_token_is_401(self, stack, service):
        response = httpx.get(stack.service_urls[service] + PROTECTED[service])
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize("service", PROTECTED)
    def test_a_forged_token_is_401(self, stack, service):
        admin = Identity(subject="intruder", memberships=(Membership(role=Role.consortium_admin),))
        token = IdentityTokenSigner(generate_private_key_pem()).sign(admin, audience=service)
        response = httpx.get(stack.service_urls[service] + PROTECTED[service],
                             headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    def test_a_forged_token_is_401_even_where_anonymous_visitors_may_read(self, stack):
        assert httpx.get(stack.service_urls["intelligence"] + "/regions").status_code == 200
        admin = Identity(subject="intruder", memberships=(Membership(role=Role.consortium_admin),))
        token = IdentityTokenSigner(generate_private_key_pem()).sign(admin, audience="intelligence")
        response = httpx.get(stack.service_urls["intelligence"] + "/regions",
                             headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    @pytest.mark.parametrize("service", PROTECTED)
    def test_an_expired_token_signed_by_the_real_key_is_401(self, stack, service):
        admin = Identity(subject="late", memberships=(Membership(role=Role.consortium_admin),))
        token = IdentityTokenSigner(stack.private_key_pem()).sign(
            admin, audience=service, now=datetime.now(UTC) - timedelta(minutes=5))
        response = httpx.get(stack.service_urls[service] + PROTECTED[service],
                             headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["detail"] == "The identity token has expired."


@pytest.mark.outage
class TestOneServiceDown:
    def test_killing_a_service_gives_503_for_its_routes_only(self, stack, gateway, sign_in):
        sign_in(gateway, "admin@demo.tex4im.eu")
        assert gateway.get("/api/proposals/events").status_code == 200
        os.kill(stack.service_pid("proposals"), signal.SIGKILL)
        deadline = time.monotonic() + 10
        while (response := gateway.get("/api/proposals/events")).status_code != 503:
            assert time.monotonic() < deadline, response.text
            time.sleep(0.1)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "The proposals service is not reachable right now; try again shortly."
        assert gateway.get("/api/intelligence/regions").status_code == 200
        assert gateway.get("/api/matchmaking/events").status_code == 200
        assert gateway.get("/api/me").status_code == 200
