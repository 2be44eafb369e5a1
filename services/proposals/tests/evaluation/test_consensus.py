"""The panel's view of a proposal and its consensus: suggestion, thresholds, readiness, finalising."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from proposals.db import outbox
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

REVIEWS = (("Ana", "PT11", "3", "3.5"), ("Bo", "SE23", "4", "3"), ("Cyril", "CZ05", "4.5", "3"))


@pytest.fixture
async def world(session):
    """A Toscana-led proposal with a Valencia partner and three submitted reviews (excellence 3/4/4.5, impact
    3.5/3/3) in a call needing 3 reviews, weighing excellence 0.6 (threshold 3) and impact 0.4 (threshold 2.5)."""
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1")
    partner = await factories.organisation(session, region="ES52")
    proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner], stage="evaluation",
                                        reference="P-CONS-1")
    assignments = []
    for name, region, excellence, impact in REVIEWS:
        evaluator = await factories.evaluator(session, subject=f"evaluator-{name.lower()}", name=name, region=region)
        assignment = await factories.assignment(session, proposal=proposal, evaluator=evaluator)
        await factories.review_scores(session, assignment=assignment, submitted=True, comment=f"{name}'s view",
                                      scores={"excellence": excellence, "impact": impact},
                                      comments={"excellence": f"{name} on excellence"})
        assignments.append(assignment)
    return SimpleNamespace(call=call, proposal=proposal, lead=lead, assignments=assignments)


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


def url(world, suffix=""):
    return f"/proposals/{world.proposal.id}{suffix}"


async def read(client, world, admin):
    """The If-Match header of the consensus as it is now, as a client that just read it sends."""
    return {"If-Match": (await client.get(url(world, "/consensus"), headers=admin)).headers["etag"]}


async def event_types(session, proposal_id):
    table = outbox.table
    rows = await session.execute(select(table.c.type).where(table.c.aggregate_id == str(proposal_id))
                                 .order_by(table.c.position))
    return [kind for (kind,) in rows]


class TestEvaluationOverview:
    async def test_admin_sees_reviews_spread_readiness_and_the_suggestion(self, client, world, admin):
        response = await client.get(url(world, "/evaluation"), headers=admin)
        assert response.status_code == 200
        body = response.json()
        assert [(r["evaluator_name"], r["status"], r["total"], r["comment"]) for r in body["reviews"]] == [
            ("Ana", "submitted", "3.20", "Ana's view"), ("Bo", "submitted", "3.60", "Bo's view"),
            ("Cyril", "submitted", "3.90", "Cyril's view")]
        assert body["reviews"][0]["scores"] == [
            {"criterion": "excellence", "value": "3.0", "comment": "Ana on excellence"},
            {"criterion": "impact", "value": "3.5", "comment": ""}]
        assert [(c["criterion"], c["mean"], c["min"], c["max"], c["spread"], c["divergent"], c["suggested"])
                for c in body["criteria"]] == [
            ("excellence", "3.83", "3.0", "4.5", "1.5", False, "4.0"),
            ("impact", "3.17", "3.0", "3.5", "0.5", False, "3.0")]
        assert body["readiness"] == {"ready": True, "submitted": 3, "required": 3, "pending": 0,
                                     "divergence_pending": False, "reasons": []}
        assert body["consensus"] == {"suggested": {"excellence": "4.0", "impact": "3.0"}, "consensus": None,
                                     "editable": True}

    async def test_reviews_in_progress_show_no_scores(self, client, session, world, admin):
        evaluator = await factories.evaluator(session, subject="evaluator-dora", name="Dora", region="FRE1")
        pending = await factories.assignment(session, proposal=world.proposal, evaluator=evaluator)
        await factories.review_scores(session, assignment=pending, scores={"excellence": "1"})
        body = (await client.get(url(world, "/evaluation"), headers=admin)).json()
        assert body["reviews"][3] | {"assignment_id": None, "evaluator_id": None} == {
            "assignment_id": None, "evaluator_id": None, "evaluator_name": "Dora", "reason": "automatic",
            "status": "assigned", "submitted_at": None, "withdrawn_reason": None, "comment": None, "scores": [],
            "total": None}
        assert body["readiness"]["pending"] == 1
        assert body["criteria"][0]["min"] == "3.0"  # the draft's 1 is not counted

    async def test_the_lead_region_s_managers_read_but_do_not_write(self, client, world, identity_headers):
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")
        response = await client.get(url(world, "/evaluation"), headers=manager)
        assert response.status_code == 200
        assert response.json()["consensus"]["editable"] is False
        refused = await client.put(url(world, "/consensus"), json={}, headers=manager)
        assert refused.status_code == 403
        assert refused.json()["detail"] == "Only the consortium admin may write the consensus."

    async def test_others_who_see_the_proposal_are_refused_and_the_rest_told_it_does_not_exist(
        self, client, world, identity_headers
    ):
        partner_manager = identity_headers(Role.cluster_manager, region="ES52", subject="manager-valencia")
        author = identity_headers(Role.member, organisation_id=world.lead.id, subject="author")
        stranger = identity_headers(Role.cluster_manager, region="PT11", subject="manager-norte")
        assert (await client.get(url(world, "/evaluation"), headers=partner_manager)).status_code == 403
        assert (await client.get(url(world, "/consensus"), headers=author)).status_code == 403
        assert (await client.get(url(world, "/evaluation"), headers=stranger)).status_code == 404


class TestConsensus:
    async def test_left_out_criteria_take_the_suggestion_and_the_total_is_weighted(self, client, world, admin):
        response = await client.put(url(world, "/consensus"), headers=admin, json={
            "scores": [{"criterion": "impact", "comment": "Agreed after discussion."}], "summary": "Strong team."})
        assert response.status_code == 200
        assert response.headers["etag"] == '"1"'
        consensus = response.json()["consensus"]
        assert [(s["criterion"], s["value"], s["threshold"], s["passed"], s["comment"]) for s in consensus["scores"]] \
            == [("excellence", "4.0", "3.00", True, ""), ("impact", "3.0", "2.50", True, "Agreed after discussion.")]
        assert (consensus["total"], consensus["passed"], consensus["finalised"]) == ("3.60", True, False)
        assert consensus["summary"] == "Strong team."

    async def test_a_criterion_below_its_threshold_fails(self, client, world, admin):
        consensus = (await client.put(url(world, "/consensus"), headers=admin, json={"scores": [
            {"criterion": "excellence", "value": "4.5"}, {"criterion": "impact", "value": "2"}]})).json()["consensus"]
        assert (consensus["total"], consensus["passed"]) == ("3.50", False)
        assert [s["passed"] for s in consensus["scores"]] == [True, False]

    async def test_a_total_below_the_call_s_threshold_fails(self, client, world, admin):
        consensus = (await client.put(url(world, "/consensus"), headers=admin, json={"scores": [
            {"criterion": "excellence", "value": "3"}, {"criterion": "impact", "value": "2.5"}]})).json()["consensus"]
        assert (consensus["total"], consensus["passed"]) == ("2.80", False)
        assert [s["passed"] for s in consensus["scores"]] == [True, True]

    async def test_without_reviews_every_score_must_be_given(self, client, session, world, admin):
        bare = await factories.proposal(session, call=world.call, lead=world.lead, stage="evaluation")
        response = await client.put(f"/proposals/{bare.id}/consensus", headers=admin,
                                    json={"scores": [{"criterion": "impact", "value": "3"},
                                                     {"criterion": "novelty", "value": "3"}]})
        assert response.status_code == 422
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("body.scores.1.criterion", "unknown_criterion"), ("body.scores.excellence", "missing_score")]

    async def test_changes_need_the_current_version(self, client, world, admin):
        await client.put(url(world, "/consensus"), headers=admin, json={})
        second = await client.put(url(world, "/consensus"), headers=admin | {"If-Match": '"1"'},
                                  json={"summary": "Revised."})
        assert second.status_code == 200 and second.headers["etag"] == '"2"'
        stale = await client.put(url(world, "/consensus"), headers=admin | {"If-Match": '"1"'}, json={})
        assert stale.status_code == 412
        current = await client.get(url(world, "/consensus"), headers=admin)
        assert current.json()["consensus"]["summary"] == "Revised."
        assert current.headers["etag"] == '"2"'

    async def test_once_written_it_changes_only_with_if_match(self, client, session, world, admin):
        await client.put(url(world, "/consensus"), headers=admin, json={"summary": "First."})
        response = await client.put(url(world, "/consensus"), headers=admin, json={"summary": "Blind overwrite."})
        assert (response.status_code, response.json()["title"]) == (428, "If-Match required")
        assert response.json()["current_etag"] == '"1"'
        current = await client.get(url(world, "/consensus"), headers=admin)
        assert (current.json()["consensus"]["summary"], current.headers["etag"]) == ("First.", '"1"')
        assert await event_types(session, world.proposal.id) == ["evaluation.consensus_saved"]

    async def test_the_consensus_changes_only_under_evaluation(self, client, session, world, admin):
        world.proposal.stage = "withdrawn"
        await session.flush()
        response = await client.put(url(world, "/consensus"), headers=admin, json={})
        assert response.status_code == 409
        assert response.json()["detail"] == "Proposal P-CONS-1 is in 'withdrawn', not under evaluation."


class TestFinalise:
    async def test_a_ready_evaluation_is_finalised_once_and_published(self, client, session, world, admin):
        await client.put(url(world, "/consensus"), headers=admin, json={})
        response = await client.post(url(world, "/consensus/finalise"), headers=admin | {"If-Match": '"1"'})
        assert response.status_code == 200
        consensus = response.json()["consensus"]
        assert consensus["finalised"] is True and consensus["finalised_at"] is not None
        again = await client.post(url(world, "/consensus/finalise"), headers=admin)
        assert again.json()["consensus"]["finalised_at"] == consensus["finalised_at"]
        assert await event_types(session, world.proposal.id) == [
            "evaluation.consensus_saved", "evaluation.consensus_finalised"]

    async def test_too_few_reviews_is_not_ready(self, client, session, world, admin):
        world.assignments[2].status = "withdrawn"
        await session.flush()
        await client.put(url(world, "/consensus"), headers=admin, json={})
        response = await client.post(url(world, "/consensus/finalise"), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == "2 of the 3 reviews needed are submitted."
        assert response.json()["readiness"]["ready"] is False

    async def test_divergence_waits_for_the_extra_review(self, client, session, world, admin):
        evaluator = await factories.evaluator(session, subject="evaluator-dora", name="Dora", region="FRE1")
        await factories.review_scores(
            session, assignment=await factories.assignment(session, proposal=world.proposal, evaluator=evaluator),
            scores={"excellence": "4", "impact": "0.5"}, comments={"impact": "No plan."}, submitted=True)
        await client.put(url(world, "/consensus"), headers=admin, json={})
        response = await client.post(url(world, "/consensus/finalise"), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == "Scores diverge on Impact: the extra evaluator's review is not in yet."
        extra = await factories.evaluator(session, subject="evaluator-emil", name="Emil", region="RO21")
        await factories.review_scores(
            session, submitted=True, scores={"excellence": "4", "impact": "2"}, comments={"impact": "Thin."},
            assignment=await factories.assignment(session, proposal=world.proposal, evaluator=extra,
                                                  reason="divergence"))
        assert (await client.post(url(world, "/consensus/finalise"), headers=admin)).status_code == 200

    async def test_there_must_be_a_consensus_to_finalise(self, client, world, admin):
        response = await client.post(url(world, "/consensus/finalise"), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == "Write the consensus of P-CONS-1 before finalising it."

    async def test_changing_a_finalised_consensus_reopens_it(self, client, world, admin):
        await client.put(url(world, "/consensus"), headers=admin, json={})
        await client.post(url(world, "/consensus/finalise"), headers=admin)
        same = await client.put(url(world, "/consensus"), headers=admin | await read(client, world, admin), json={})
        assert same.json()["consensus"]["finalised"] is True
        changed = await client.put(url(world, "/consensus"), headers=admin | await read(client, world, admin),
                                   json={"summary": "Second thoughts."})
        assert changed.json()["consensus"]["finalised"] is False

    async def test_nothing_changes_once_the_decisions_are_released(self, client, session, world, admin):
        await client.put(url(world, "/consensus"), headers=admin, json={})
        world.call.decisions_released_at = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
        await session.flush()
        response = await client.put(url(world, "/consensus"), headers=admin, json={"summary": "Too late."})
        assert response.status_code == 409
        assert response.json()["detail"] == (f"The decisions of call {world.call.code} were released on 2026-06-01; "
                                             "the consensus can no longer change.")
        assert (await client.post(url(world, "/consensus/finalise"), headers=admin)).status_code == 409
        view = (await client.get(url(world, "/consensus"), headers=admin)).json()
        assert view["editable"] is False
