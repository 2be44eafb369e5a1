"""Feedback to applicants after the release: outcome, rank, and the consensus as far as the call's policy allows."""

from types import SimpleNamespace

from tex4im_common.identity import Role

from tests import factories


async def build(session, client, identity_headers, *, policy, release=True):
    """Two evaluated proposals (P-A 4.20 selected, P-B 3.60 reserve) in a call with the given feedback policy."""
    call = await factories.call(session, feedback_policy=policy, selected_count=1, reserve_count=1)
    lead = await factories.organisation(session, region="ITI1")
    partner = await factories.organisation(session, region="ES52")
    proposals = {}
    for reference, total, excellence, impact in (("P-A", "4.20", "4.5", "4"), ("P-B", "3.60", "4", "3")):
        proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner], stage="evaluation",
                                            reference=reference)
        await factories.consensus(session, proposal=proposal, total=total,
                                  scores={"excellence": excellence, "impact": impact},
                                  comments={"impact": "Market evidence is thin."}, summary="A credible consortium.")
        reviewer = await factories.evaluator(session, subject=f"evaluator-{reference}",
                                             name=f"Secret Reviewer {reference}")
        await factories.review_scores(
            session, assignment=await factories.assignment(session, proposal=proposal, evaluator=reviewer),
            scores={"excellence": "4", "impact": "3"}, comment="Private remark for the panel.", submitted=True)
        proposals[reference] = proposal
    admin = identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)
    if release:
        assert (await client.post(f"/calls/{call.id}/decisions/stage", headers=admin)).status_code == 200
        assert (await client.post(f"/calls/{call.id}/decisions/release", headers=admin)).status_code == 200
    author = identity_headers(Role.member, organisation_id=lead.id, subject="author-lead")
    return SimpleNamespace(call=call, proposals=proposals, lead=lead, partner=partner, author=author, admin=admin)


def url(world, reference="P-B"):
    return f"/proposals/{world.proposals[reference].id}/feedback"


class TestFeedbackPolicy:
    async def test_scores_and_comments(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="scores_and_comments")
        response = await client.get(url(world), headers=world.author)
        assert response.status_code == 200
        body = response.json()
        assert (body["outcome"], body["rank"], body["fundable_count"], body["policy"]) == (
            "reserve", 2, 2, "scores_and_comments")
        assert (body["total"], body["overall_threshold"], body["passed"]) == ("3.60", "3.00", True)
        assert body["scores"] == [
            {"criterion": "excellence", "title": "Excellence", "score": "4", "threshold": "3.00", "passed": True,
             "comment": ""},
            {"criterion": "impact", "title": "Impact", "score": "3", "threshold": "2.50", "passed": True,
             "comment": "Market evidence is thin."}]
        assert body["summary"] == "A credible consortium."

    async def test_scores_only(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="scores")
        body = (await client.get(url(world, "P-A"), headers=world.author)).json()
        assert (body["outcome"], body["rank"], body["total"]) == ("selected", 1, "4.20")
        assert [(s["criterion"], s["score"], s["comment"]) for s in body["scores"]] == [
            ("excellence", "4.5", None), ("impact", "4", None)]
        assert body["summary"] is None

    async def test_no_assessment_under_the_none_policy(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="none")
        body = (await client.get(url(world), headers=world.author)).json()
        assert (body["outcome"], body["rank"], body["fundable_count"]) == ("reserve", 2, 2)
        assert (body["total"], body["scores"], body["summary"], body["passed"]) == (None, None, None, None)

    async def test_never_evaluators_nor_their_reviews(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="scores_and_comments")
        text = (await client.get(url(world), headers=world.author)).text
        assert "Secret Reviewer" not in text
        assert "Private remark" not in text
        assert "evaluator" not in text


class TestFeedbackTiming:
    async def test_nothing_before_the_release(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="scores_and_comments", release=False)
        response = await client.get(url(world), headers=world.author)
        assert response.status_code == 409
        assert response.json()["title"] == "Not released yet"
        assert response.json()["detail"] == f"The panel's decisions on call {world.call.code} are not released yet."

    async def test_a_proposal_the_panel_did_not_decide_on_has_no_feedback(self, client, session, identity_headers):
        world = await build(session, client, identity_headers, policy="scores")
        withdrawn = await factories.proposal(session, call=world.call, lead=world.lead, stage="withdrawn",
                                             reference="P-GONE")
        response = await client.get(f"/proposals/{withdrawn.id}/feedback", headers=world.author)
        assert response.status_code == 404
        assert response.json()["title"] == "No feedback for this proposal"


class TestFeedbackReaders:
    async def test_co_authors_the_lead_region_s_managers_and_the_admin_read_it(
        self, client, session, identity_headers
    ):
        world = await build(session, client, identity_headers, policy="scores")
        partner_author = identity_headers(Role.member, organisation_id=world.partner.id, subject="author-partner")
        lead_manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")
        for headers in (world.author, partner_author, lead_manager, world.admin):
            assert (await client.get(url(world), headers=headers)).status_code == 200

    async def test_a_partner_region_s_manager_is_refused_and_a_stranger_told_nothing(
        self, client, session, identity_headers
    ):
        world = await build(session, client, identity_headers, policy="scores")
        partner_manager = identity_headers(Role.cluster_manager, region="ES52", subject="manager-valencia")
        stranger = identity_headers(Role.member, organisation_id=None, subject="someone-else")
        assert (await client.get(url(world), headers=partner_manager)).status_code == 403
        assert (await client.get(url(world), headers=stranger)).status_code == 404
        assert (await client.get(url(world))).status_code == 401
