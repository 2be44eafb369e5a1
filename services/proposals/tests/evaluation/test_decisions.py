"""The panel's ranking over HTTP, staged decisions, the admin's overrides, and the one release."""

from types import SimpleNamespace

import pytest
from proposals.db import outbox
from proposals.evaluation.models import Decision
from proposals.notification.models import Notification
from proposals.proposal.models import Proposal, TimelineEntry
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

# reference, lead region, total, excellence, impact, passed: ranked P-1 … P-6, P-X misses the impact threshold
PORTFOLIO = (
    ("P-1", "ITI1", "4.60", "5", "4"), ("P-2", "ITI1", "4.40", "4.5", "4.5"), ("P-3", "ES52", "4.20", "4", "4.5"),
    ("P-4", "ES52", "4.00", "4", "4"), ("P-5", "PT11", "3.90", "4", "3.5"), ("P-6", "SE23", "3.70", "4", "3"),
    ("P-X", "CZ05", "4.80", "5", "2"),
)


@pytest.fixture
async def world(session):
    """A call selecting 3 (at most 1 per region) with 2 in reserve, and seven proposals with finalised consensus."""
    call = await factories.call(session, selected_count=3, reserve_count=2, max_selected_per_region=1,
                                tie_breaks=["higher_criterion"])
    partner = await factories.organisation(session, region="FRE1", name="Demo Partner (FRE1)")
    proposals = {}
    for reference, region, total, excellence, impact in PORTFOLIO:
        lead = await factories.organisation(session, region=region)
        proposals[reference] = await factories.proposal(session, call=call, lead=lead, partners=[partner],
                                                        stage="evaluation", reference=reference)
        await factories.consensus(session, proposal=proposals[reference], total=total, passed=impact != "2",
                                  scores={"excellence": excellence, "impact": impact})
    return SimpleNamespace(call=call, proposals=proposals, partner=partner)


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


def url(world, suffix):
    return f"/calls/{world.call.id}{suffix}"


async def stage_of(session, proposal):
    return await session.scalar(select(Proposal.stage).where(Proposal.id == proposal.id))


class TestRanking:
    async def test_admin_reads_the_ranking_with_the_portfolio_rule_applied(self, client, world, admin):
        response = await client.get(url(world, "/ranking"), headers=admin)
        assert response.status_code == 200
        body = response.json()
        rows = [(r["proposal"]["reference"], r["rank"], r["total"], r["fundable"], r["outcome"]) for r in body["rows"]]
        assert rows == [("P-1", 1, "4.60", True, "selected"), ("P-2", 2, "4.40", True, "reserve"),
                        ("P-3", 3, "4.20", True, "selected"), ("P-4", 4, "4.00", True, "reserve"),
                        ("P-5", 5, "3.90", True, "selected"), ("P-6", 6, "3.70", True, "rejected"),
                        ("P-X", None, "4.80", False, "rejected")]
        assert body["rows"][0]["scores"] == [{"criterion": "excellence", "value": "5"},
                                             {"criterion": "impact", "value": "4"}]
        assert body["rows"][6]["reason"] == "Not fundable: Impact 2 below 2.50."
        assert body["not_ready"] == []
        assert (body["selected_count"], body["reserve_count"], body["max_selected_per_region"]) == (3, 2, 1)

    async def test_proposals_without_a_finalised_consensus_are_listed_apart(self, client, session, world, admin):
        lead = await factories.organisation(session, region="RO21")
        late = await factories.proposal(session, call=world.call, lead=lead, stage="evaluation", reference="P-LATE")
        draft = await factories.proposal(session, call=world.call, lead=lead, stage="evaluation", reference="P-OPEN")
        await factories.consensus(session, proposal=draft, total="3.00", scores={"excellence": "3", "impact": "3"},
                                  finalised=False)
        body = (await client.get(url(world, "/ranking"), headers=admin)).json()
        assert [(n["proposal"]["reference"], n["reason"]) for n in body["not_ready"]] == [
            ("P-LATE", "No consensus yet."), ("P-OPEN", "The consensus is not finalised.")]
        assert late.id not in {r["proposal"]["id"] for r in body["rows"]}

    async def test_ties_are_broken_by_the_call_s_rules(self, client, session, world, admin):
        lead = await factories.organisation(session, region="RO21")
        twin = await factories.proposal(session, call=world.call, lead=lead, stage="evaluation", reference="P-TWIN")
        await factories.consensus(session, proposal=twin, total="4.60", scores={"excellence": "4.5", "impact": "4.5"})
        rows = (await client.get(url(world, "/ranking"), headers=admin)).json()["rows"]
        assert [(r["proposal"]["reference"], r["rank"], r["tie_break"]) for r in rows[:2]] == [
            ("P-1", 1, "higher_criterion"), ("P-TWIN", 2, "higher_criterion")]
        assert rows[1]["tie_note"] == "Behind P-1 on an equal total of 4.60: higher Excellence (5 against 4.5)."

    async def test_only_the_admin_reads_the_ranking(self, client, world, identity_headers):
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")
        response = await client.get(url(world, "/ranking"), headers=manager)
        assert response.status_code == 403
        assert response.json()["detail"] == "Only the consortium admin may read the panel's ranking."

    async def test_an_unknown_call_is_not_found(self, client, admin):
        response = await client.get("/calls/00000000-0000-4000-8000-000000000000/ranking", headers=admin)
        assert response.status_code == 404


class TestStaging:
    async def test_decisions_are_staged_from_the_ranking(self, client, session, world, admin):
        response = await client.post(url(world, "/decisions/stage"), headers=admin)
        assert response.status_code == 200
        body = response.json()
        assert body["released_at"] is None
        assert [(d["proposal"]["reference"], d["outcome"], d["rank"], d["total"]) for d in body["items"]] == [
            ("P-1", "selected", 1, "4.60"), ("P-2", "reserve", 2, "4.40"), ("P-3", "selected", 3, "4.20"),
            ("P-4", "reserve", 4, "4.00"), ("P-5", "selected", 5, "3.90"), ("P-6", "rejected", 6, "3.70"),
            ("P-X", "rejected", None, "4.80")]
        assert body["items"][0]["note"] == "Selected: rank 1 of 6 fundable, place 1 of 3."
        listed = (await client.get(url(world, "/decisions"), headers=admin)).json()
        assert [d["outcome"] for d in listed["items"]] == [d["outcome"] for d in body["items"]]

    async def test_staging_again_replaces_the_unreleased_decisions(self, client, session, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        await client.patch(url(world, f"/decisions/{world.proposals['P-6'].id}"), headers=admin,
                           json={"outcome": "selected", "note": "Strategic for the Swedish cluster."})
        body = (await client.post(url(world, "/decisions/stage"), headers=admin)).json()
        assert body["items"][5]["outcome"] == "rejected"
        count = len((await session.scalars(select(Decision).where(Decision.call_id == world.call.id))).all())
        assert count == 7

    async def test_staging_is_refused_while_a_proposal_is_not_ready(self, client, session, world, admin):
        lead = await factories.organisation(session, region="RO21")
        await factories.proposal(session, call=world.call, lead=lead, stage="evaluation", reference="P-LATE")
        response = await client.post(url(world, "/decisions/stage"), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == ("Every proposal under evaluation needs a finalised consensus first: "
                                             "P-LATE (no consensus yet).")
        assert (await session.scalars(select(Decision).where(Decision.call_id == world.call.id))).all() == []


class TestOverride:
    async def test_admin_overrides_an_outcome_with_a_note(self, client, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        response = await client.patch(url(world, f"/decisions/{world.proposals['P-6'].id}"), headers=admin,
                                      json={"outcome": "reserve", "note": "Complements P-1's value chain."})
        assert response.status_code == 200
        assert (response.json()["outcome"], response.json()["note"], response.json()["rank"]) == (
            "reserve", "Complements P-1's value chain.", 6)

    async def test_a_note_is_required(self, client, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        response = await client.patch(url(world, f"/decisions/{world.proposals['P-6'].id}"), headers=admin,
                                      json={"outcome": "reserve", "note": "  "})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.note"]

    async def test_an_unstaged_proposal_has_no_decision_to_change(self, client, world, admin):
        response = await client.patch(url(world, f"/decisions/{world.proposals['P-6'].id}"), headers=admin,
                                      json={"outcome": "reserve", "note": "Why not."})
        assert response.status_code == 404


class TestRelease:
    async def test_release_moves_selected_and_rejected_and_keeps_the_reserve(self, client, session, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        await client.patch(url(world, f"/decisions/{world.proposals['P-6'].id}"), headers=admin,
                           json={"outcome": "selected", "note": "Pilot site already secured."})
        response = await client.post(url(world, "/decisions/release"),
                                     headers=admin | {"Idempotency-Key": "release-call-0001"})
        assert response.status_code == 200
        body = response.json()
        assert body["released_at"] is not None
        assert {d["released_at"] for d in body["items"]} == {body["released_at"]}
        stages = {ref: await stage_of(session, p) for ref, p in world.proposals.items()}
        assert stages == {"P-1": "portfolio", "P-2": "evaluation", "P-3": "portfolio", "P-4": "evaluation",
                          "P-5": "portfolio", "P-6": "portfolio", "P-X": "rejected"}
        table = outbox.table
        kinds = (await session.execute(select(table.c.type, table.c.payload).order_by(table.c.position))).all()
        moves = [(p["reference"], p["transition"]) for kind, p in kinds if kind == "proposal.stage_changed"]
        assert sorted(moves) == [("P-1", "select_for_portfolio"), ("P-3", "select_for_portfolio"),
                                 ("P-5", "select_for_portfolio"), ("P-6", "select_for_portfolio"),
                                 ("P-X", "reject_after_evaluation")]
        [released] = [p for kind, p in kinds if kind == "call.decisions_released"]
        assert released["call_id"] == str(world.call.id)
        assert [(d["reference"], d["outcome"]) for d in released["decisions"]][:2] == [
            ("P-1", "selected"), ("P-2", "reserve")]
        reserve = await session.scalar(select(TimelineEntry).where(
            TimelineEntry.proposal_id == world.proposals["P-2"].id, TimelineEntry.kind == "decision"))
        assert reserve.comment == "The panel's decision: placed on the reserve list."

    async def test_the_lead_and_confirmed_partners_are_told(self, client, session, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        await client.post(url(world, "/decisions/release"), headers=admin)
        p1 = world.proposals["P-1"]
        notes = (await session.scalars(select(Notification).where(Notification.proposal_id == p1.id)
                                       .order_by(Notification.audience_key))).all()
        assert sorted((n.audience, n.audience_key) for n in notes) == sorted([
            ("organisation", str(p1.lead_organisation_id)), ("organisation", str(world.partner.id))])
        assert {(n.title, n.link) for n in notes} == {("P-1: selected for the portfolio",
                                                        f"/proposals/{p1.id}/feedback")}

    async def test_decisions_are_released_once(self, client, session, world, admin):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        first = await client.post(url(world, "/decisions/release"), headers=admin | {"Idempotency-Key": "release-1"})
        replay = await client.post(url(world, "/decisions/release"), headers=admin | {"Idempotency-Key": "release-1"})
        assert replay.status_code == 200 and replay.json() == first.json()
        assert replay.headers["idempotent-replayed"] == "true"
        second = await client.post(url(world, "/decisions/release"), headers=admin | {"Idempotency-Key": "release-2"})
        assert second.status_code == 409
        assert second.json()["title"] == "The call's decisions have been released"
        override = await client.patch(url(world, f"/decisions/{world.proposals['P-2'].id}"), headers=admin,
                                      json={"outcome": "selected", "note": "Too late."})
        assert override.status_code == 409
        assert (await client.post(url(world, "/decisions/stage"), headers=admin)).status_code == 409

    async def test_nothing_to_release_before_staging(self, client, world, admin):
        response = await client.post(url(world, "/decisions/release"), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == f"Stage the decisions of call {world.call.code} before releasing them."

    async def test_decisions_staged_before_a_consensus_changed_must_be_staged_again(
        self, client, session, world, admin
    ):
        await client.post(url(world, "/decisions/stage"), headers=admin)
        consensus = f"/proposals/{world.proposals['P-4'].id}/consensus"
        read = {"If-Match": (await client.get(consensus, headers=admin)).headers["etag"]}
        await client.put(consensus, headers=admin | read,
                         json={"scores": [{"criterion": "excellence", "value": "4"},
                                          {"criterion": "impact", "value": "4"}],
                               "summary": "Reopened to add a comment."})
        response = await client.post(url(world, "/decisions/release"), headers=admin)
        assert response.status_code == 409
        assert response.json()["changed"] == ["P-4"]
        assert await stage_of(session, world.proposals["P-1"]) == "evaluation"
