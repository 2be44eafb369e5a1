"""Shared setup for the proposals browser tests: the demo accounts and organisations, an API session through the
gateway (for setup and for reading what the browser cannot see), a fresh published call, and waiting until the
proposals copy of the registry knows an organisation."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

PASSWORD = "tex4im-demo"
ADMIN = "admin@demo.tex4im.eu"
# evaluator@ and evaluator2@ … evaluator6@: the demo's evaluator pool
EVALUATORS = ("evaluator@demo.tex4im.eu", *(f"evaluator{n}@demo.tex4im.eu" for n in range(2, 7)))
SYNC_DEADLINE = 60.0


def member(region: str) -> str:
    """The region's demo member account (acting for the region's demo company 01)."""
    return f"member.{region.lower()}@demo.tex4im.eu"


def manager(region: str) -> str:
    return f"manager.{region.lower()}@demo.tex4im.eu"


def demo_organisation(region: str, number: int = 1) -> uuid.UUID:
    """A demo organisation's id (intelligence.demo.ids documents the pattern); 01 is the member account's."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-organisation:{region}:{number:02d}")


def iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


class ApiSession:
    """A demo account signed in at the gateway; writes send the CSRF header and a fresh idempotency key."""

    def __init__(self, client: httpx.AsyncClient, email: str, me: dict[str, Any]) -> None:
        self.client, self.email, self.me = client, email, me

    @classmethod
    async def open(cls, base_url: str, email: str) -> ApiSession:
        client = httpx.AsyncClient(base_url=base_url, timeout=30)
        login = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
        if login.status_code != 200:
            await client.aclose()
            raise AssertionError(f"{email} could not sign in: {login.status_code} {login.text}")
        return cls(client, email, login.json())

    async def __aenter__(self) -> ApiSession:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.client.aclose()

    def headers(self, **extra: str) -> dict[str, str]:
        return {"X-CSRF-Token": self.client.cookies["tex4im_csrf"], "Idempotency-Key": str(uuid.uuid4())} | extra

    async def read(self, path: str, **kwargs: Any) -> Any:
        response = await self.client.get(path, **kwargs)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:500]}"
        return response.json()

    async def write(self, method: str, path: str, *, expect: int = 200, headers: dict[str, str] | None = None,
                    **kwargs: Any) -> httpx.Response:
        response = await self.client.request(method, path, headers=self.headers(**(headers or {})), **kwargs)
        assert response.status_code == expect, f"{method} {path}: {response.status_code} {response.text[:500]}"
        return response


async def publish_call(admin: ApiSession, *, prefix: str = "E2E", **rules: Any) -> dict[str, Any]:
    """A new dated call, open for submissions from yesterday for 30 days (evaluation after), published.
    `rules` are more CallCreate fields (min_partner_regions, min_evaluators, fields, criteria, …)."""
    now = datetime.now(UTC)
    day = timedelta(days=1)
    code = f"{prefix}-{uuid.uuid4().hex[:8].upper()}"
    body = {
        "code": code,
        "title": f"Interregional textile pilots ({code})",
        "kind": "dated",
        "phases": [
            {"kind": "submission", "opens_at": iso(now - day), "closes_at": iso(now + 30 * day)},
            {"kind": "evaluation", "opens_at": iso(now + 30 * day), "closes_at": iso(now + 60 * day)},
        ],
    } | rules
    created = await admin.write("POST", "/api/proposals/calls", expect=201, json=body)
    published = await admin.write("PATCH", f"/api/proposals/calls/{created.json()['id']}",
                                  json={"status": "published"}, headers={"If-Match": created.headers["ETag"]})
    return published.json()


async def organisation_in_copy(admin: ApiSession, organisation_id: uuid.UUID) -> str:
    """The organisation's registry name, once the proposals copy of the registry has it (reading the feed now)."""
    name = (await admin.read(f"/api/intelligence/organisations/{organisation_id}"))["name"]
    ends = time.monotonic() + SYNC_DEADLINE
    while True:
        # a refused sync (the registry busy) is only a slower wait: the loop asks again
        await admin.client.post("/api/proposals/organisations/sync", headers=admin.headers())
        found = (await admin.read("/api/proposals/organisations", params={"q": name[:100]}))["items"]
        if any(item["id"] == str(organisation_id) for item in found):
            return name
        assert time.monotonic() < ends, f"{name} did not reach the proposals copy within {SYNC_DEADLINE} s"
        await asyncio.sleep(0.5)


async def set_language(base_url: str, email: str, locale: str) -> str:
    """Sets a demo account's interface language; returns the one it had."""
    async with await ApiSession.open(base_url, email) as session:
        before = session.me["locale"]
        if before != locale:
            await session.write("PATCH", "/api/me", json={"locale": locale})
        return before
