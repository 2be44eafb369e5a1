"""Reviewer assignment: the automatic run, manual assignment, withdrawal, the call's list, and one extra evaluator."""

import uuid
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from proposals.db import outbox
from proposals.evaluation.models import Assignment, ConflictDeclaration, Score
from proposals.evaluation.staffing import assign_extra
from proposals.notification.models import Notification
from sqlalchemy import func, select
from tex4im_common.identity import Role

from tests import factories


@pytest.fixture
def admin(identity_headers):
    return identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT)


@pytest.fixture
async def world(session):
    """A call asking for 3 evaluators; organisations in Toscana, Valencia and Norte."""
    call = await factories.call(session, min_evaluators=3, code="AUTO-2026")
    toscana = await factories.organisation(session, region="ITI1", name="Lanificio Demo (ITI1)")
    valencia = await factories.organisation(session, region="ES52", name="Tejidos Demo (ES52)")
    norte = await factories.organisation(session, region="PT11", name="Fiação Demo (PT11)")
    return SimpleNamespace(call=call, toscana=toscana, valencia=valencia, norte=norte)


async def proposals(session, world, count, *, stage="evaluation", **fields):
    return [
        await factories.proposal(session, call=world.call, lead=world.toscana, partners=[world.valencia],
                                 stage=stage, reference=f"AUTO-{stage[:4].upper()}-{i:03}", **fields)
        for i in range(1, count + 1)
    ]


async def evaluators(session, count, **fields):
    return [await factories.evaluator(session, subject=f"evaluator-{i}", name=f"Evaluator {i}", **fields)
            for i in range(1, count + 1)]


async def active_assignments(session):
    rows = await session.scalars(select(Assignment).where(Assignment.status != "withdrawn"))
    return list(rows.all())


def declaration(evaluator, **target):
    return ConflictDeclaration(evaluator_id=evaluator.id, reason="declared in the test", **target)


def auto(world):
    return f"/calls/{world.call.id}/assignments/auto"


class TestAutomaticRun:
    async def test_ten_proposals_times_three_over_six_evaluators_load_five_each(
        self, client, session, world, admin
    ):
        await proposals(session, world, 10)
        pool = await evaluators(session, 6)
        response = await client.post(auto(world), headers=admin)
        assert response.status_code == 200
        report = response.json()
        assert (report["assigned"], report["withdrawn"], report["still_short"]) == (30, 0, [])
        assert [(row["target"], row["active"], len(row["added"])) for row in report["proposals"]] == [(3, 3, 3)] * 10
        assert [(load["evaluator"]["name"], load["load"]) for load in report["loads"]] == [
            (f"Evaluator {i}", 5) for i in range(1, 7)
        ]
        rows = await active_assignments(session)
        assert Counter(a.evaluator_id for a in rows) == {e.id: 5 for e in pool}
        assert {(a.status, a.reason) for a in rows} == {("assigned", "automatic")}
        table = outbox.table
        events = await session.scalar(select(func.count()).select_from(table)
                                      .where(table.c.type == "evaluation.assigned"))
        assert events == 30
        notes = (await session.scalars(select(Notification).where(Notification.audience == "evaluator"))).all()
        assert sorted((n.audience_key, n.title) for n in notes) == [
            (f"evaluator-{i}", "5 new proposals to evaluate in call AUTO-2026") for i in range(1, 7)
        ]

    async def test_a_second_run_changes_nothing(self, client, session, world, admin):
        await proposals(session, world, 4)
        await evaluators(session, 4)
        await client.post(auto(world), headers=admin)
        before = {(a.proposal_id, a.evaluator_id) for a in await active_assignments(session)}
        again = (await client.post(auto(world), headers=admin)).json()
        assert (again["assigned"], again["withdrawn"]) == (0, 0)
        assert {(a.proposal_id, a.evaluator_id) for a in await active_assignments(session)} == before

    async def test_every_conflict_source_is_excluded(self, client, session, world, admin):
        world.call.exclude_own_region_evaluators = True
        [proposal] = await proposals(session, world, 1)
        await factories.evaluator(session, name="Lead staff", organisation=world.toscana, region="CZ05")
        await factories.evaluator(session, name="Partner staff", organisation=world.valencia)
        await factories.evaluator(session, name="Same region", region="ITI1")
        declared = await factories.evaluator(session, name="Declared")
        session.add(declaration(declared, proposal_id=proposal.id))
        by_org = await factories.evaluator(session, name="Declared organisation")
        session.add(declaration(by_org, organisation_id=world.valencia.id))
        await factories.evaluator(session, name="Inactive", active=False)
        free = await evaluators(session, 2)
        await session.flush()
        report = (await client.post(auto(world), headers=admin)).json()
        [row] = report["proposals"]
        assert sorted(e["name"] for e in row["added"]) == ["Evaluator 1", "Evaluator 2"]
        assert (row["short"], row["short_reason"]) == (1, "only 2 evaluators without a conflict")
        assert report["still_short"] == [row]
        assert {a.evaluator_id for a in await active_assignments(session)} == {e.id for e in free}

    async def test_max_load_is_respected(self, client, session, world, admin):
        await proposals(session, world, 3)
        capped = await evaluators(session, 4, max_load=2)
        report = (await client.post(auto(world), headers=admin)).json()
        assert report["assigned"] == 8
        assert Counter(a.evaluator_id for a in await active_assignments(session)) == {e.id: 2 for e in capped}
        assert [row["short_reason"] for row in report["still_short"]] == [
            "the other evaluators without a conflict have reached their maximum load"
        ]

    async def test_only_proposals_in_the_evaluation_stage_are_staffed(self, client, session, world, admin):
        await proposals(session, world, 1, stage="screening")
        [evaluated] = await proposals(session, world, 1)
        await evaluators(session, 3)
        report = (await client.post(auto(world), headers=admin)).json()
        assert [row["proposal"]["id"] for row in report["proposals"]] == [str(evaluated.id)]

    async def test_kept_reviews_count_and_untouched_automatic_ones_move_to_balance(
        self, client, session, world, admin
    ):
        world.call.min_evaluators = 1
        papers = await proposals(session, world, 4)
        first, _ = await evaluators(session, 2)
        submitted = await factories.assignment(session, proposal=papers[0], evaluator=first, status="submitted")
        for paper in papers[1:]:
            await factories.assignment(session, proposal=paper, evaluator=first)
        report = (await client.post(auto(world), headers=admin)).json()
        # 4 reviews for the first evaluator, none for the second: two of the untouched ones move
        assert (report["assigned"], report["withdrawn"]) == (2, 2)
        assert [load["load"] for load in report["loads"]] == [2, 2]
        moved = [row for row in report["proposals"] if row["moved_away"]]
        assert [(m["moved_away"][0]["name"], m["added"][0]["name"]) for m in moved] == [
            ("Evaluator 1", "Evaluator 2")
        ] * 2
        await session.refresh(submitted)
        assert submitted.status == "submitted"
        withdrawn = await session.scalar(select(Assignment).where(Assignment.status == "withdrawn"))
        assert withdrawn.withdrawn_reason == "Moved to another evaluator to balance the load."

    async def test_a_retried_run_with_the_same_key_runs_once(self, client, session, world, admin):
        await proposals(session, world, 2)
        await evaluators(session, 3)
        headers = admin | {"Idempotency-Key": "auto-assign-run-1"}
        first = await client.post(auto(world), headers=headers)
        again = await client.post(auto(world), headers=headers)
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json() == first.json()
        assert len(await active_assignments(session)) == 6

    async def test_who_and_when(self, client, session, world, admin, identity_headers):
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")
        assert (await client.post(auto(world), headers=manager)).status_code == 403
        assert (await client.post(f"/calls/{uuid.uuid4()}/assignments/auto", headers=admin)).status_code == 404
        world.call.decisions_released_at = datetime.now(UTC)
        await session.flush()
        response = await client.post(auto(world), headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == "The decisions of call AUTO-2026 are released; its assignments are final."


class TestManualAssignment:
    async def test_admin_assigns_an_evaluator(self, client, session, world, admin):
        [proposal] = await proposals(session, world, 1)
        evaluator = await factories.evaluator(session, subject="evaluator-ana", name="Ana")
        response = await client.post(f"/proposals/{proposal.id}/assignments", json={"evaluator_id": str(evaluator.id)},
                                     headers=admin)
        assert response.status_code == 201
        body = response.json()
        assert response.headers["location"] == f"/assignments/{body['id']}"
        assert (body["status"], body["reason"], body["evaluator"]["name"]) == ("assigned", "manual", "Ana")
        note = await session.scalar(select(Notification).where(Notification.audience == "evaluator"))
        assert (note.audience_key, note.title) == ("evaluator-ana", "A new proposal to evaluate: AUTO-EVAL-001")

    async def test_a_conflict_is_refused_naming_it(self, client, session, world, admin):
        [proposal] = await proposals(session, world, 1)
        staff = await factories.evaluator(session, name="Marta", organisation=world.valencia)
        response = await client.post(f"/proposals/{proposal.id}/assignments", json={"evaluator_id": str(staff.id)},
                                     headers=admin)
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:conflict-of-interest"
        assert problem["detail"] == "Marta may not evaluate AUTO-EVAL-001: works for a partner organisation."
        assert problem["conflicts"] == [{"kind": "partner_organisation", "detail": "works for a partner organisation"}]
        assert await session.scalar(select(func.count()).select_from(Assignment)) == 0

    async def test_unavailable_evaluators_are_refused(self, client, session, world, admin):
        [proposal, other] = await proposals(session, world, 2)
        inactive = await factories.evaluator(session, name="Retired", active=False)
        full = await factories.evaluator(session, name="Full", max_load=1)
        await factories.assignment(session, proposal=other, evaluator=full)
        on_it = await factories.evaluator(session, name="On it")
        await factories.assignment(session, proposal=proposal, evaluator=on_it)
        for evaluator, detail in (
            (inactive, "Retired is not an active evaluator."),
            (full, "Full already has 1 assignments, their maximum; raise it or choose someone else."),
            (on_it, "On it is already assigned to AUTO-EVAL-001."),
        ):
            response = await client.post(f"/proposals/{proposal.id}/assignments",
                                         json={"evaluator_id": str(evaluator.id)}, headers=admin)
            assert (response.status_code, response.json()["detail"]) == (409, detail)

    async def test_the_proposal_must_be_in_evaluation_and_the_evaluator_known(self, client, session, world, admin):
        [screened] = await proposals(session, world, 1, stage="screening")
        evaluator = await factories.evaluator(session)
        response = await client.post(f"/proposals/{screened.id}/assignments",
                                     json={"evaluator_id": str(evaluator.id)}, headers=admin)
        assert response.status_code == 409
        [proposal] = await proposals(session, world, 1)
        response = await client.post(f"/proposals/{proposal.id}/assignments", json={"evaluator_id": str(uuid.uuid4())},
                                     headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "body.evaluator_id"

    async def test_an_evaluator_taken_off_before_starts_afresh(self, client, session, world, admin):
        [proposal] = await proposals(session, world, 1)
        evaluator = await factories.evaluator(session)
        old = await factories.assignment(session, proposal=proposal, evaluator=evaluator, status="withdrawn",
                                         withdrawn_reason="Admin took it back.")
        session.add(Score(assignment_id=old.id, criterion="excellence", value=Decimal("4")))
        await session.flush()
        body = (await client.post(f"/proposals/{proposal.id}/assignments", json={"evaluator_id": str(evaluator.id)},
                                  headers=admin)).json()
        assert body["id"] == str(old.id)
        assert (body["status"], body["withdrawn_reason"]) == ("assigned", None)
        assert await session.scalar(select(func.count()).select_from(Score)) == 0


class TestWithdrawal:
    async def test_admin_withdraws_an_assignment(self, client, session, world, admin):
        [proposal] = await proposals(session, world, 1)
        assignment = await factories.assignment(session, proposal=proposal, evaluator=await factories.evaluator(
            session, subject="evaluator-ana"))
        response = await client.delete(f"/assignments/{assignment.id}", params={"reason": "Language mismatch."},
                                       headers=admin)
        assert response.status_code == 204
        await session.refresh(assignment)
        assert (assignment.status, assignment.withdrawn_reason) == ("withdrawn", "Language mismatch.")
        table = outbox.table
        event = (await session.execute(select(table.c.type, table.c.payload))).one()
        assert event.type == "evaluation.assignment_withdrawn"
        assert event.payload["reason"] == "Language mismatch."
        assert (await client.delete(f"/assignments/{assignment.id}", headers=admin)).status_code == 204

    async def test_a_submitted_review_stays(self, client, session, world, admin):
        [proposal] = await proposals(session, world, 1)
        assignment = await factories.assignment(session, proposal=proposal, evaluator=await factories.evaluator(
            session), status="submitted")
        response = await client.delete(f"/assignments/{assignment.id}", headers=admin)
        assert response.status_code == 409
        assert response.json()["detail"] == (
            "The review was submitted; a submitted review stays part of the evaluation."
        )

    async def test_only_the_admin_withdraws(self, client, session, world, identity_headers, admin):
        [proposal] = await proposals(session, world, 1)
        assignment = await factories.assignment(session, proposal=proposal, evaluator=await factories.evaluator(
            session, subject="evaluator-ana"))
        evaluator = identity_headers(Role.evaluator, subject="evaluator-ana")
        assert (await client.delete(f"/assignments/{assignment.id}", headers=evaluator)).status_code == 403
        assert (await client.delete(f"/assignments/{uuid.uuid4()}", headers=admin)).status_code == 404


class TestTheCallsAssignments:
    async def test_admin_sees_all_with_scores_and_managers_their_regions_without(
        self, client, session, world, admin, identity_headers
    ):
        [toscana_led] = await proposals(session, world, 1)
        norte_led = await factories.proposal(session, call=world.call, lead=world.norte, stage="evaluation",
                                             reference="AUTO-NORTE-001")
        evaluator = await factories.evaluator(session, name="Ana")
        scored = await factories.assignment(session, proposal=toscana_led, evaluator=evaluator, status="submitted")
        session.add(Score(assignment_id=scored.id, criterion="excellence", value=Decimal("4.5")))
        await factories.assignment(session, proposal=norte_led, evaluator=evaluator)
        url = f"/calls/{world.call.id}/assignments"
        everything = (await client.get(url, headers=admin)).json()["items"]
        assert [(a["proposal"]["reference"], a["scores"]) for a in everything] == [
            ("AUTO-EVAL-001", [{"criterion": "excellence", "value": "4.5"}]), ("AUTO-NORTE-001", []),
        ]
        toscana = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-toscana")
        mine = (await client.get(url, headers=toscana)).json()["items"]
        assert [(a["proposal"]["reference"], a["scores"]) for a in mine] == [("AUTO-EVAL-001", None)]
        submitted = (await client.get(url, params={"status": "submitted"}, headers=admin)).json()["items"]
        assert [a["id"] for a in submitted] == [str(scored.id)]
        first = (await client.get(url, params={"limit": 1}, headers=admin)).json()
        rest = (await client.get(url, params={"limit": 1, "cursor": first["next_cursor"]}, headers=admin)).json()
        assert [a["proposal"]["reference"] for a in first["items"] + rest["items"]] == [
            "AUTO-EVAL-001", "AUTO-NORTE-001",
        ]

    async def test_members_and_evaluators_do_not_list_them(self, client, world, identity_headers, admin):
        url = f"/calls/{world.call.id}/assignments"
        for role in (Role.member, Role.evaluator):
            assert (await client.get(url, headers=identity_headers(role, subject="someone"))).status_code == 403
        assert (await client.get(f"/calls/{uuid.uuid4()}/assignments", headers=admin)).status_code == 404


class TestOneMoreEvaluator:
    async def test_the_least_loaded_without_a_conflict_who_is_not_on_it(self, session, world):
        [proposal, other] = await proposals(session, world, 2)
        on_it, conflicted, busy, light = (
            await factories.evaluator(session, name="On it"),
            await factories.evaluator(session, name="Conflicted", organisation=world.toscana),
            await factories.evaluator(session, name="Busy"),
            await factories.evaluator(session, subject="evaluator-light", name="Light"),
        )
        await factories.assignment(session, proposal=proposal, evaluator=on_it)
        await factories.assignment(session, proposal=other, evaluator=busy)
        extra = await assign_extra(session, proposal=proposal, call=world.call, reason="divergence")
        assert (extra.evaluator_id, extra.reason, extra.status) == (light.id, "divergence", "assigned")
        assert conflicted.id != extra.evaluator_id
        note = await session.scalar(select(Notification).where(Notification.audience_key == "evaluator-light"))
        assert note.proposal_id == proposal.id

    async def test_none_when_nobody_qualifies(self, session, world):
        [proposal] = await proposals(session, world, 1)
        await factories.evaluator(session, organisation=world.valencia)
        assert await assign_extra(session, proposal=proposal, call=world.call, reason="divergence") is None
