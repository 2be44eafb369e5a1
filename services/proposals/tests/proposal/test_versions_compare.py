from decimal import Decimal

import pytest
from proposals.proposal.compare import word_diff
from proposals.proposal.models import ProposalPartner
from proposals.proposal.versions import freeze
from tex4im_common.identity import Role

from tests import factories

AUTHOR = "author-of-the-lead"


@pytest.fixture
async def world(session):
    call = await factories.call(session)
    lead = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
    spain = await factories.organisation(session, region="ES52", name="Tintes Valencia")
    portugal = await factories.organisation(session, region="PT11", name="Fios do Norte")
    czechia = await factories.organisation(session, region="CZ05", name="Textil Liberec")
    proposal = await factories.proposal(
        session, call=call, lead=lead, partners=[spain, portugal], stage="submitted", title="Recycled wool yarn",
        summary="Closed-loop wool recycling in Prato.", priorities=["circular_economy"],
        requested_eur=Decimal("250000"),
        answers={"market": "EU outdoor apparel", "confidential_costs": "Looms 120k, staff 80k"},
    )
    budget = await factories.attachment(session, proposal=proposal, content=b"looms,120000\n", filename="budget.csv")
    await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
    return {"proposal": proposal, "lead": lead, "spain": spain, "portugal": portugal, "czechia": czechia,
            "budget": budget}


@pytest.fixture
def author(identity_headers, world):
    return identity_headers(Role.member, organisation_id=world["lead"].id, subject=AUTHOR)


@pytest.fixture
def partner_member(identity_headers, world):
    return identity_headers(Role.member, organisation_id=world["spain"].id, subject="author-of-a-partner")


async def second_version(session, world):
    """The co-authors rework the proposal after it was returned to them, and submit it again."""
    proposal = world["proposal"]
    proposal.summary = "Closed-loop wool and cashmere recycling in Prato and Biella."
    proposal.priorities = ["industry_4_0"]
    proposal.requested_eur = Decimal("300000")
    proposal.answers = {"market": "EU and US outdoor apparel", "confidential_costs": "Looms 150k"}
    spain, portugal = proposal.partners
    spain.role_description = "Dyeing"
    await session.delete(portugal)
    session.add(ProposalPartner(proposal_id=proposal.id, organisation_id=world["czechia"].id, region_code="CZ05",
                                status="invited", invited_by=AUTHOR, created_at=factories.now()))
    world["budget"].removed_at = factories.now()
    deck = await factories.attachment(session, proposal=proposal, content=b"%PDF-1.4 deck", filename="deck.pdf",
                                      kind="presentation", media_type="application/pdf")
    await freeze(session, proposal=proposal, actor=AUTHOR, actor_name="Giulia Rossi")
    return deck


class TestCompareTwoVersions:
    async def test_every_change_is_listed_field_by_field_and_item_by_item(self, session, client, world, author):
        deck = await second_version(session, world)
        proposal, budget = world["proposal"], world["budget"]
        response = await client.get(f"/proposals/{proposal.id}/compare", params={"from": 1, "to": 2}, headers=author)
        assert response.status_code == 200
        body = response.json()
        assert (body["from_version"], body["to_version"]) == (1, 2)
        changes = [(c["field"], c["change"], c["item"]) for c in body["changes"]]
        assert changes == [
            ("summary", "changed", None),
            ("priorities", "removed", "circular_economy"),
            ("priorities", "added", "industry_4_0"),
            ("requested_eur", "changed", None),
            ("partners", "removed", str(world["portugal"].id)),
            ("partners", "changed", str(world["spain"].id)),
            ("partners", "added", str(world["czechia"].id)),
            ("answers.market", "changed", None),
            ("answers.confidential_costs", "changed", None),
            ("attachments", "removed", budget.sha256),
            ("attachments", "added", deck.sha256),
        ]
        by_field = {(c["field"], c["item"]): c for c in body["changes"]}
        summary = by_field[("summary", None)]
        assert summary["label"] == "Summary"
        assert summary["before"] == "Closed-loop wool recycling in Prato."
        assert summary["diff"] == [
            {"op": "equal", "text": "Closed-loop wool "}, {"op": "insert", "text": "and cashmere "},
            {"op": "equal", "text": "recycling in "}, {"op": "delete", "text": "Prato."},
            {"op": "insert", "text": "Prato and Biella."},
        ]
        money = by_field[("requested_eur", None)]
        assert (money["label"], money["before"], money["after"], money["diff"]) == (
            "Requested funding (EUR)", "250000.00", "300000.00", None,
        )
        spain = by_field[("partners", str(world["spain"].id))]
        assert (spain["before"]["role_description"], spain["after"]["role_description"]) == ("", "Dyeing")
        czechia = by_field[("partners", str(world["czechia"].id))]
        assert czechia["before"] is None
        assert czechia["after"] == {"organisation_id": str(world["czechia"].id), "name": "Textil Liberec",
                                    "region_code": "CZ05", "status": "invited", "role_description": ""}
        market = by_field[("answers.market", None)]
        assert market["label"] == "Target market"
        assert market["diff"] == [{"op": "equal", "text": "EU "}, {"op": "insert", "text": "and US "},
                                  {"op": "equal", "text": "outdoor apparel"}]
        assert by_field[("attachments", budget.sha256)]["before"]["filename"] == "budget.csv"

    async def test_a_version_compared_with_itself_has_no_changes(self, client, world, author):
        response = await client.get(f"/proposals/{world['proposal'].id}/compare", params={"from": 1, "to": 1},
                                    headers=author)
        assert response.json() == {"from_version": 1, "to_version": 1, "changes": []}


class TestCompareWithTheWorkingCopy:
    async def test_changes_since_the_last_submission_are_listed(self, session, client, world, author):
        proposal = world["proposal"]
        proposal.title = "Recycled wool yarn for outdoor wear"
        proposal.value_chain = ["fibre", "garment"]
        proposal.partners[1].status = "declined"
        letter = await factories.attachment(session, proposal=proposal, content=b"We support it.",
                                            filename="letter.txt", kind="letter_of_support",
                                            media_type="text/plain; charset=utf-8")
        await session.flush()
        response = await client.get(f"/proposals/{proposal.id}/compare", params={"from": 1, "to": "current"},
                                    headers=author)
        body = response.json()
        assert body["to_version"] == "current"
        assert [(c["field"], c["change"], c["item"], c["before"], c["after"]) for c in body["changes"]
                if c["field"] != "partners"] == [
            ("title", "changed", None, "Recycled wool yarn", "Recycled wool yarn for outdoor wear"),
            ("value_chain", "added", "garment", None, "garment"),
            ("attachments", "added", letter.sha256, None, {
                "id": str(letter.id), "kind": "letter_of_support", "filename": "letter.txt",
                "media_type": "text/plain; charset=utf-8", "size_bytes": 14, "sha256": letter.sha256,
            }),
        ]
        [partner] = [c for c in body["changes"] if c["field"] == "partners"]
        assert (partner["change"], partner["before"]["status"], partner["after"]["status"]) == (
            "changed", "confirmed", "declined",
        )

    async def test_to_defaults_to_the_working_copy(self, client, world, author):
        response = await client.get(f"/proposals/{world['proposal'].id}/compare?from=1", headers=author)
        assert response.json() == {"from_version": 1, "to_version": "current", "changes": []}


class TestPrivateAnswersInCompare:
    async def test_a_partner_member_does_not_see_private_answers_change(
        self, session, client, world, partner_member
    ):
        await second_version(session, world)
        body = (await client.get(f"/proposals/{world['proposal'].id}/compare", params={"from": 1, "to": 2},
                                 headers=partner_member)).json()
        answers = [c for c in body["changes"] if c["field"].startswith("answers.")]
        assert [(c["field"], c["before"], c["after"]) for c in answers] == [
            ("answers.market", "EU outdoor apparel", "EU and US outdoor apparel"),
        ]
        assert "Looms" not in str(body)

    async def test_a_field_made_private_later_stays_hidden_in_old_versions(
        self, session, client, world, partner_member
    ):
        from proposals.call.models import CallField
        from sqlalchemy import update

        await second_version(session, world)
        await session.execute(update(CallField).where(CallField.call_id == world["proposal"].call_id,
                                                      CallField.key == "market").values(private_to_evaluators=True))
        body = (await client.get(f"/proposals/{world['proposal'].id}/compare", params={"from": 1, "to": 2},
                                 headers=partner_member)).json()
        assert [c["field"] for c in body["changes"] if c["field"].startswith("answers.")] == []


class TestCompareRefusals:
    async def test_an_unknown_version_is_not_found(self, client, world, author):
        response = await client.get(f"/proposals/{world['proposal'].id}/compare", params={"from": 1, "to": 3},
                                    headers=author)
        assert response.status_code == 404
        assert response.json()["title"] == "Version not found"

    @pytest.mark.parametrize(("params", "field"), [
        ({"from": 1, "to": "latest"}, "query.to"), ({"from": 0}, "query.from"), ({}, "query.from"),
    ])
    async def test_malformed_version_numbers_are_named(self, client, world, author, params, field):
        response = await client.get(f"/proposals/{world['proposal'].id}/compare", params=params, headers=author)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [field]


class TestWordDiff:
    def test_rejoining_either_side_gives_the_text_back(self):
        before, after = "  Wool from Prato,\nspun locally.", "Wool and silk from Prato,\nspun and dyed locally."
        diff = word_diff(before, after)
        assert "".join(s.text for s in diff if s.op != "insert") == before
        assert "".join(s.text for s in diff if s.op != "delete") == after
