import pytest
from tex4im_common.identity import Role

from .conftest import CITEVE, READY_PROFILE

URL = f"/clusters/{CITEVE}/escp-transitions"


@pytest.fixture
async def ready(client, norte_manager) -> None:
    response = await client.patch(f"/clusters/{CITEVE}", json=READY_PROFILE, headers=norte_manager)
    assert response.json()["ready"] is True


async def _step(client, headers, to_state: str, comment: str | None = None):
    return await client.post(URL, json={"to_state": to_state, "comment": comment}, headers=headers)


class TestSubmitToEccp:
    async def test_the_regions_manager_submits_a_ready_profile(self, client, norte_manager, ready):
        response = await _step(client, norte_manager, "submitted", "Profile sent to ECCP.")
        assert response.status_code == 200
        assert response.headers["etag"] == '"3"'
        cluster = response.json()
        assert (cluster["escp_state"], cluster["next_states"]) == ("submitted", ["validated", "draft"])
        [change] = cluster["state_history"]
        assert change == {
            "from_state": "draft", "to_state": "submitted", "changed_by": "manager-pt11",
            "changed_by_name": "Test User", "changed_at": change["changed_at"], "comment": "Profile sent to ECCP.",
        }
        assert cluster["escp_state_changed_at"] == change["changed_at"]

    async def test_a_profile_that_is_not_ready_is_a_409_listing_the_unmet_criteria(self, client, norte_manager):
        await client.patch(f"/clusters/{CITEVE}", json={"members_sme": 20, "website_en": "https://citeve.pt"},
                           headers=norte_manager)
        response = await _step(client, norte_manager, "submitted")
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:cluster-not-ready"
        assert problem["detail"] == "The cluster profile does not meet 2 of the ECCP validation criteria yet."
        assert problem["errors"] == [
            {"field": "readiness.management_fte", "code": "criterion_unmet",
             "message": "No management FTE recorded; ECCP needs at least 0.5 FTE."},
            {"field": "readiness.member_types", "code": "criterion_unmet",
             "message": "1 member types (SME, large, research, university, public, other); ECCP needs at least 2."},
        ]
        assert (await client.get(f"/clusters/{CITEVE}")).json()["escp_state"] == "draft"

    @pytest.mark.parametrize(("role", "region", "status"), [
        (Role.member, "PT11", 403), (Role.cluster_manager, "ITI1", 403), (None, None, 401),
    ])
    async def test_others_may_not_submit(self, client, identity_headers, ready, role, region, status):
        headers = identity_headers(role, region=region) if role else {}
        response = await _step(client, headers, "submitted")
        assert response.status_code == status
        assert (await client.get(f"/clusters/{CITEVE}")).json()["escp_state"] == "draft"


class TestTheWholeWay:
    async def test_submitted_validated_linked_with_history_and_events(
        self, client, norte_manager, admin, ready, recorded_events
    ):
        assert (await _step(client, norte_manager, "submitted")).status_code == 200
        await client.patch(f"/clusters/{CITEVE}", headers=admin,
                           json={"eccp_profile_url": "https://clustercollaboration.eu/cluster-organisations/citeve"})
        assert (await _step(client, admin, "validated", "ECCP validated the profile.")).status_code == 200
        await client.patch(f"/clusters/{CITEVE}", json={"partnership_agreement_signed_on": "2019-03-01"}, headers=admin)
        response = await _step(client, admin, "linked")
        assert response.status_code == 200
        cluster = response.json()
        assert (cluster["escp_state"], cluster["next_states"]) == ("linked", [])
        assert [(c["from_state"], c["to_state"], c["changed_by"]) for c in cluster["state_history"]] == [
            ("draft", "submitted", "manager-pt11"), ("submitted", "validated", "admin-1"),
            ("validated", "linked", "admin-1"),
        ]
        events = await recorded_events("cluster.escp_state_changed")
        assert [(e["payload"]["from_state"], e["payload"]["to_state"]) for e in events] == [
            ("draft", "submitted"), ("submitted", "validated"), ("validated", "linked"),
        ]
        assert {e["aggregate_id"] for e in events} == {str(CITEVE)}
        assert "changed_by" not in events[0]["payload"]
        anonymous = (await client.get(f"/clusters/{CITEVE}")).json()
        assert (anonymous["escp_state"], anonymous["state_history"]) == ("linked", None)

    async def test_validating_needs_the_eccp_profile_url(self, client, norte_manager, admin, ready):
        await _step(client, norte_manager, "submitted")
        response = await _step(client, admin, "validated")
        assert response.status_code == 409
        assert response.json()["errors"][0]["field"] == "eccp_profile_url"

    async def test_only_the_admin_validates(self, client, norte_manager, ready):
        await _step(client, norte_manager, "submitted")
        response = await _step(client, norte_manager, "validated")
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may move a cluster from submitted to validated."


class TestWrongSteps:
    async def test_skipping_a_step_is_a_409_naming_the_state_and_the_next_ones(self, client, admin, ready):
        response = await _step(client, admin, "validated")
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:escp-transition-not-allowed"
        assert problem["detail"] == "The cluster is draft; it cannot go to validated. Allowed next states: submitted."
        assert (problem["current_state"], problem["allowed_next_states"]) == ("draft", ["submitted"])

    async def test_going_back_to_draft_needs_the_admin_and_a_comment(self, client, norte_manager, admin, ready):
        await _step(client, norte_manager, "submitted")
        assert (await _step(client, norte_manager, "draft", "oops")).status_code == 403
        missing = await _step(client, admin, "draft", "  ")
        assert missing.status_code == 422
        assert missing.json()["errors"][0]["field"] == "body.comment"
        response = await _step(client, admin, "draft", "ECCP asked for a new description.")
        assert response.status_code == 200
        assert response.json()["state_history"][-1]["comment"] == "ECCP asked for a new description."

    async def test_a_stale_if_match_is_a_412(self, client, norte_manager, ready):
        response = await client.post(URL, json={"to_state": "submitted"}, headers=norte_manager | {"If-Match": '"1"'})
        assert response.status_code == 412

    async def test_an_unknown_state_is_a_422(self, client, admin):
        response = await _step(client, admin, "published")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.to_state"
