from proposals.call.models import Call
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tests import factories


class TestFactories:
    async def test_a_call_starts_with_the_default_pipeline_and_a_proposal_sits_in_it(self, session):
        call = await factories.call(session)
        lead = await factories.organisation(session, region="ITI1")
        partner = await factories.organisation(session, region="ES52")
        proposal = await factories.proposal(session, call=call, lead=lead, partners=[partner])
        loaded = await session.scalar(
            select(Call).where(Call.id == call.id).options(selectinload(Call.stages), selectinload(Call.transitions))
        )
        assert [s.key for s in loaded.stages][:3] == ["draft", "submitted", "screening"]
        assert {t.key for t in loaded.transitions} >= {"submit", "admit_to_evaluation", "withdraw_draft"}
        assert proposal.stage == "draft" and proposal.region_code == "ITI1"
