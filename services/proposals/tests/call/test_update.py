import uuid

import pytest
from proposals.call.models import Call
from proposals.proposal.models import Proposal
from sqlalchemy import select
from tests.call.conftest import call_body

from tests import factories


async def call_row(session, call_id: str) -> Call:
    return await session.get(Call, uuid.UUID(call_id))


@pytest.fixture
def patch(client, admin):
    """`await patch(call, body, etag=...)`: PATCH as the admin with the call's current ETag unless told otherwise."""

    async def send(call, body, *, etag=None, headers=None):
        return await client.patch(f"/calls/{call['id']}", json=body,
                                  headers=(headers or admin) | {"If-Match": etag or f'"{call["version"]}"'})

    return send


class TestIfMatch:
    async def test_a_change_without_if_match_is_428_and_changes_nothing(self, client, admin, create_call):
        call = await create_call()
        response = await client.patch(f"/calls/{call['id']}", json={"title": "Renamed"}, headers=admin)
        assert response.status_code == 428
        problem = response.json()
        assert (problem["type"], problem["current_etag"]) == ("urn:tex4im:problem:if-match-required", '"1"')
        assert (await client.get(f"/calls/{call['id']}", headers=admin)).json()["title"] == call["title"]

    async def test_a_stale_if_match_is_412_and_changes_nothing(self, client, admin, create_call, patch):
        call = await create_call()
        assert (await patch(call, {"title": "First"})).status_code == 200
        response = await patch(call, {"title": "Second"}, etag='"1"')
        assert response.status_code == 412
        assert response.json()["current_etag"] == '"2"'
        assert (await client.get(f"/calls/{call['id']}", headers=admin)).json()["title"] == "First"


class TestChangingACall:
    async def test_the_admin_changes_fields_and_the_version_moves(self, create_call, patch, events_of):
        call = await create_call()
        response = await patch(call, {"title": "TEX4IM 2027, second cut-off", "min_evaluators": 4,
                                      "max_proposals_per_region": 2})
        assert response.status_code == 200
        assert response.headers["etag"] == '"2"'
        changed = response.json()
        assert (changed["title"], changed["min_evaluators"], changed["max_proposals_per_region"]) == (
            "TEX4IM 2027, second cut-off", 4, 2,
        )
        kinds = [(kind, payload.get("changed")) for kind, payload in await events_of(call["id"])]
        assert kinds == [("call.created", None),
                         ("call.updated", ["max_proposals_per_region", "min_evaluators", "title"])]

    async def test_lists_are_replaced_whole(self, create_call, patch):
        call = await create_call()
        response = await patch(call, {
            "fields": [{"key": "pilot_site", "label": "Pilot site", "type": "text"}],
            "targets": [{"metric": "pilots", "year": 2028, "target": 5}],
        })
        changed = response.json()
        assert [f["key"] for f in changed["fields"]] == ["pilot_site"]
        assert changed["targets"] == [{"metric": "pilots", "region_code": None, "year": 2028, "target": 5}]
        assert response.headers["etag"] == '"2"'  # only the call's parts changed, and still its version moved

    async def test_sending_what_is_stored_changes_nothing(self, create_call, patch, events_of):
        call = await create_call()
        response = await patch(call, {"title": call["title"], "fields": call["fields"], "phases": call["phases"]})
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        assert [kind for kind, _ in await events_of(call["id"])] == ["call.created"]

    async def test_removing_a_form_field_keeps_the_answers_given(self, session, create_call, patch):
        call = await create_call(status="published")
        lead = await factories.organisation(session, region="ITI1")
        proposal = await factories.proposal(session, call=await call_row(session, call["id"]), lead=lead,
                                            answers={"market": "EU outdoor apparel", "product_stage": "pilot"})
        response = await patch(call, {"fields": []})
        assert response.json()["fields"] == []
        answers = await session.scalar(select(Proposal.answers).where(Proposal.id == proposal.id))
        assert answers == {"market": "EU outdoor apparel", "product_stage": "pilot"}

    async def test_null_clears_optional_fields_but_not_required_ones(self, create_call, patch):
        call = await create_call(max_selected_per_region=2)
        response = await patch(call, {"max_selected_per_region": None})
        assert response.json()["max_selected_per_region"] is None
        response = await patch(call, {"title": None, "criteria": None}, etag='"2"')
        assert response.status_code == 422
        assert response.json()["errors"][0]["message"] == "Value error, title, criteria cannot be cleared"

    async def test_the_year_must_follow_the_kind(self, create_call, patch):
        call = await create_call()
        response = await patch(call, {"kind": "permanent"})
        assert response.status_code == 422
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [("body.year", "missing")]
        assert (await patch(call, {"kind": "permanent", "year": 2027})).json()["year"] == 2027

    async def test_a_code_in_use_is_refused(self, create_call, patch):
        await create_call(code="TEX4IM-2026-1")
        call = await create_call()
        response = await patch(call, {"code": "TEX4IM-2026-1"})
        assert response.status_code == 409
        assert response.json()["detail"] == "There is already a call with the code 'TEX4IM-2026-1'; choose another."

    async def test_only_the_admin_changes_calls(self, create_call, patch, manager, client):
        draft = await create_call()
        published = await create_call(status="published", code="TEX4IM-2027-2")
        assert (await patch(draft, {"title": "x"}, headers=manager)).status_code == 404
        response = await patch(published, {"title": "x"}, headers=manager)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may change calls."
        response = await client.patch(f"/calls/{published['id']}", json={"title": "x"}, headers={"If-Match": '"2"'})
        assert response.status_code == 401


class TestWorkInProgress:
    async def scored(self, session, call):
        """A proposal of `call` with one review holding one score on `excellence`."""
        lead = await factories.organisation(session, region="ITI1")
        proposal = await factories.proposal(session, call=await call_row(session, call["id"]), lead=lead,
                                            stage="evaluation")
        evaluator = await factories.evaluator(session)
        assignment = await factories.assignment(session, proposal=proposal, evaluator=evaluator)
        await factories.review_scores(session, assignment=assignment, scores={"excellence": "4"})

    async def test_scored_criteria_cannot_change(self, session, create_call, patch):
        call = await create_call(status="published")
        await self.scored(session, call)
        criteria = [{k: c[k] for k in ("key", "title", "description", "weight", "threshold")} for c in call["criteria"]]
        for changes in ([criteria[0] | {"weight": "40"}, *criteria[1:]], criteria[:3], [*criteria[1:], criteria[0]],
                        [*criteria, {"key": "green", "title": "Green", "weight": 10}]):
            response = await patch(call, {"criteria": changes})
            assert response.status_code == 409
            assert response.json()["detail"] == (
                "Evaluators have already given 1 score on this call's criteria, so their keys, weights, thresholds "
                "and order can no longer change (titles and descriptions still can)."
            )
        criteria[0]["title"] = "Excellence and innovation"
        response = await patch(call, {"criteria": criteria})
        assert response.status_code == 200
        assert response.json()["criteria"][0]["title"] == "Excellence and innovation"

    async def test_criteria_change_freely_before_any_score(self, create_call, patch):
        call = await create_call(status="published")
        response = await patch(call, {"criteria": [{"key": "impact", "title": "Impact", "weight": 1}]})
        assert [c["key"] for c in response.json()["criteria"]] == ["impact"]

    async def test_rules_changed_after_submissions_are_recorded(self, session, create_call, patch, events_of):
        call = await create_call(status="published")
        lead = await factories.organisation(session, region="ITI1")
        await factories.proposal(session, call=await call_row(session, call["id"]), lead=lead, stage="submitted",
                                 first_submitted_at=factories.now())
        await factories.proposal(session, call=await call_row(session, call["id"]), lead=lead)  # a draft
        response = await patch(call, {"min_partner_regions": 3, "eligible_priorities": ["circular_economy"],
                                      "title": "Renamed"})
        assert response.status_code == 200
        _, payload = (await events_of(call["id"]))[-1]
        assert payload["changed"] == ["eligible_priorities", "min_partner_regions", "title"]
        assert payload["changed_after_submissions"] == {
            "submitted_proposals": 1,
            "rules": {"min_partner_regions": {"from": 2, "to": 3},
                      "eligible_priorities": {"from": call["eligible_priorities"], "to": ["circular_economy"]}},
        }

    async def test_rule_changes_before_submissions_are_not_flagged(self, create_call, patch, events_of):
        call = await create_call(status="published")
        await patch(call, {"min_partner_regions": 3})
        _, payload = (await events_of(call["id"]))[-1]
        assert "changed_after_submissions" not in payload


class TestStatusMoves:
    async def test_publishing_records_call_published(self, create_call, patch, events_of):
        call = await create_call()
        response = await patch(call, {"status": "published"})
        assert response.json()["status"] == "published"
        assert response.json()["submission_open"] is True
        [_, (kind, payload)] = await events_of(call["id"])
        assert (kind, payload["status"], payload["previous_status"], payload["version"]) == (
            "call.published", "published", "draft", 2,
        )

    async def test_archiving_records_call_archived(self, create_call, patch, events_of):
        call = await create_call(status="published")
        response = await patch(call, {"status": "archived"})
        assert response.json()["status"] == "archived"
        assert [kind for kind, _ in await events_of(call["id"])] == ["call.created", "call.published",
                                                                      "call.archived"]

    async def test_a_call_without_a_submission_phase_or_criteria_cannot_be_published(self, create_call, patch):
        call = await create_call(phases=[], criteria=[])
        response = await patch(call, {"status": "published"})
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:call-not-publishable"
        assert [(e["field"], e["code"]) for e in problem["errors"]] == [("body.phases", "missing"),
                                                                        ("body.criteria", "missing")]
        response = await patch(call, {"status": "published", "phases": call_body()["phases"],
                                      "criteria": [{"key": "impact", "title": "Impact", "weight": 1}]})
        assert response.status_code == 200

    async def test_a_published_call_keeps_its_submission_phase_and_a_criterion(self, create_call, patch):
        call = await create_call(status="published")
        assert (await patch(call, {"criteria": []})).status_code == 409
        assert (await patch(call, {"phases": call["phases"][1:]})).status_code == 409

    async def test_back_to_draft_only_while_there_are_no_proposals(self, session, create_call, patch, events_of):
        call = await create_call(status="published")
        response = await patch(call, {"status": "draft"})
        assert response.json()["status"] == "draft"
        assert (await events_of(call["id"]))[-1][1]["changed"] == ["status"]
        call = (await patch(response.json(), {"status": "published"})).json()
        lead = await factories.organisation(session, region="ITI1")
        await factories.proposal(session, call=await call_row(session, call["id"]), lead=lead)
        response = await patch(call, {"status": "draft"})
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "The call already has 1 proposal, so it cannot go back to draft; change it while published, or archive it."
        )

    @pytest.mark.parametrize(("start", "to"), [("draft", "archived"), ("archived", "published"),
                                               ("archived", "draft")])
    async def test_other_moves_are_refused(self, create_call, patch, start, to):
        call = await create_call(status=start)
        response = await patch(call, {"status": to})
        assert response.status_code == 409
        assert response.json()["detail"] == (
            f"A call moves draft → published → archived; this one cannot go from {start} to {to}."
        )
