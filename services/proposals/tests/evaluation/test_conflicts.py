"""Conflicts of interest: each source of a conflict, declarations, what they withdraw, and what evaluators see."""

import uuid
from types import SimpleNamespace

import pytest
from proposals.db import outbox
from proposals.evaluation.conflicts import (
    ConflictKind,
    EvaluatorFacts,
    ProposalFacts,
    conflicts,
    consortium_languages,
)
from proposals.evaluation.models import Assignment
from proposals.notification.models import Notification
from proposals.proposal.models import ProposalPartner
from sqlalchemy import select
from tex4im_common.identity import Role

from tests import factories

LEAD, PARTNER, DECLINED, ELSEWHERE = (uuid.UUID(int=i) for i in (1, 2, 3, 4))
PROPOSAL = uuid.UUID(int=10)
EVA = "evaluator-eva"


def proposal_facts(exclude_own_region=False):
    return ProposalFacts(id=PROPOSAL, lead_organisation_id=LEAD, region_code="ITI1",
                         partner_organisation_ids=frozenset({PARTNER}), region_codes=frozenset({"ITI1", "ES52"}),
                         exclude_own_region=exclude_own_region)


def evaluator(organisation=None, region="PT11", proposals=None, organisations=None):
    return EvaluatorFacts(id=uuid.UUID(int=99), organisation_id=organisation, region_code=region,
                          declared_proposals=proposals or {}, declared_organisations=organisations or {})


def kinds(reasons):
    return [r.kind for r in reasons]


class TestSources:
    def test_no_link_no_conflict(self):
        assert conflicts(evaluator(organisation=ELSEWHERE), proposal_facts()) == []

    def test_working_for_the_lead_organisation(self):
        reasons = conflicts(evaluator(organisation=LEAD), proposal_facts())
        assert kinds(reasons) == [ConflictKind.lead_organisation]
        assert reasons[0].detail == "works for the lead organisation"

    def test_working_for_a_partner(self):
        assert kinds(conflicts(evaluator(organisation=PARTNER), proposal_facts())) == [
            ConflictKind.partner_organisation
        ]

    def test_a_declined_partner_is_no_conflict(self):
        assert conflicts(evaluator(organisation=DECLINED), proposal_facts()) == []

    def test_the_leads_region_only_when_the_call_excludes_it(self):
        assert conflicts(evaluator(region="ITI1"), proposal_facts(exclude_own_region=False)) == []
        reasons = conflicts(evaluator(region="ITI1"), proposal_facts(exclude_own_region=True))
        assert kinds(reasons) == [ConflictKind.own_region]
        assert reasons[0].detail == "works in the lead's region (ITI1), and the call excludes evaluators from it"
        assert conflicts(evaluator(region="ES52"), proposal_facts(exclude_own_region=True)) == []

    def test_declared_with_the_proposal(self):
        reasons = conflicts(evaluator(proposals={PROPOSAL: "I advised them"}), proposal_facts())
        assert [r.detail for r in reasons] == ["declared a conflict with this proposal: I advised them"]

    def test_declared_with_an_organisation_it_names(self):
        assert kinds(conflicts(evaluator(organisations={PARTNER: "former employer"}), proposal_facts())) == [
            ConflictKind.declared_organisation
        ]
        assert conflicts(evaluator(organisations={ELSEWHERE: "competitor"}), proposal_facts()) == []

    def test_the_consortiums_languages(self):
        assert consortium_languages(proposal_facts()) == {"it", "es"}


@pytest.fixture
async def world(session):
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Demo (ITI1)")
    partner = await factories.organisation(session, region="ES52", name="Tejidos Demo (ES52)")
    gone = await factories.organisation(session, region="PT11", name="Fiação Demo (PT11)")
    other_lead = await factories.organisation(session, region="CZ05", name="Textil Demo (CZ05)")
    first = await factories.proposal(session, call=call, lead=lead, partners=[partner], stage="evaluation",
                                     reference="EVAL-001", acronym="FIBRE")
    session.add(ProposalPartner(proposal_id=first.id, organisation_id=gone.id, region_code="PT11",
                                          status="declined", invited_by="x"))
    second = await factories.proposal(session, call=call, lead=other_lead, stage="evaluation", reference="EVAL-002")
    draft = await factories.proposal(session, call=call, lead=lead, stage="draft", reference="DRAFT-001")
    await session.flush()
    eva = await factories.evaluator(session, subject=EVA, name="Eva", region="SE23")
    return SimpleNamespace(call=call, lead=lead, partner=partner, other_lead=other_lead, first=first, second=second,
                           draft=draft, eva=eva)


@pytest.fixture
def eva_headers(identity_headers):
    return identity_headers(Role.evaluator, subject=EVA)


async def declare(client, headers, **body):
    return await client.post("/evaluators/me/conflicts", json={"reason": "I consulted for them in 2025."} | body,
                             headers=headers)


class TestDeclaring:
    async def test_declare_list_and_take_back_a_conflict_with_a_proposal(self, client, world, eva_headers):
        response = await declare(client, eva_headers, proposal_id=str(world.first.id))
        assert response.status_code == 201
        created = response.json()
        assert response.headers["location"] == f"/evaluators/me/conflicts/{created['id']}"
        assert created["proposal"] == {"id": str(world.first.id), "reference": "EVAL-001",
                                       "title": "Recycled fibre pilot line", "region_code": "ITI1"}
        assert (created["organisation"], created["withdrawn_from"]) == (None, [])
        listed = (await client.get("/evaluators/me/conflicts", headers=eva_headers)).json()
        assert [d["id"] for d in listed] == [created["id"]]
        assert (await client.delete(f"/evaluators/me/conflicts/{created['id']}", headers=eva_headers)).status_code \
            == 204
        assert (await client.get("/evaluators/me/conflicts", headers=eva_headers)).json() == []
        assert (await client.delete(f"/evaluators/me/conflicts/{created['id']}", headers=eva_headers)).status_code \
            == 404

    async def test_declare_a_conflict_with_an_organisation(self, client, world, eva_headers):
        created = (await declare(client, eva_headers, organisation_id=str(world.partner.id))).json()
        assert created["organisation"] == {"id": str(world.partner.id), "name": "Tejidos Demo (ES52)",
                                           "region_code": "ES52"}
        assert created["proposal"] is None

    async def test_the_same_conflict_twice_is_refused(self, client, world, eva_headers):
        await declare(client, eva_headers, proposal_id=str(world.first.id))
        response = await declare(client, eva_headers, proposal_id=str(world.first.id))
        assert response.status_code == 409
        assert response.json()["type"] == "urn:tex4im:problem:conflict-already-declared"

    async def test_exactly_one_target(self, client, world, eva_headers):
        both = await declare(client, eva_headers, proposal_id=str(world.first.id), organisation_id=str(world.lead.id))
        neither = await declare(client, eva_headers)
        for response in (both, neither):
            assert response.status_code == 422
            assert [e["field"] for e in response.json()["errors"]] == ["body.proposal_id", "body.organisation_id"]

    async def test_unknown_targets_and_drafts_are_refused(self, client, world, eva_headers):
        for body in ({"proposal_id": str(uuid.uuid4())}, {"proposal_id": str(world.draft.id)}):
            response = await declare(client, eva_headers, **body)
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == "body.proposal_id"
        response = await declare(client, eva_headers, organisation_id=str(uuid.uuid4()))
        assert response.json()["errors"][0]["field"] == "body.organisation_id"

    async def test_register_before_declaring(self, client, world, identity_headers):
        stranger = identity_headers(Role.evaluator, subject="evaluator-new")
        assert (await declare(client, stranger, proposal_id=str(world.first.id))).status_code == 404

    async def test_someone_elses_declaration_is_not_found(self, client, session, world, identity_headers, eva_headers):
        created = (await declare(client, eva_headers, proposal_id=str(world.first.id))).json()
        await factories.evaluator(session, subject="evaluator-rui")
        rui = identity_headers(Role.evaluator, subject="evaluator-rui")
        assert (await client.delete(f"/evaluators/me/conflicts/{created['id']}", headers=rui)).status_code == 404


class TestDeclaringWhileAssigned:
    async def test_the_assignment_is_withdrawn_and_a_replacement_assigned(
        self, client, session, world, eva_headers
    ):
        mine = await factories.assignment(session, proposal=world.first, evaluator=world.eva)
        rui = await factories.evaluator(session, subject="evaluator-rui", name="Rui")
        await factories.assignment(session, proposal=world.first, evaluator=rui)
        ines = await factories.evaluator(session, subject="evaluator-ines", name="Inês")
        response = await declare(client, eva_headers, proposal_id=str(world.first.id))
        assert response.json()["withdrawn_from"] == ["EVAL-001"]
        await session.refresh(mine)
        assert mine.status == "withdrawn"
        assert mine.withdrawn_reason == "Conflict of interest declared by the evaluator: I consulted for them in 2025."
        replacement = await session.scalar(select(Assignment).where(
            Assignment.proposal_id == world.first.id, Assignment.evaluator_id == ines.id))
        assert (replacement.status, replacement.reason) == ("assigned", "automatic")
        table = outbox.table
        events = (await session.execute(select(table.c.type, table.c.aggregate_id).order_by(table.c.position))).all()
        assert [(e.type, e.aggregate_id) for e in events] == [
            ("evaluation.assignment_withdrawn", str(mine.id)), ("evaluation.assigned", str(replacement.id)),
        ]
        notes = (await session.scalars(select(Notification).order_by(Notification.created_at))).all()
        assert {(n.audience, n.audience_key, n.title) for n in notes} == {
            ("evaluator", "evaluator-ines", "A new proposal to evaluate: EVAL-001"),
            ("admins", "", "Conflict of interest on EVAL-001: a replacement was assigned"),
        }

    async def test_the_admin_hears_when_nobody_can_replace(self, client, session, world, eva_headers):
        await factories.assignment(session, proposal=world.first, evaluator=world.eva)
        await declare(client, eva_headers, proposal_id=str(world.first.id))
        note = await session.scalar(select(Notification).where(Notification.audience == "admins"))
        assert note.title == "Conflict of interest on EVAL-001: no replacement could be assigned"

    async def test_an_organisation_withdraws_me_from_the_proposals_naming_it_only(
        self, client, session, world, eva_headers
    ):
        naming = await factories.assignment(session, proposal=world.first, evaluator=world.eva)
        other = await factories.assignment(session, proposal=world.second, evaluator=world.eva)
        response = await declare(client, eva_headers, organisation_id=str(world.partner.id))
        assert response.json()["withdrawn_from"] == ["EVAL-001"]
        await session.refresh(naming)
        await session.refresh(other)
        assert (naming.status, other.status) == ("withdrawn", "assigned")


class TestProposalsInEvaluation:
    async def test_evaluators_see_only_the_facts_needed_to_spot_a_conflict(self, client, world, eva_headers):
        response = await client.get("/evaluation/proposals", headers=eva_headers)
        assert response.status_code == 200
        items = response.json()["items"]
        assert [p["reference"] for p in items] == ["EVAL-001", "EVAL-002"]  # never the draft
        first = items[0]
        assert set(first) == {"id", "reference", "title", "acronym", "call_id", "lead", "partners", "conflicts"}
        assert first["acronym"] == "FIBRE"
        assert first["lead"] == {"id": str(world.lead.id), "name": "Lanificio Demo (ITI1)", "region_code": "ITI1"}
        assert first["partners"] == [  # the declined partner is no longer part of it
            {"id": str(world.partner.id), "name": "Tejidos Demo (ES52)", "region_code": "ES52"}
        ]
        assert first["conflicts"] == []

    async def test_my_conflicts_are_shown_with_each_proposal(self, client, session, world, eva_headers):
        world.eva.organisation_id = world.partner.id
        await session.flush()
        await declare(client, eva_headers, proposal_id=str(world.second.id))
        items = (await client.get("/evaluation/proposals", headers=eva_headers)).json()["items"]
        assert [[c["kind"] for c in p["conflicts"]] for p in items] == [
            ["partner_organisation"], ["declared_proposal"],
        ]

    async def test_filter_by_call_and_unregistered_evaluators(self, client, session, world, identity_headers):
        other_call = await factories.call(session)
        await factories.proposal(session, call=other_call, lead=world.lead, stage="evaluation", reference="EVAL-900")
        newcomer = identity_headers(Role.evaluator, subject="evaluator-new")
        page = (await client.get("/evaluation/proposals", params={"call_id": str(other_call.id)},
                                 headers=newcomer)).json()
        assert [(p["reference"], p["conflicts"]) for p in page["items"]] == [("EVAL-900", None)]

    async def test_only_evaluators_list_them(self, client, world, identity_headers):
        member = identity_headers(Role.member, organisation_id=world.lead.id, subject="member-x")
        assert (await client.get("/evaluation/proposals", headers=member)).status_code == 403
