import uuid
from decimal import Decimal

import pytest
from proposals.proposal.models import ProposalVersion, TimelineEntry
from proposals.proposal.versions import freeze
from sqlalchemy import func, select
from tex4im_common.identity import Role

from tests import factories

AUTHOR = "author-of-the-lead"
PARTNER_AUTHOR = "author-of-a-partner"
OUTSIDER = "someone-else"


@pytest.fixture
async def world(session):
    call = await factories.call(session, code="TEX-2027")
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
    partner = await factories.organisation(session, region="ES52", name="Tintes Valencia")
    proposal = await factories.proposal(
        session, call=call, lead=lead, partners=[partner], stage="submitted", title="Recycled wool yarn",
        acronym="REWOOL", summary="Closed-loop wool recycling in Prato.",
        priorities=["circular_economy"], value_chain=["fibre", "yarn"], trl=5,
        budget_eur=Decimal("500000"), requested_eur=Decimal("250000.5"),
        answers={"market": "EU outdoor apparel", "confidential_costs": "Looms 120k, staff 80k"},
    )
    return {"call": call, "lead": lead, "partner": partner, "proposal": proposal}


@pytest.fixture
def people(identity_headers, world):
    return {
        "author": identity_headers(Role.member, organisation_id=world["lead"].id, subject=AUTHOR),
        "partner": identity_headers(Role.member, organisation_id=world["partner"].id, subject=PARTNER_AUTHOR),
        "lead_manager": identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1"),
        "partner_manager": identity_headers(Role.cluster_manager, region="ES52", subject="manager-es52"),
        "other_manager": identity_headers(Role.cluster_manager, region="PT11", subject="manager-pt11"),
        "outsider": identity_headers(Role.member, organisation_id=uuid.uuid4(), subject=OUTSIDER),
    }


async def events(session, proposal_id, type):
    from proposals.db import outbox

    rows = await session.execute(
        select(outbox.table.c.payload).where(outbox.table.c.aggregate_id == str(proposal_id),
                                             outbox.table.c.type == type).order_by(outbox.table.c.position)
    )
    return [row.payload for row in rows]


class TestSnapshot:
    async def test_a_frozen_version_holds_fields_organisations_answers_and_files(self, session, world):
        proposal = world["proposal"]
        budget = await factories.attachment(session, proposal=proposal, filename="budget.csv")
        await factories.attachment(session, proposal=proposal, content=b"old", filename="old.txt", removed=True)
        version = await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
        assert version.content == {
            "format": 1,
            "title": "Recycled wool yarn", "acronym": "REWOOL", "summary": "Closed-loop wool recycling in Prato.",
            "priorities": ["circular_economy"], "value_chain": ["fibre", "yarn"], "trl": 5,
            "budget_eur": "500000.00", "requested_eur": "250000.50",
            "lead": {"organisation_id": str(world["lead"].id), "name": "Lanificio Rossi", "region_code": "ITI1"},
            "partners": [{"organisation_id": str(world["partner"].id), "name": "Tintes Valencia",
                          "region_code": "ES52", "status": "confirmed", "role_description": ""}],
            "fields": [
                {"key": "market", "label": "Target market", "type": "long_text", "private_to_evaluators": False},
                {"key": "confidential_costs", "label": "Cost breakdown", "type": "long_text",
                 "private_to_evaluators": True},
            ],
            "answers": {"market": "EU outdoor apparel", "confidential_costs": "Looms 120k, staff 80k"},
            "attachments": [{"id": str(budget.id), "kind": "budget", "filename": "budget.csv",
                             "media_type": "text/csv; charset=utf-8", "size_bytes": 22, "sha256": budget.sha256}],
        }


class TestFreeze:
    async def test_versions_are_numbered_from_one_and_recorded(self, session, world):
        proposal = world["proposal"]
        first = await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
        proposal.title = "Recycled wool and cashmere yarn"
        second = await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
        assert (first.number, second.number, proposal.submitted_version) == (1, 2, 2)
        assert (first.submitted_by, first.submitted_by_name) == (AUTHOR, "Giulia Rossi")
        assert first.content["title"] == "Recycled wool yarn"
        assert second.content["title"] == "Recycled wool and cashmere yarn"
        entries = (await session.scalars(select(TimelineEntry).where(TimelineEntry.proposal_id == proposal.id)
                                         .order_by(TimelineEntry.at))).all()
        assert [(e.kind, e.actor, e.details) for e in entries] == [
            ("version", AUTHOR, {"number": 1}), ("version", AUTHOR, {"number": 2}),
        ]
        payloads = await events(session, proposal.id, "proposal.version_frozen")
        assert [(p["number"], p["reference"], p["region_code"], p["submitted_by"]) for p in payloads] == [
            (1, proposal.reference, "ITI1", AUTHOR), (2, proposal.reference, "ITI1", AUTHOR),
        ]

    async def test_a_version_does_not_follow_later_changes(self, session, client, world, people):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        proposal.title, proposal.answers = "Something else", {"market": "Asia"}
        await session.flush()
        content = (await client.get(f"/proposals/{proposal.id}/versions/1", headers=people["author"])).json()
        assert content["content"]["title"] == "Recycled wool yarn"
        assert content["content"]["answers"]["market"] == "EU outdoor apparel"


class TestNoApiChangesAVersion:
    async def test_versions_only_have_read_operations(self, client):
        paths = (await client.get("/openapi.json")).json()["paths"]
        operations = {(path, method) for path, item in paths.items() if "/versions" in path for method in item}
        assert operations == {
            ("/proposals/{proposal_id}/versions", "get"), ("/proposals/{proposal_id}/versions/{number}", "get"),
        }

    @pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
    async def test_writing_to_a_version_is_refused_and_changes_nothing(
        self, session, client, world, people, method
    ):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        response = await client.request(method, f"/proposals/{proposal.id}/versions/1", json={"title": "Hacked"},
                                        headers=people["author"])
        assert response.status_code == 405
        assert response.headers["content-type"] == "application/problem+json"
        stored = await session.scalar(select(ProposalVersion.content["title"].astext).where(
            ProposalVersion.proposal_id == proposal.id))
        assert stored == "Recycled wool yarn"
        assert await session.scalar(select(func.count()).select_from(ProposalVersion)
                                    .where(ProposalVersion.proposal_id == proposal.id)) == 1


class TestReadVersions:
    async def test_an_author_lists_the_versions_oldest_first(self, session, client, world, people):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
        await freeze(session, proposal=proposal, actor="manager-iti1", actor_name="Marco Bianchi")
        response = await client.get(f"/proposals/{proposal.id}/versions", headers=people["author"])
        assert response.status_code == 200
        items = response.json()["items"]
        assert [(i["number"], i["submitted_by_name"]) for i in items] == [(1, "Giulia Rossi"), (2, "Marco Bianchi")]
        assert set(items[0]) == {"number", "submitted_at", "submitted_by_name"}
        assert response.json()["next_cursor"] is None

    async def test_the_list_is_paged(self, session, client, world, people):
        for _ in range(3):
            await freeze(session, proposal=world["proposal"], actor=AUTHOR, actor_name=None)
        url = f"/proposals/{world['proposal'].id}/versions"
        first = (await client.get(url, params={"limit": 2}, headers=people["author"])).json()
        second = (await client.get(url, params={"limit": 2, "cursor": first["next_cursor"]},
                                   headers=people["author"])).json()
        assert [i["number"] for i in first["items"] + second["items"]] == [1, 2, 3]
        assert second["next_cursor"] is None

    async def test_private_answers_are_shown_to_the_lead_and_its_managers_only(self, session, client, world, people):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        url = f"/proposals/{proposal.id}/versions/1"
        for who in ("author", "lead_manager"):
            content = (await client.get(url, headers=people[who])).json()["content"]
            assert content["answers"] == {"market": "EU outdoor apparel", "confidential_costs": "Looms 120k, staff 80k"}
        for who in ("partner", "partner_manager"):
            content = (await client.get(url, headers=people[who])).json()["content"]
            assert content["answers"] == {"market": "EU outdoor apparel"}
            assert [f["key"] for f in content["fields"]] == ["market"]

    async def test_people_who_may_not_read_the_proposal_are_told_it_does_not_exist(
        self, session, client, world, people
    ):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        for who in ("outsider", "other_manager"):
            for url in (f"/proposals/{proposal.id}/versions", f"/proposals/{proposal.id}/versions/1",
                        f"/proposals/{proposal.id}/compare?from=1&to=current"):
                response = await client.get(url, headers=people[who])
                assert response.status_code == 404, (who, url)
                assert response.json()["title"] == "Proposal not found"
        assert (await client.get(f"/proposals/{proposal.id}/versions")).status_code == 401  # sign in first

    async def test_an_unknown_version_is_not_found(self, session, client, world, people):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        response = await client.get(f"/proposals/{proposal.id}/versions/2", headers=people["author"])
        assert response.status_code == 404
        assert response.json()["detail"] == f"Proposal {proposal.reference} has no version 2; its versions are 1 to 1."

    async def test_an_assigned_evaluator_reads_private_answers(self, session, client, world, identity_headers):
        proposal = world["proposal"]
        await freeze(session, proposal=proposal, actor=AUTHOR, actor_name=None)
        evaluator = await factories.evaluator(session, subject="evaluator-1")
        headers = identity_headers(Role.evaluator, subject="evaluator-1")
        assert (await client.get(f"/proposals/{proposal.id}/versions/1", headers=headers)).status_code == 404
        await factories.assignment(session, proposal=proposal, evaluator=evaluator)
        content = (await client.get(f"/proposals/{proposal.id}/versions/1", headers=headers)).json()["content"]
        assert content["answers"]["confidential_costs"] == "Looms 120k, staff 80k"


class TestSubmissionFreezesAVersion:
    async def test_submitting_through_the_pipeline_freezes_version_one(self, session, client, world, people):
        proposal = world["proposal"]
        proposal.stage = "draft"
        await session.flush()
        response = await client.post(f"/proposals/{proposal.id}/transitions", json={"transition": "submit"},
                                     headers=people["author"])
        assert response.status_code == 200, response.json()
        [version] = (await client.get(f"/proposals/{proposal.id}/versions", headers=people["author"])).json()["items"]
        assert (version["number"], version["submitted_by_name"]) == (1, "Test User")
        content = (await client.get(f"/proposals/{proposal.id}/versions/1", headers=people["author"])).json()
        assert content["content"]["title"] == "Recycled wool yarn"
