"""Everyone against one proposal, in three stages, for each action: no one reads or changes what they should not.

The people (tests/proposal/scenario.py) cover every role × region × organisation relation the policy knows:
the admin; the creator; members of the lead, of a confirmed, an invited and a declined partner, and of an
unrelated organisation; the managers of the lead's region, of the confirmed, invited and declined partners'
regions and of an unrelated region; an assigned and a withdrawn evaluator; an anonymous visitor.
"""

import pytest
from proposals.proposal.models import Proposal
from sqlalchemy import select
from tests.proposal.scenario import build_world

PEOPLE = [
    "admin", "creator", "lead_member", "partner_member", "invited_member", "declined_member", "outsider",
    "lead_manager", "partner_manager", "invited_partner_manager", "declined_partner_manager", "other_manager",
    "evaluator", "withdrawn_evaluator", "anonymous",
]
AUTHORS = {"admin", "creator", "lead_member", "partner_member"}
READERS = {
    "draft": AUTHORS | {"invited_member", "lead_manager"},
    "submitted": AUTHORS | {"invited_member", "lead_manager", "partner_manager", "invited_partner_manager",
                            "evaluator"},
}
READERS["evaluation"] = READERS["submitted"]
# one step out of each stage, and who may take it
STEP = {
    "draft": ("withdraw_draft", AUTHORS),
    "submitted": ("start_screening", {"admin", "lead_manager"}),
    "evaluation": ("withdraw_in_evaluation", AUTHORS),
}
ORIGINAL_TITLE = "Recycled fibre pilot line"


def refusal(person: str, stage: str, *, forbidden: int) -> int:
    """The status of a refused request: 401 anonymous, 404 when the record is hidden, else `forbidden`."""
    if person == "anonymous":
        return 401
    return forbidden if person in READERS[stage] else 404


async def fresh_world(session, identity_headers, stage, person):
    """A world of its own for a person whose change succeeds."""
    return await build_world(session, identity_headers, stage=stage, reference=f"P-{person}")


async def stored(session, world) -> Proposal:
    return await session.scalar(select(Proposal).where(Proposal.id == world.proposal.id)
                                .execution_options(populate_existing=True))


@pytest.mark.parametrize("stage", ["draft", "submitted", "evaluation"])
class TestNoOneReadsOrChangesWhatTheyShouldNot:
    """One world per stage and action; a person whose step succeeds gets a fresh world, so none sees another's."""

    async def test_read(self, client, session, identity_headers, stage):
        world = await build_world(session, identity_headers, stage=stage)
        for person in PEOPLE:
            response = await client.get(f"/proposals/{world.proposal.id}", headers=world.people[person])
            expected = 200 if person in READERS[stage] else refusal(person, stage, forbidden=404)
            assert response.status_code == expected, person

    async def test_list(self, client, session, identity_headers, stage):
        world = await build_world(session, identity_headers, stage=stage)
        for person in PEOPLE:
            response = await client.get("/proposals", headers=world.people[person])
            if person == "anonymous":
                assert response.status_code == 401
                continue
            listed = [item["id"] for item in response.json()["items"]]
            assert listed == ([str(world.proposal.id)] if person in READERS[stage] else []), person
            counts = (await client.get("/proposals/stage-counts", headers=world.people[person])).json()
            assert counts["total"] == len(listed), person

    async def test_patch(self, client, session, identity_headers, stage):
        shared = await build_world(session, identity_headers, stage=stage)
        for person in PEOPLE:
            succeeds = stage == "draft" and person in AUTHORS
            world = await fresh_world(session, identity_headers, stage, person) if succeeds else shared
            response = await client.patch(f"/proposals/{world.proposal.id}", json={"title": "Changed"},
                                          headers=world.people[person] | {"If-Match": '"1"'})
            if succeeds:
                assert response.status_code == 200, person
                assert (await stored(session, world)).title == "Changed"
                continue
            not_editable = 409 if stage != "draft" else 403
            assert response.status_code == refusal(person, stage, forbidden=not_editable), person
            assert (await stored(session, world)).title == ORIGINAL_TITLE, person

    async def test_transition(self, client, session, identity_headers, stage):
        step, takers = STEP[stage]
        shared = await build_world(session, identity_headers, stage=stage)
        for person in PEOPLE:
            world = await fresh_world(session, identity_headers, stage, person) if person in takers else shared
            response = await client.post(f"/proposals/{world.proposal.id}/transitions",
                                         json={"transition": step, "comment": "Matrix"}, headers=world.people[person])
            if person in takers:
                assert response.status_code == 200, person
                assert (await stored(session, world)).stage != stage
                continue
            assert response.status_code == refusal(person, stage, forbidden=403), person
            assert (await stored(session, world)).stage == stage, person
