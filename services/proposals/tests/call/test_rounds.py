from datetime import UTC, datetime

import pytest
from proposals.call.rounds import a_year_later, next_code, next_title
from tests.call.conftest import definition, with_pre_screening


def shifted(moment: str) -> str:
    return a_year_later(datetime.fromisoformat(moment)).isoformat().replace("+00:00", "Z")


@pytest.fixture
async def permanent(client, admin, create_call):
    """The permanent annual call of 2026, published, with an adapted pipeline and year-scoped targets."""
    call = await create_call(
        status="published", kind="permanent", year=2026, code="TEX4IM-PERM-2026",
        title="TEX4IM permanent call 2026", min_partner_regions=3, selected_count=5,
        fields=[{"key": "market", "label": "Target market", "type": "text",
                 "frozen_after": "2026-06-30T00:00:00Z"}],
        targets=[{"metric": "investment_projects", "year": 2026, "target": 3},
                 {"metric": "proposals", "region_code": "PT11", "target": 3}],
        criteria=[{"key": "impact", "title": "Impact", "weight": "0.6", "threshold": "3"},
                  {"key": "team", "title": "Team", "weight": "0.4"}],
    )
    response = await client.put(f"/calls/{call['id']}/pipeline", json=with_pre_screening(definition(call)),
                                headers=admin | {"If-Match": f'"{call["version"]}"'})
    assert response.status_code == 200
    return (await client.get(f"/calls/{call['id']}", headers=admin)).json()


class TestNextRound:
    async def test_next_years_round_is_a_draft_copy_a_year_later(self, client, admin, permanent, events_of):
        response = await client.post(f"/calls/{permanent['id']}/next-round", headers=admin)
        assert response.status_code == 201, response.text
        following = response.json()
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/calls/{following['id']}"
        assert (following["code"], following["title"], following["year"], following["status"]) == (
            "TEX4IM-PERM-2027", "TEX4IM permanent call 2027", 2027, "draft",
        )
        same = ("kind", "eligible_priorities", "min_partner_regions", "selected_count", "tie_breaks",
                "feedback_policy", "criteria", "pipeline")
        assert {k: following[k] for k in same if k != "pipeline"} == {k: permanent[k] for k in same if k != "pipeline"}
        assert following["pipeline"]["stages"] == permanent["pipeline"]["stages"]
        assert following["pipeline"]["transitions"] == permanent["pipeline"]["transitions"]
        assert [(p["kind"], p["opens_at"], p["closes_at"]) for p in following["phases"]] == [
            (p["kind"], shifted(p["opens_at"]), shifted(p["closes_at"])) for p in permanent["phases"]
        ]
        assert following["fields"][0]["frozen_after"] == "2027-06-30T00:00:00Z"
        assert following["targets"] == [
            {"metric": "proposals", "region_code": "PT11", "year": None, "target": 3},
            {"metric": "investment_projects", "region_code": None, "year": 2027, "target": 3},
        ]
        [(kind, payload)] = await events_of(following["id"])
        assert (kind, payload["previous_round_id"], payload["previous_round_code"]) == (
            "call.created", permanent["id"], "TEX4IM-PERM-2026",
        )

    async def test_a_code_and_title_may_be_given(self, client, admin, permanent):
        response = await client.post(f"/calls/{permanent['id']}/next-round",
                                     json={"code": "TX-2027", "title": "The 2027 round"}, headers=admin)
        assert (response.json()["code"], response.json()["title"]) == ("TX-2027", "The 2027 round")

    async def test_a_round_already_opened_is_a_409(self, client, admin, permanent):
        assert (await client.post(f"/calls/{permanent['id']}/next-round", headers=admin)).status_code == 201
        response = await client.post(f"/calls/{permanent['id']}/next-round", headers=admin)
        assert response.status_code == 409
        assert response.json()["errors"][0]["field"] == "body.code"

    async def test_a_retry_with_the_same_key_opens_one_round(self, client, admin, permanent):
        headers = admin | {"Idempotency-Key": "next-round-2027"}
        first = await client.post(f"/calls/{permanent['id']}/next-round", headers=headers)
        again = await client.post(f"/calls/{permanent['id']}/next-round", headers=headers)
        assert (first.status_code, again.status_code) == (201, 201)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        listed = (await client.get("/calls", params={"year": 2027}, headers=admin)).json()["items"]
        assert [c["code"] for c in listed] == ["TEX4IM-PERM-2027"]

    async def test_a_dated_call_has_no_next_round(self, client, admin, create_call):
        call = await create_call(status="published")
        response = await client.post(f"/calls/{call['id']}/next-round", headers=admin)
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:not-a-permanent-call"

    async def test_only_the_admin_opens_a_round(self, client, member, permanent):
        response = await client.post(f"/calls/{permanent['id']}/next-round", headers=member)
        assert response.status_code == 403
        assert (await client.post(f"/calls/{permanent['id']}/next-round")).status_code == 401


class TestYearArithmetic:
    def test_dates_move_by_a_year_and_29_february_becomes_28(self):
        assert a_year_later(datetime(2027, 3, 1, 9, tzinfo=UTC)) == datetime(2028, 3, 1, 9, tzinfo=UTC)
        assert a_year_later(datetime(2028, 2, 29, tzinfo=UTC)) == datetime(2029, 2, 28, tzinfo=UTC)

    def test_the_code_and_title_take_next_years_number(self):
        assert next_code("TEX4IM-PERM-2026", 2026) == "TEX4IM-PERM-2027"
        assert next_code("TEX4IM-PERM", 2026) == "TEX4IM-PERM-2027"
        assert next_title("Permanent call 2026 (round 2026)", 2026) == "Permanent call 2027 (round 2027)"
        assert next_title("Permanent call 12026", 2026) == "Permanent call 12026"
