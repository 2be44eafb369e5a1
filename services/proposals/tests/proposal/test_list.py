from contextlib import contextmanager
from decimal import Decimal

import pytest
from proposals.proposal.models import Proposal
from proposals.proposal.repository import text_matches
from proposals.vocab import PartnerStatus
from sqlalchemy import event, select, text
from sqlalchemy.dialects import postgresql
from tests.proposal.scenario import build_world
from tex4im_common.identity import Role

from tests import factories

SEES_A_DRAFT = {"admin", "creator", "lead_member", "partner_member", "invited_member", "lead_manager"}
# past the initial stage the managers of the (not declined) partners' regions and the assigned evaluator join them
SEES_A_SUBMITTED = SEES_A_DRAFT | {"partner_manager", "invited_partner_manager", "evaluator"}


@contextmanager
def selects(connection):
    """Collect the SELECT statements run on the test's connection."""
    statements: list[str] = []

    def collect(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(connection.sync_connection, "before_cursor_execute", collect)
    try:
        yield statements
    finally:
        event.remove(connection.sync_connection, "before_cursor_execute", collect)


async def listed(client, headers, **params):
    response = await client.get("/proposals", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [item["reference"] for item in response.json()["items"]]


class TestWhoSeesWhichProposalsInTheList:
    @pytest.mark.parametrize("stage", ["draft", "submitted"])
    async def test_each_relation_sees_exactly_what_the_policy_allows(self, client, session, identity_headers, stage):
        world = await build_world(session, identity_headers, stage=stage)
        # a proposal no one but the admin relates to
        await factories.proposal(session, call=world.call, lead=world.outsider_org, stage=stage, reference="X-001",
                                 created_by="someone-else")
        seeing = SEES_A_DRAFT if stage == "draft" else SEES_A_SUBMITTED
        for name, headers in world.people.items():
            if name == "anonymous":
                continue
            expected = {"TST-ITI1-001"} if name in seeing else set()
            if name in ("admin", "other_manager", "outsider"):  # the admin, X's lead region manager and lead member
                expected.add("X-001")
            assert set(await listed(client, headers)) == expected, name

    async def test_visitors_must_sign_in(self, client):
        assert (await client.get("/proposals")).status_code == 401
        assert (await client.get("/proposals/stage-counts")).status_code == 401

    async def test_mine_keeps_only_what_i_co_author(self, client, session, identity_headers):
        world = await build_world(session, identity_headers)
        assert await listed(client, world.people["partner_member"], mine="true") == ["TST-ITI1-001"]
        assert await listed(client, world.people["invited_member"], mine="true") == []
        assert await listed(client, world.people["lead_manager"], mine="true") == []
        assert await listed(client, world.people["invited_member"]) == ["TST-ITI1-001"]


class TestListItems:
    async def test_an_item_carries_the_boards_display_fields(self, client, session, identity_headers):
        world = await build_world(session, identity_headers, stage="submitted", code="TEX-2027")
        response = await client.get("/proposals", headers=world.people["lead_manager"])
        [item] = response.json()["items"]
        assert item == {
            "id": str(world.proposal.id), "reference": "TST-ITI1-001", "title": "Recycled fibre pilot line",
            "acronym": None, "call": {"id": str(world.call.id), "code": "TEX-2027"},
            "stage": {"key": "submitted", "label": "Submitted"}, "region_code": "ITI1",
            "lead": {"id": str(world.lead.id), "name": "Lanificio Rossi", "region_code": "ITI1"},
            "partner_regions": ["ES52", "PT11"], "priorities": ["circular_economy"], "trl": 5,
            "requested_eur": "250000.00", "submitted_version": 0, "updated_at": item["updated_at"],
        }
        assert response.json()["next_cursor"] is None


class TestFilters:
    @pytest.fixture
    async def board(self, session, identity_headers):
        call = await factories.call(session, code="TEX-2027")
        other_call = await factories.call(session, code="TEX-2028")
        toscana = await factories.organisation(session, region="ITI1")
        valencia = await factories.organisation(session, region="ES52")
        norte = await factories.organisation(session, region="PT11")
        p = factories.proposal
        await p(session, call=call, lead=toscana, partners=[valencia], reference="A-ITI1-001", title="Wool loop",
                acronym="WOOLOOP")
        await p(session, call=call, lead=valencia, stage="submitted", reference="A-ES52-002", title="Dye 4.0",
                priorities=["industry_4_0"])
        await p(session, call=call, lead=norte, stage="screening", reference="A-PT11-003", title="Smart socks",
                priorities=["industry_4_0", "advanced_materials"], partners=[valencia],
                partner_status=PartnerStatus.declined)
        await p(session, call=other_call, lead=toscana, stage="submitted", reference="B-ITI1-001",
                title="Denim 100% recycled", requested_eur=Decimal("1000"))
        return {"call": call, "other_call": other_call, "valencia": valencia,
                "admin": identity_headers(Role.consortium_admin, subject="admin")}

    async def test_each_filter_narrows_the_list(self, client, board):
        admin = board["admin"]
        assert await listed(client, admin, call_id=str(board["other_call"].id)) == ["B-ITI1-001"]
        assert sorted(await listed(client, admin, stage=["submitted", "screening"])) == [
            "A-ES52-002", "A-PT11-003", "B-ITI1-001"]
        assert sorted(await listed(client, admin, region=["iti1", "PT11"])) == [
            "A-ITI1-001", "A-PT11-003", "B-ITI1-001"]
        assert sorted(await listed(client, admin, priority="industry_4_0")) == ["A-ES52-002", "A-PT11-003"]
        # led by it, or a partner that has not declined
        assert sorted(await listed(client, admin, organisation_id=str(board["valencia"].id))) == [
            "A-ES52-002", "A-ITI1-001"]
        assert await listed(client, admin, q="wooloop") == ["A-ITI1-001"]
        assert await listed(client, admin, q="a-pt11") == ["A-PT11-003"]
        assert await listed(client, admin, q="100%") == ["B-ITI1-001"]
        assert await listed(client, admin, q="_") == []
        assert await listed(client, admin, call_id=str(board["call"].id), stage="submitted") == ["A-ES52-002"]

    async def test_invalid_filters_are_named(self, client, board):
        response = await client.get("/proposals", params={"stage": "Draft!", "region": "Toscana",
                                                          "priority": "sustainability"}, headers=board["admin"])
        assert response.status_code == 422
        assert sorted(e["field"] for e in response.json()["errors"]) == [
            "query.priority", "query.region.0", "query.stage.0"]

    async def test_stage_counts_follow_the_filters_in_pipeline_order(self, client, board, identity_headers):
        response = await client.get("/proposals/stage-counts", headers=board["admin"])
        assert response.json() == {"stages": [
            {"key": "draft", "label": "Draft", "count": 1}, {"key": "submitted", "label": "Submitted", "count": 2},
            {"key": "screening", "label": "Screening", "count": 1},
        ], "total": 4}
        response = await client.get("/proposals/stage-counts", params={"call_id": str(board["call"].id)},
                                    headers=board["admin"])
        assert response.json()["total"] == 3

    async def test_stage_counts_count_only_what_the_caller_may_see(self, client, board, identity_headers):
        valencia_manager = identity_headers(Role.cluster_manager, region="ES52", subject="manager-es52")
        response = await client.get("/proposals/stage-counts", headers=valencia_manager)
        # their own region's proposal; the Toscana draft stays with its authors; Valencia declined the Norte one
        assert response.json() == {"stages": [{"key": "submitted", "label": "Submitted", "count": 1}], "total": 1}


class TestTextSearch:
    async def test_the_text_filter_can_use_the_trigram_indexes(self, session):
        """ILIKE '%text%' on the reference, the title and the acronym, each served by its index."""
        statement = select(Proposal.id).where(text_matches("wool"))
        sql = statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        await session.execute(text("SET LOCAL enable_seqscan = off"))  # a handful of rows: what could serve it?
        plan = "\n".join(row[0] for row in await session.execute(text(f"EXPLAIN {sql}")))
        for column in ("reference", "title", "acronym"):
            assert f"Bitmap Index Scan on ix_proposal_{column}_trgm" in plan, plan


    async def test_a_text_search_is_planned_for_its_own_words(self, client, session, identity_headers):
        admin = identity_headers(Role.consortium_admin)
        await client.get("/proposals", headers=admin)
        assert await session.scalar(text("SHOW plan_cache_mode")) == "auto"
        await client.get("/proposals", params={"q": "wool"}, headers=admin)
        assert await session.scalar(text("SHOW plan_cache_mode")) == "force_custom_plan"


class TestPaging:
    async def test_pages_run_from_the_latest_change_and_cover_everything_once(self, client, session, identity_headers):
        call = await factories.call(session)
        lead = await factories.organisation(session, region="ITI1")
        partner = await factories.organisation(session, region="ES52")
        for number in range(7):
            await factories.proposal(session, call=call, lead=lead, partners=[partner], reference=f"P-{number:03d}",
                                     updated_at=factories.now().replace(year=2026, month=1, day=number + 1))
        admin = identity_headers(Role.consortium_admin, subject="admin")
        seen, cursor = [], None
        while True:
            params = {"limit": 3} | ({"cursor": cursor} if cursor else {})
            page = (await client.get("/proposals", params=params, headers=admin)).json()
            seen.append([item["reference"] for item in page["items"]])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == [["P-006", "P-005", "P-004"], ["P-003", "P-002", "P-001"], ["P-000"]]

    async def test_a_page_is_read_with_two_queries_however_long(self, client, session, connection, identity_headers):
        call = await factories.call(session)
        lead = await factories.organisation(session, region="ITI1")
        partners = [await factories.organisation(session, region=r) for r in ("ES52", "PT11", "CZ05")]
        for number in range(30):
            await factories.proposal(session, call=call, lead=lead, partners=partners, reference=f"P-{number:03d}")
        manager = identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1")
        with selects(connection) as statements:
            response = await client.get("/proposals", params={"limit": 25}, headers=manager)
        assert len(response.json()["items"]) == 25
        assert all(item["partner_regions"] == ["CZ05", "ES52", "PT11"] for item in response.json()["items"])
        assert len(statements) == 2

    async def test_a_forged_cursor_is_refused(self, client, identity_headers):
        admin = identity_headers(Role.consortium_admin, subject="admin")
        response = await client.get("/proposals", params={"cursor": "not-a-cursor"}, headers=admin)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.cursor"
