"""The screening decision drives the pipeline: admitted proposals reach evaluation and get their evaluators."""

from tests import factories


async def step(client, world, headers, transition, comment=None):
    return await client.post(f"/proposals/{world.proposal.id}/transitions",
                             json={"transition": transition, "comment": comment}, headers=headers)


class TestFromScreeningOn:
    async def test_an_eligible_proposal_is_admitted_and_staffed(self, client, session, world, toscana_manager, admin):
        assert (await step(client, world, toscana_manager, "admit_to_evaluation")).status_code == 409
        await client.put(f"/proposals/{world.proposal.id}/screening",
                         json={"eligible": True, "reason": "Meets every rule."}, headers=toscana_manager)
        admitted = await step(client, world, toscana_manager, "admit_to_evaluation")
        assert admitted.status_code == 200, admitted.text
        for i in range(3):
            await factories.evaluator(session, name=f"Evaluator {i}")
        report = (await client.post(f"/calls/{world.call.id}/assignments/auto", headers=admin)).json()
        assert [(row["proposal"]["reference"], row["active"]) for row in report["proposals"]] == [("SCR-ITI1-001", 3)]

    async def test_an_ineligible_proposal_can_only_be_rejected(self, client, world, toscana_manager):
        await client.put(f"/proposals/{world.proposal.id}/screening",
                         json={"eligible": False, "reason": "Only one region."}, headers=toscana_manager)
        assert (await step(client, world, toscana_manager, "admit_to_evaluation")).status_code == 409
        rejected = await step(client, world, toscana_manager, "reject_ineligible", comment="Only one region.")
        assert rejected.status_code == 200, rejected.text
