"""Screening over HTTP: the checklist as the managers see it, who sees what, and the decision's rules."""

from proposals.notification.models import Notification
from proposals.proposal.models import ProposalPartner, TimelineEntry
from proposals.screening.guards import screening_outcome
from proposals.screening.models import ScreeningDecision
from sqlalchemy import func, select

from tests import factories


def url(world):
    return f"/proposals/{world.proposal.id}/screening"


def outcomes(body):
    return {c["key"]: c["outcome"] for c in body["checks"]}


LONG_REASON = "The third ITI1 proposal replaces one that the region will withdraw next week."


class TestChecklist:
    async def test_a_proposal_meeting_every_rule_passes_every_check(self, client, world, toscana_manager):
        response = await client.get(url(world), headers=toscana_manager)
        assert response.status_code == 200
        body = response.json()
        assert outcomes(body) == {"region_quota": "passed", "partner_regions": "passed", "priorities": "passed",
                                  "completeness": "passed", "partners_confirmed": "passed"}
        assert body["can_decide"] is True
        assert body["decision"] is None
        assert body["reference"] == "SCR-ITI1-001"

    async def test_region_quota_counts_submitted_not_withdrawn_proposals_of_the_region(
        self, client, session, world, toscana_manager
    ):
        for stage in ("evaluation", "withdrawn", "draft"):
            other = await factories.proposal(session, call=world.call, lead=world.lead, partners=[world.partner],
                                             stage=stage)
            if stage != "draft":  # a draft never submitted does not count
                await factories.frozen_version(session, proposal=other)
        body = (await client.get(url(world), headers=toscana_manager)).json()
        quota = next(c for c in body["checks"] if c["key"] == "region_quota")
        assert quota["outcome"] == "passed"
        assert quota["figures"] == {"region_code": "ITI1", "submitted": 2, "maximum": 2}
        third = await factories.proposal(session, call=world.call, lead=world.lead, partners=[world.partner],
                                         stage="submitted")
        await factories.frozen_version(session, proposal=third)
        body = (await client.get(url(world), headers=toscana_manager)).json()
        assert outcomes(body)["region_quota"] == "failed"

    async def test_partners_still_invited_fail_the_region_rule_and_ask_the_manager(
        self, client, session, world, toscana_manager
    ):
        row = await session.scalar(select(ProposalPartner).where(ProposalPartner.proposal_id == world.proposal.id))
        row.status = "invited"
        await session.flush()
        body = (await client.get(url(world), headers=toscana_manager)).json()
        assert outcomes(body)["partner_regions"] == "failed"
        confirmed = next(c for c in body["checks"] if c["key"] == "partners_confirmed")
        assert confirmed["outcome"] == "manual"
        assert confirmed["detail"] == (
            "Still invited, not confirmed: Tejidos Demo (ES52). Judge whether the proposal stands without them."
        )

    async def test_priorities_outside_the_call_fail(self, client, session, world, toscana_manager):
        world.proposal.priorities = ["creativity"]
        await session.flush()
        assert outcomes((await client.get(url(world), headers=toscana_manager)).json())["priorities"] == "failed"

    async def test_completeness_reads_the_latest_frozen_version_not_the_working_copy(
        self, client, session, world, toscana_manager
    ):
        await factories.frozen_version(session, proposal=world.proposal, content={
            "title": "Recycled fibre pilot line", "summary": "", "priorities": ["circular_economy"], "trl": 5,
            "budget_eur": "1.00", "requested_eur": "1.00", "answers": {},
        })
        body = (await client.get(url(world), headers=toscana_manager)).json()
        check = next(c for c in body["checks"] if c["key"] == "completeness")
        assert check["outcome"] == "failed"
        assert check["figures"] == {"version": 2, "missing": ["Summary", "Target market"]}


class TestWhoSeesTheScreening:
    async def test_lead_region_manager_and_admin_see_the_checklist(self, client, world, toscana_manager, admin):
        for headers in (toscana_manager, admin):
            body = (await client.get(url(world), headers=headers)).json()
            assert len(body["checks"]) == 5

    async def test_another_regions_manager_is_told_it_does_not_exist(self, client, world, norte_manager):
        response = await client.get(url(world), headers=norte_manager)
        assert response.status_code == 404
        assert response.json()["type"] == "urn:tex4im:problem:not-found"

    async def test_the_partner_regions_manager_reads_the_proposal_but_not_its_screening(
        self, client, world, valencia_manager
    ):
        response = await client.get(url(world), headers=valencia_manager)
        assert response.status_code == 403
        assert response.json()["type"] == "urn:tex4im:problem:screening-forbidden"

    async def test_co_author_sees_the_decision_and_reason_only(self, client, world, co_author, toscana_manager):
        before = (await client.get(url(world), headers=co_author)).json()
        assert before["checks"] is None
        assert before["decision"] is None
        assert before["can_decide"] is False
        await client.put(url(world), json={"eligible": True, "reason": "Meets every rule."}, headers=toscana_manager)
        after = (await client.get(url(world), headers=co_author)).json()
        assert after["checks"] is None
        decision = after["decision"]
        assert (decision["eligible"], decision["reason"], decision["outdated"]) == (True, "Meets every rule.", False)
        assert (decision["decided_by_name"], decision["overridden"], decision["checks"]) == (None, None, None)

    async def test_anonymous_callers_must_sign_in(self, client, world):
        assert (await client.get(url(world))).status_code == 401


class TestDecision:
    async def test_lead_region_manager_decides_eligible(self, client, session, world, toscana_manager, events_of):
        response = await client.put(url(world), json={"eligible": True, "reason": "Meets every rule."},
                                    headers=toscana_manager)
        assert response.status_code == 200
        decision = response.json()["decision"]
        assert decision["eligible"] is True
        assert decision["overridden"] is False
        assert decision["decided_by_name"] == "Test User"
        assert [c["key"] for c in decision["checks"]] == [
            "region_quota", "partner_regions", "priorities", "completeness", "partners_confirmed",
        ]
        assert await screening_outcome(session, world.proposal.id) is True
        entry = await session.scalar(select(TimelineEntry).where(TimelineEntry.proposal_id == world.proposal.id))
        assert (entry.kind, entry.actor, entry.comment) == ("screening", "manager-toscana", "Meets every rule.")
        assert entry.details == {"eligible": True, "overridden": False, "failed_checks": [], "version": 1}
        [(kind, payload)] = await events_of(world.proposal.id)
        assert kind == "proposal.screened"
        assert payload["eligible"] is True
        assert payload["reference"] == "SCR-ITI1-001"
        note = await session.scalar(select(Notification).where(Notification.proposal_id == world.proposal.id))
        assert (note.audience, note.audience_key) == ("organisation", str(world.lead.id))
        assert note.title == "SCR-ITI1-001 was screened: eligible"

    async def test_not_eligible_is_what_the_guard_reads(self, client, session, world, admin):
        response = await client.put(url(world), json={"eligible": False, "reason": "Out of scope."}, headers=admin)
        assert response.status_code == 200
        assert await screening_outcome(session, world.proposal.id) is False

    async def test_a_new_decision_replaces_the_previous_one(self, client, session, world, toscana_manager):
        await client.put(url(world), json={"eligible": False, "reason": "Missing letter."}, headers=toscana_manager)
        await client.put(url(world), json={"eligible": True, "reason": "Letter arrived."}, headers=toscana_manager)
        assert await session.scalar(select(func.count()).select_from(ScreeningDecision)) == 1
        assert await screening_outcome(session, world.proposal.id) is True

    async def test_the_reason_is_required(self, client, world, toscana_manager):
        response = await client.put(url(world), json={"eligible": True, "reason": "  "}, headers=toscana_manager)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["body.reason"]

    async def test_eligible_over_a_failed_check_needs_an_explanation(self, client, session, world, toscana_manager):
        world.proposal.priorities = ["creativity"]
        await session.flush()
        response = await client.put(url(world), json={"eligible": True, "reason": "Fine."}, headers=toscana_manager)
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:override-not-explained"
        assert problem["errors"][0]["field"] == "body.reason"
        assert problem["errors"][0]["code"] == "override_reason_too_short"
        assert await session.scalar(select(func.count()).select_from(ScreeningDecision)) == 0
        response = await client.put(url(world), json={"eligible": True, "reason": LONG_REASON},
                                    headers=toscana_manager)
        assert response.status_code == 200
        assert response.json()["decision"]["overridden"] is True

    async def test_not_eligible_over_a_failed_check_needs_no_long_reason(self, client, session, world, admin):
        world.proposal.priorities = ["creativity"]
        await session.flush()
        response = await client.put(url(world), json={"eligible": False, "reason": "Off-topic."}, headers=admin)
        assert response.json()["decision"]["overridden"] is False

    async def test_only_in_a_stage_the_screening_steps_leave(self, client, session, world, toscana_manager):
        for stage in ("submitted", "evaluation"):
            world.proposal.stage = stage
            await session.flush()
            response = await client.put(url(world), json={"eligible": True, "reason": "Ok."},
                                        headers=toscana_manager)
            assert response.status_code == 409
            assert response.json()["detail"] == (
                f"SCR-ITI1-001 is in stage '{stage}'; screening decisions are taken in 'screening'."
            )
            assert (await client.get(url(world), headers=toscana_manager)).json()["can_decide"] is False

    async def test_who_may_not_decide(self, client, world, co_author, valencia_manager, norte_manager):
        body = {"eligible": True, "reason": "Looks good to me."}
        assert (await client.put(url(world), json=body, headers=co_author)).status_code == 403
        assert (await client.put(url(world), json=body, headers=valencia_manager)).status_code == 403
        assert (await client.put(url(world), json=body, headers=norte_manager)).status_code == 404

    async def test_a_retried_decision_is_recorded_once(self, client, session, world, toscana_manager):
        headers = toscana_manager | {"Idempotency-Key": "screen-scr-iti1-001"}
        body = {"eligible": True, "reason": "Meets every rule."}
        first = await client.put(url(world), json=body, headers=headers)
        again = await client.put(url(world), json=body, headers=headers)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json() == first.json()
        count = select(func.count()).select_from(TimelineEntry).where(TimelineEntry.kind == "screening")
        assert await session.scalar(count) == 1


class TestGuard:
    async def test_no_decision_means_undecided(self, session, world):
        assert await screening_outcome(session, world.proposal.id) is None

    async def test_a_decision_on_an_earlier_version_no_longer_counts(self, client, session, world, toscana_manager):
        await client.put(url(world), json={"eligible": True, "reason": "Meets every rule."}, headers=toscana_manager)
        await factories.frozen_version(session, proposal=world.proposal)  # returned, changed and submitted again
        assert await screening_outcome(session, world.proposal.id) is None
        decision = (await client.get(url(world), headers=toscana_manager)).json()["decision"]
        assert decision["outdated"] is True

    async def test_a_decision_recorded_without_a_snapshot_still_counts(self, session, world):
        await factories.screening_decision(session, proposal=world.proposal, eligible=False)
        assert await screening_outcome(session, world.proposal.id) is False
