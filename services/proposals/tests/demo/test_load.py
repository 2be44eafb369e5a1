"""The demo story, told once into a database of its own (it commits, like `make run`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from proposals.demo import load_proposals_demo
from proposals.demo.ids import REGIONS, account_id, organisation_id
from proposals.demo.script import CALL_2019, CALL_ROUND
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from tex4im_common.identity import public_key_pem_from_private
from tex4im_common.testing.database import create_migrated_database

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_database(admin_url, service_spec) -> str:
    return create_migrated_database(admin_url, "test_proposals_demo", service_spec.alembic_ini)


@pytest.fixture(scope="module")
async def demo_url(demo_database, private_key_pem):
    url = demo_database
    engine = create_async_engine(url)
    async with engine.begin() as connection:  # the registry copy, as intelligence's feed would fill it
        await connection.execute(text("""
            INSERT INTO proposals.organisation (id, name, kind, country_code, region_code, visibility, version)
            VALUES (:id, :name, :kind, :country, :region, 'consortium', 1)
        """), [
            {"id": organisation_id(region, n), "name": f"Demo organisation {region} {n:02d} (demo)",
             "kind": "company" if n <= 33 else "rnd_centre", "country": region[:2], "region": region}
            for region in REGIONS for n in range(1, 35)
        ])
    await engine.dispose()
    first = await load_proposals_demo(database_url=url, private_key_pem=private_key_pem,
                                      public_key_pem=public_key_pem_from_private(private_key_pem), now=NOW)
    second = await load_proposals_demo(database_url=url, private_key_pem=private_key_pem,
                                       public_key_pem=public_key_pem_from_private(private_key_pem), now=NOW)
    assert (first.proposals, first.calls, second.proposals, second.calls) == (32, 2, 0, 0)
    return url


async def rows(url: str, sql: str, **params) -> list[tuple]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return [tuple(r) for r in (await connection.execute(text(sql), params)).all()]
    finally:
        await engine.dispose()


class TestDemoIds:
    def test_the_demo_evaluator_is_the_gateways_account(self):
        # gateway/tests/test_demo.py pins the same literal
        assert account_id("evaluator@demo.tex4im.eu") == uuid.UUID("9e7eb106-fcc7-5494-bcfd-6a8f4731ba83")

    def test_the_norte_member_company_is_the_intelligence_demo_company(self):
        assert organisation_id("PT11", 1) == uuid.UUID("b6ad41ac-608f-565e-8fd4-679d030ae4b9")


class TestThe2019PortfolioCall:
    async def test_three_proposals_per_region_each_with_a_partner_from_another_region(self, demo_url):
        per_region = await rows(demo_url, """
            SELECT p.region_code, count(DISTINCT p.id), bool_and(pp.region_code <> p.region_code)
            FROM proposals.proposal p JOIN proposals.call c ON c.id = p.call_id
            JOIN proposals.proposal_partner pp ON pp.proposal_id = p.id AND pp.status = 'confirmed'
            WHERE c.code = :code GROUP BY 1 ORDER BY 1""", code=CALL_2019)
        assert per_region == [(region, 3, True) for region in sorted(REGIONS)]

    async def test_the_pipeline_is_lived_from_ten_selected_to_two_closed_pilots(self, demo_url):
        stages = dict(await rows(demo_url, """
            SELECT p.stage, count(*) FROM proposals.proposal p JOIN proposals.call c ON c.id = p.call_id
            WHERE c.code = :code GROUP BY 1""", code=CALL_2019))
        assert stages == {"business_plan": 4, "investment": 1, "pilot": 3, "closed": 2, "evaluation": 4,
                          "rejected": 10}
        outcomes = dict(await rows(demo_url, """
            SELECT d.outcome, count(*) FROM proposals.decision d JOIN proposals.call c ON c.id = d.call_id
            WHERE c.code = :code AND d.released_at < '2020-01-01' GROUP BY 1""", code=CALL_2019))
        assert outcomes == {"selected": 10, "reserve": 4, "rejected": 8}

    async def test_no_region_has_more_than_two_selected(self, demo_url):
        most = await rows(demo_url, """
            SELECT max(n) FROM (SELECT count(*) AS n FROM proposals.decision d JOIN proposals.proposal p
            ON p.id = d.proposal_id WHERE d.outcome = 'selected' GROUP BY p.region_code) per_region""")
        assert most[0][0] <= 2

    async def test_its_history_is_dated_2019_to_2022_and_the_decisions_on_one_day(self, demo_url):
        span = await rows(demo_url, """
            SELECT min(t.at)::date, max(t.at)::date,
                   count(DISTINCT t.at::date) FILTER (WHERE t.transition = 'select_for_portfolio')
            FROM proposals.timeline_entry t JOIN proposals.proposal p ON p.id = t.proposal_id
            JOIN proposals.call c ON c.id = p.call_id WHERE c.code = :code""", code=CALL_2019)
        first, last, decision_days = span[0]
        assert (first.year, last.year, decision_days) == (2019, 2022, 1)


class TestTheAnnualRound:
    async def test_each_region_member_leads_one_proposal_somewhere_on_the_way(self, demo_url):
        leads = await rows(demo_url, """
            SELECT p.lead_organisation_id, p.stage FROM proposals.proposal p JOIN proposals.call c ON c.id = p.call_id
            WHERE c.code = :code""", code=CALL_ROUND)
        assert {lead for lead, _ in leads} == {organisation_id(region, 1) for region in REGIONS}
        assert sorted(stage for _, stage in leads) == ["draft", "draft", "draft", "evaluation", "evaluation",
                                                       "evaluation", "screening", "submitted"]

    async def test_the_valencia_member_has_an_invitation_waiting(self, demo_url):
        invited = await rows(demo_url, """
            SELECT p.region_code FROM proposals.proposal_partner pp JOIN proposals.proposal p ON p.id = pp.proposal_id
            WHERE pp.organisation_id = :org AND pp.status = 'invited'""", org=organisation_id("ES52", 1))
        assert invited == [("ITI1",)]

    async def test_diverging_scores_brought_in_one_more_evaluator(self, demo_url):
        extra = await rows(demo_url, """
            SELECT p.region_code, a.status FROM proposals.assignment a JOIN proposals.proposal p ON p.id = a.proposal_id
            WHERE a.reason = 'divergence'""")
        assert extra == [("FRE1", "assigned")]

    async def test_the_demo_evaluator_has_a_review_to_write(self, demo_url):
        open_reviews = await rows(demo_url, """
            SELECT count(*) FROM proposals.assignment a JOIN proposals.evaluator e ON e.id = a.evaluator_id
            WHERE e.subject = :subject AND a.status = 'assigned'""",
                                  subject=str(account_id("evaluator@demo.tex4im.eu")))
        assert open_reviews[0][0] >= 1
