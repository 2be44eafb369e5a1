"""Every package reads one proposal the same way (proposal/loader.py): those who may not read it are told it does
not exist, anonymous callers are asked to sign in, and a reader is refused (403) the parts that are not theirs."""

from tests.proposal.scenario import build_world

READS = {
    "detail": "", "timeline": "/timeline", "transitions": "/transitions", "versions": "/versions",
    "attachments": "/attachments", "screening": "/screening", "evaluation": "/evaluation",
    "consensus": "/consensus", "feedback": "/feedback",
}


def urls(world):
    return {name: f"/proposals/{world.proposal.id}{suffix}" for name, suffix in READS.items()}


class TestOneWayToReadAProposal:
    async def test_people_who_may_not_read_it_are_told_it_does_not_exist_by_every_package(
        self, client, session, identity_headers
    ):
        world = await build_world(session, identity_headers, stage="evaluation")
        for person in ("outsider", "other_manager", "declined_member", "withdrawn_evaluator"):
            for name, url in urls(world).items():
                response = await client.get(url, headers=world.people[person])
                assert (response.status_code, response.json()["title"]) == (404, "Proposal not found"), (person, name)

    async def test_anonymous_callers_are_asked_to_sign_in_by_every_package(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="evaluation")
        for name, url in urls(world).items():
            assert (await client.get(url)).status_code == 401, name

    async def test_the_assigned_evaluator_reads_the_proposal_but_is_refused_the_screening_and_the_panel(
        self, client, session, identity_headers
    ):
        world = await build_world(session, identity_headers, stage="evaluation")
        statuses = {name: (await client.get(url, headers=world.people["evaluator"])).status_code
                    for name, url in urls(world).items()}
        assert statuses == {
            "detail": 200, "timeline": 200, "transitions": 200, "versions": 200, "attachments": 200,
            "screening": 403, "evaluation": 403, "consensus": 403, "feedback": 403,
        }

    async def test_a_draft_stays_with_its_authors_and_the_lead_region_in_every_package(
        self, client, session, identity_headers
    ):
        world = await build_world(session, identity_headers, stage="draft")
        for person in ("partner_manager", "evaluator"):
            for name, url in urls(world).items():
                assert (await client.get(url, headers=world.people[person])).status_code == 404, (person, name)
        assert (await client.get(urls(world)["detail"], headers=world.people["lead_manager"])).status_code == 200
