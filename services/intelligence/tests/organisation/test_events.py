"""What other services learn from the event feed about organisations: display fields only, never contacts.

The feed serves committed transactions only, so these tests run the app with its own, committing sessions
(not the rolled-back test connection) and empty the tables they wrote afterwards.
"""

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from intelligence.db import idempotency, outbox
from intelligence.imports.models import ImportRun
from intelligence.organisation.models import Organisation
from sqlalchemy import delete

PAYLOAD_KEYS = {"id", "name", "kind", "country_code", "region_code", "city", "website", "size_class", "priorities",
                "value_chain", "visibility", "merged_into_id", "version"}
CONTACT_DATA = ("Anna Bianchi", "anna@lanificio.example", "+39 0574 123456", "Marco Neri", "marco@rossi.example")


@pytest.fixture
async def live(service_spec, settings, engine) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app as it runs: every request commits."""
    app = service_spec.app_factory(settings)
    try:
        async with LifespanManager(app), httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://service"
        ) as client:
            yield client
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(outbox.table))
            await connection.execute(delete(idempotency.table))
            await connection.execute(delete(ImportRun))
            await connection.execute(delete(Organisation).where(Organisation.merged_into_id.is_not(None)))
            await connection.execute(delete(Organisation))


async def read_feed(client: httpx.AsyncClient, headers: dict, *, after: str | None = None,
                    expect: int = 0) -> tuple[list[dict], str]:
    """One page of the feed; polls briefly for `expect` events (an unrelated open transaction may delay it)."""
    params = {"after": after} if after else {}
    for _ in range(50):
        body = (await client.get("/events", params=params, headers=headers)).json()
        if len(body["items"]) >= expect:
            break
        await asyncio.sleep(0.1)
    return body["items"], body["next_cursor"]


class TestOrganisationEvents:
    async def test_every_change_is_on_the_feed_without_contact_data(self, live, admin, toscana, lanificio):
        created = (await live.post("/organisations", json=lanificio(), headers=toscana)).json()
        url = f"/organisations/{created['id']}"
        await live.post(f"{url}/contacts", json={"name": "Anna Bianchi", "email": "anna@lanificio.example",
                                                 "phone": "+39 0574 123456"}, headers=toscana)
        await live.patch(url, json={"city": "Montemurlo"}, headers=toscana)
        csv = ("name;kind;country_code;region_code;city;contact_name;contact_email\n"
               "Lanificio Rossi SpA;company;IT;ITI1;Montemurlo;Marco Neri;marco@rossi.example\n")
        report = (await live.post("/organisations/import", files={"file": ("rossi.csv", csv.encode())},
                                  headers=toscana)).json()
        copy_id = report["rows"][0]["id"]
        candidate = (await live.get("/organisation-duplicates", headers=toscana)).json()["items"][0]
        keep = "first" if candidate["first"]["id"] == created["id"] else "second"
        await live.post(f"/organisation-duplicates/{candidate['id']}/merge", json={"keep": keep}, headers=toscana)
        await live.delete(url, headers=toscana)

        events, _ = await read_feed(live, admin, expect=7)
        assert [(e["type"], e["aggregate_id"]) for e in events] == [
            ("organisation.created", created["id"]),
            ("organisation.updated", created["id"]),
            ("organisation.created", copy_id),
            ("organisation.merged", copy_id),
            ("organisation.updated", created["id"]),
            ("organisation.deleted", copy_id),
            ("organisation.deleted", created["id"]),
        ]
        assert {e["aggregate_type"] for e in events} == {"organisation"}
        first = events[0]["payload"]
        assert set(first) == PAYLOAD_KEYS
        assert (first["name"], first["region_code"], first["version"]) == ("Lanificio Rossi S.p.A.", "ITI1", 1)
        assert events[1]["payload"]["city"] == "Montemurlo"
        assert events[3]["payload"]["merged_into_id"] == created["id"]
        assert events[6]["payload"] == {"id": created["id"]}
        feed_text = json.dumps(events)
        assert [data for data in CONTACT_DATA if data in feed_text] == []

    async def test_the_feed_resumes_after_its_cursor_with_only_new_events(self, live, admin, toscana, lanificio):
        await live.post("/organisations", json=lanificio(), headers=toscana)
        before, cursor = await read_feed(live, admin, expect=1)
        assert [e["type"] for e in before] == ["organisation.created"]
        second = (await live.post("/organisations", json=lanificio(name="Tessitura Verdi", vat_number=None),
                                  headers=toscana)).json()
        after, next_cursor = await read_feed(live, admin, after=cursor, expect=1)
        assert [(e["type"], e["aggregate_id"]) for e in after] == [("organisation.created", second["id"])]
        assert (await read_feed(live, admin, after=next_cursor))[0] == []

    async def test_a_refused_write_publishes_nothing(self, live, admin, valencia, lanificio):
        assert (await live.post("/organisations", json=lanificio(), headers=valencia)).status_code == 403
        events, _ = await read_feed(live, admin)
        assert events == []
