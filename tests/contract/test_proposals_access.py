"""Who may read and change which proposal: the same answers through the gateway and straight at the service.

The records are the demo's open annual round (loaded by `make run`): the Toscana draft (its Valencia partner
still invited), the Norte draft, the Valencia proposal already submitted (a Severovýchod partner), and the
Piemonte proposal in evaluation. The people are the demo accounts; straight at the service they carry tokens
signed as the gateway would (the service must guard itself, whoever calls).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from proposals.demo import people
from proposals.demo.people import Person
from tex4im_common.identity import IdentityTokenSigner

RECORDS = {"toscana_draft": "WOOLMARKET", "norte_draft": "DENIMBACK", "valencia_submitted": "SMARTHOME",
           "piemonte_in_evaluation": "ENERLOOM"}
PEOPLE = {
    "admin": people.admin(), "manager.iti1": people.manager("ITI1"), "manager.es52": people.manager("ES52"),
    "manager.cz05": people.manager("CZ05"), "member.iti1": people.member("ITI1"), "member.es52": people.member("ES52"),
    "member.pt11": people.member("PT11"), "evaluator": people.evaluators()[0], "evaluator6": people.evaluators()[5],
}
# (person, record) → the status of GET /proposals/{id}; anything not listed is 404 (not even its existence shows)
READS = {
    ("admin", r): 200 for r in RECORDS
} | {
    ("manager.iti1", "toscana_draft"): 200,  # the lead region's manager
    ("member.iti1", "toscana_draft"): 200,  # a co-author (member of the lead organisation)
    ("member.es52", "toscana_draft"): 200,  # invited partner: reads to decide
    ("member.pt11", "norte_draft"): 200,
    ("manager.es52", "valencia_submitted"): 200,
    ("member.es52", "valencia_submitted"): 200,
    ("manager.cz05", "valencia_submitted"): 200,  # partner region's manager, once submitted
    ("manager.es52", "piemonte_in_evaluation"): 200,  # its partner is a Valencian company
    ("evaluator6", "piemonte_in_evaluation"): 200,  # assigned by the demo's automatic assignment
}
# who may change the content of the Toscana draft: its co-authors and the admin; readers who may not get 403
PATCHES = {"admin": 200, "member.iti1": 200, "manager.iti1": 403, "member.es52": 403}


@pytest.fixture(scope="module")
def proposal_ids(stack) -> dict[str, str]:
    with httpx.Client(base_url=stack.base_url, timeout=10) as client:
        client.post("/api/auth/login", json={"email": "admin@demo.tex4im.eu", "password": "tex4im-demo"})
        ids = {}
        for key, acronym in RECORDS.items():
            items = client.get("/api/proposals/proposals", params={"q": acronym}).json()["items"]
            assert len(items) == 1, f"demo proposal {acronym} not found"
            ids[key] = items[0]["id"]
        return ids


@pytest.fixture(scope="module")
def service(stack) -> httpx.Client:
    with httpx.Client(base_url=stack.service_urls["proposals"], timeout=10) as client:
        yield client


def service_headers(stack, person: Person) -> dict[str, str]:
    token = IdentityTokenSigner(stack.private_key_pem()).sign(person.identity, audience="proposals")
    return {"Authorization": f"Bearer {token}"}


@contextmanager
def signed_in(stack, who: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.base_url, timeout=10) as client:
        response = client.post("/api/auth/login", json={"email": f"{who}@demo.tex4im.eu", "password": "tex4im-demo"})
        assert response.status_code == 200, response.text
        client.headers["X-CSRF-Token"] = client.cookies["tex4im_csrf"]
        yield client


@pytest.mark.parametrize("who", PEOPLE)
class TestReading:
    def test_through_the_gateway(self, stack, proposal_ids, who):
        with signed_in(stack, who) as client:
            seen = {record: client.get(f"/api/proposals/proposals/{pid}").status_code
                    for record, pid in proposal_ids.items()}
            listed = {item["id"] for item in client.get("/api/proposals/proposals", params={"limit": 100})
                      .json()["items"]}
        assert seen == {record: READS.get((who, record), 404) for record in RECORDS}
        readable = {r for r in RECORDS if READS.get((who, r)) == 200}
        assert {r for r, pid in proposal_ids.items() if pid in listed} == readable

    def test_straight_at_the_service(self, stack, service, proposal_ids, who):
        headers = service_headers(stack, PEOPLE[who])
        seen = {record: service.get(f"/proposals/{pid}", headers=headers).status_code
                for record, pid in proposal_ids.items()}
        assert seen == {record: READS.get((who, record), 404) for record in RECORDS}


class TestAnonymous:
    def test_a_visitor_reads_no_proposal_anywhere(self, stack, service, gateway, proposal_ids):
        for pid in proposal_ids.values():
            assert gateway.get(f"/api/proposals/proposals/{pid}").status_code == 401
            assert service.get(f"/proposals/{pid}").status_code == 401


@pytest.mark.parametrize("who", PEOPLE)
class TestChangingTheToscanaDraft:
    """A PATCH that rewrites the title as it is: allowed or refused, it changes nothing."""

    def test_through_the_gateway(self, stack, proposal_ids, who):
        pid = proposal_ids["toscana_draft"]
        with signed_in(stack, "admin") as admin:
            current = admin.get(f"/api/proposals/proposals/{pid}")
        with signed_in(stack, who) as client:
            response = client.patch(f"/api/proposals/proposals/{pid}", json={"title": current.json()["title"]},
                                    headers={"If-Match": current.headers["ETag"]})
        assert response.status_code == PATCHES.get(who, 404), response.text

    def test_straight_at_the_service(self, stack, service, proposal_ids, who):
        pid = proposal_ids["toscana_draft"]
        current = service.get(f"/proposals/{pid}", headers=service_headers(stack, PEOPLE["admin"]))
        response = service.patch(f"/proposals/{pid}", json={"title": current.json()["title"]},
                                 headers=service_headers(stack, PEOPLE[who]) | {"If-Match": current.headers["ETag"]})
        assert response.status_code == PATCHES.get(who, 404), response.text
