import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from proposals.call.models import CallField
from proposals.proposal.models import Proposal, TimelineEntry
from sqlalchemy import func, select
from tests.proposal.scenario import events_of
from tex4im_common.identity import Role

from tests import factories

MEMBER = "subject-member"


def form() -> list[CallField]:
    """A form with one question of every type."""
    return [
        CallField(key="market", label="Target market", type="long_text", required=True, position=0),
        CallField(key="tagline", label="Tagline", type="text", max_length=20, position=1),
        CallField(key="jobs", label="Jobs created", type="number", position=2),
        CallField(key="track", label="Track", type="choice", options=["industry", "research"], position=3),
        CallField(key="sme", label="Led by an SME", type="boolean", position=4),
        CallField(key="start", label="Start date", type="date", position=5),
        CallField(key="website", label="Website", type="url", position=6),
        CallField(key="costs", label="Cost breakdown", type="long_text", private_to_evaluators=True, position=7),
        CallField(key="pledge", label="Pledge", type="text", frozen_after=factories.now() - timedelta(days=1),
                  position=8),
    ]


@pytest.fixture
async def call(session):
    return await factories.call(session, code="TEX-2027", form_fields=form())


@pytest.fixture
async def lead(session):
    return await factories.organisation(session, region="ITI1", name="Lanificio Rossi")


@pytest.fixture
def member(identity_headers, lead):
    return identity_headers(Role.member, region="ITI1", organisation_id=lead.id, subject=MEMBER)


def new_proposal(call, lead, **overrides):
    return {
        "call_id": str(call.id), "title": "Recycled wool yarn", "acronym": "REWOOL",
        "summary": "Closed-loop wool recycling in Prato.", "priorities": ["circular_economy"],
        "value_chain": ["fibre", "yarn"], "trl": 5, "budget_eur": "500000", "requested_eur": "250000.50",
        "lead_organisation_id": str(lead.id), "answers": {"market": "EU outdoor apparel"},
    } | overrides


class TestStartingAProposal:
    async def test_member_starts_a_draft_for_their_organisation(self, client, session, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(call, lead), headers=member)
        assert response.status_code == 201, response.text
        created = response.json()
        assert response.headers["etag"] == '"1"'
        assert response.headers["location"] == f"/proposals/{created['id']}"
        assert created["reference"] == "TEX-2027-ITI1-001"
        assert created["stage"] == {"key": "draft", "label": "Draft", "kind": "initial", "editable": True}
        assert created["call"] == {"id": str(call.id), "code": "TEX-2027", "title": "Test call"}
        assert created["region_code"] == "ITI1"
        assert created["lead"]["name"] == "Lanificio Rossi"
        assert created["budget_eur"] == "500000.00"
        assert created["requested_eur"] == "250000.50"
        assert created["value_chain"] == ["fibre", "yarn"]
        assert created["answers"] == {"market": "EU outdoor apparel"}
        assert created["partners"] == []
        assert created["submitted_version"] == 0
        assert created["created_by_name"] == "Test User"
        assert created["permissions"] == {
            "can_edit": True, "can_manage_partners": True, "can_answer_invitation": [],
            "transitions": ["submit", "withdraw_draft"],
        }
        [entry] = (await session.scalars(
            select(TimelineEntry).where(TimelineEntry.proposal_id == uuid.UUID(created["id"])))).all()
        assert (entry.kind, entry.actor, entry.to_stage) == ("created", MEMBER, "draft")
        [(kind, payload)] = await events_of(session, created["id"])
        assert kind == "proposal.created"
        assert payload == {
            "proposal_id": created["id"], "call_id": str(call.id), "reference": "TEX-2027-ITI1-001",
            "stage": "draft", "region_code": "ITI1", "lead_organisation_id": str(lead.id),
            "title": "Recycled wool yarn",
        }

    async def test_references_count_up_per_call_with_the_leads_region(
        self, client, session, call, lead, member, identity_headers
    ):
        valencia = await factories.organisation(session, region="ES52")
        manager = identity_headers(Role.cluster_manager, region="ES52", subject="manager-es52")
        other_call = await factories.call(session, code="TEX-2028")
        first = await client.post("/proposals", json=new_proposal(call, lead), headers=member)
        second = await client.post("/proposals", json=new_proposal(call, valencia), headers=manager)
        third = await client.post("/proposals", json=new_proposal(call, lead), headers=member)
        elsewhere = await client.post("/proposals", json=new_proposal(other_call, lead, answers={}), headers=member)
        assert [r.json()["reference"] for r in (first, second, third, elsewhere)] == [
            "TEX-2027-ITI1-001", "TEX-2027-ES52-002", "TEX-2027-ITI1-003", "TEX-2028-ITI1-001",
        ]
        assert second.json()["region_code"] == "ES52"

    async def test_a_long_call_code_is_shortened_to_fit_the_reference(self, client, session, lead, member):
        call = await factories.call(session, code="A-VERY-LONG-CALL-CODE-FOR-THE-2027-ROUND")
        response = await client.post("/proposals", json=new_proposal(call, lead, answers={}), headers=member)
        assert response.json()["reference"] == "A-VERY-LONG-CALL-CODE-FOR-THE-2-ITI1-001"

    async def test_manager_starts_one_for_a_company_of_their_region_and_admin_for_any(
        self, client, session, call, lead, identity_headers
    ):
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1")
        admin = identity_headers(Role.consortium_admin, subject="admin")
        sweden = await factories.organisation(session, region="SE23")
        assert (await client.post("/proposals", json=new_proposal(call, lead), headers=manager)).status_code == 201
        assert (await client.post("/proposals", json=new_proposal(call, sweden), headers=admin)).status_code == 201
        refused = await client.post("/proposals", json=new_proposal(call, sweden), headers=manager)
        assert refused.status_code == 403

    async def test_member_cannot_lead_with_another_organisation(self, client, session, call, member):
        other = await factories.organisation(session, region="ITI1", name="Tessitura Bianchi")
        response = await client.post("/proposals", json=new_proposal(call, other), headers=member)
        assert response.status_code == 403
        assert response.json()["detail"].startswith("You may not name Tessitura Bianchi as the lead")
        assert await session.scalar(select(func.count()).select_from(Proposal)) == 0

    async def test_visitors_and_evaluators_cannot_start_one(self, client, call, lead, identity_headers):
        evaluator = identity_headers(Role.evaluator, subject="evaluator")
        assert (await client.post("/proposals", json=new_proposal(call, lead))).status_code == 401
        assert (await client.post("/proposals", json=new_proposal(call, lead), headers=evaluator)).status_code == 403


class TestTheCallMustBeOpen:
    async def test_a_draft_call_is_unknown_to_members(self, client, session, lead, member, identity_headers):
        call = await factories.call(session, status="draft")
        response = await client.post("/proposals", json=new_proposal(call, lead), headers=member)
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "body.call_id", "message": f"no call {call.id}", "code": "not_found"}
        ]
        admin = identity_headers(Role.consortium_admin, subject="admin")
        response = await client.post("/proposals", json=new_proposal(call, lead), headers=admin)
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:call-not-open"

    async def test_an_archived_call_takes_no_proposals(self, client, session, lead, member):
        call = await factories.call(session, status="archived", code="OLD-2024")
        response = await client.post("/proposals", json=new_proposal(call, lead), headers=member)
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "Call OLD-2024 is archived: proposals are started only in published calls."
        )

    async def test_an_unknown_call_is_named(self, client, lead, member):
        unknown = uuid.uuid4()
        response = await client.post("/proposals", json=new_proposal(SimpleNamespace(id=unknown), lead), headers=member)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.call_id"


class TestTheLeadOrganisation:
    async def test_an_organisation_missing_from_the_registry_is_refused(self, client, call, member):
        unknown = uuid.uuid4()
        response = await client.post("/proposals", json=new_proposal(call, SimpleNamespace(id=unknown)), headers=member)
        assert response.status_code == 422
        assert response.json()["type"] == "urn:tex4im:problem:organisation-unknown"
        assert response.json()["errors"] == [{
            "field": "body.lead_organisation_id", "message": f"no organisation {unknown} in the registry",
            "code": "organisation_unknown",
        }]

    async def test_a_merged_organisation_is_replaced_by_the_one_it_was_merged_into(
        self, client, session, call, identity_headers
    ):
        kept = await factories.organisation(session, region="ITI1", name="Rossi Group")
        merged = await factories.organisation(session, region="ITI1", name="Rossi Srl", merged_into_id=kept.id)
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1")
        response = await client.post("/proposals", json=new_proposal(call, merged), headers=manager)
        assert response.status_code == 201
        assert response.json()["lead"]["id"] == str(kept.id)
        assert response.json()["lead"]["name"] == "Rossi Group"


class TestAnswers:
    async def test_every_type_is_checked_and_each_problem_named(self, client, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(call, lead, answers={
            "market": 12, "tagline": "x" * 21, "jobs": "ten", "track": "trade", "sme": "yes", "start": "31/12/2027",
            "website": "example.eu", "budget_lines": "?",
        }), headers=member)
        assert response.status_code == 422
        assert sorted((e["field"], e["code"]) for e in response.json()["errors"]) == [
            ("body.answers.budget_lines", "unknown_field"), ("body.answers.jobs", "type"),
            ("body.answers.market", "type"), ("body.answers.sme", "type"), ("body.answers.start", "date"),
            ("body.answers.tagline", "max_length"), ("body.answers.track", "choice"), ("body.answers.website", "url"),
        ]

    async def test_valid_answers_are_kept_and_blank_ones_left_out(self, client, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(call, lead, answers={
            "market": "EU", "tagline": None, "jobs": 12.5, "track": "industry", "sme": False,
            "start": "2027-01-15", "website": "https://rewool.eu", "costs": "Looms 120k",
        }), headers=member)
        assert response.status_code == 201, response.text
        assert response.json()["answers"] == {
            "market": "EU", "jobs": 12.5, "track": "industry", "sme": False, "start": "2027-01-15",
            "website": "https://rewool.eu", "costs": "Looms 120k",
        }

    async def test_an_answer_past_its_freeze_cannot_be_given(self, client, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(call, lead, answers={"pledge": "yes"}),
                                     headers=member)
        assert response.status_code == 422
        assert response.json()["type"] == "urn:tex4im:problem:answer-frozen"
        assert response.json()["errors"][0]["field"] == "body.answers.pledge"


class TestStandardFields:
    async def test_requested_support_cannot_exceed_the_budget(self, client, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(call, lead, budget_eur="100", requested_eur="101"),
                                     headers=member)
        assert response.status_code == 422
        assert response.json()["errors"][0]["message"] == "Value error, requested_eur cannot exceed budget_eur"

    async def test_unknown_priorities_trl_and_money_are_refused(self, client, call, lead, member):
        response = await client.post("/proposals", json=new_proposal(
            call, lead, priorities=["sustainability"], trl=10, budget_eur="-1", value_chain=["weaving"], colour="red",
        ), headers=member)
        assert response.status_code == 422
        assert sorted(e["field"] for e in response.json()["errors"]) == [
            "body.budget_eur", "body.colour", "body.priorities.0", "body.trl", "body.value_chain.0",
        ]


class TestIdempotentStart:
    async def test_a_retry_with_the_same_key_starts_one_proposal(self, client, session, call, lead, member):
        headers = member | {"Idempotency-Key": "start-rewool-0001"}
        first = await client.post("/proposals", json=new_proposal(call, lead), headers=headers)
        again = await client.post("/proposals", json=new_proposal(call, lead), headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        assert await session.scalar(select(func.count()).select_from(Proposal)) == 1
