import csv
import io
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from proposals.call.models import CallField
from tex4im_common.identity import Role

from tests import factories

HEADER = [
    "Reference", "Title", "Acronym", "Stage", "Region", "Lead organisation", "Partner organisations",
    "Thematic priorities", "Value chain", "TRL", "Budget (EUR)", "Requested funding (EUR)",
    "First submitted at (UTC)", "Latest version",
    "Target market", "Cost breakdown", "Jobs created", "Start date", "Eco-label",
]
MARKET = 'EU outdoor apparel, "premium"\nand workwear'
FORMULA = '=HYPERLINK("http://evil.example")'
TODAY = datetime.now(UTC).date().isoformat()


@pytest.fixture
async def world(session):
    call = await factories.call(session, code="TEX 2027/A", form_fields=[
        CallField(key="market", label="Target market", type="long_text", position=0),
        CallField(key="confidential_costs", label="Cost breakdown", type="long_text", private_to_evaluators=True,
                  position=1),
        CallField(key="jobs", label="Jobs created", type="number", position=2),
        CallField(key="start_date", label="Start date", type="date", position=3),
        CallField(key="eco_label", label="Eco-label", type="boolean", position=4),
    ])
    toscana = await factories.organisation(session, region="ITI1", name="Lanificio Rossi")
    valencia = await factories.organisation(session, region="ES52", name="Tintes Valencia")
    submitted = await factories.proposal(
        session, call=call, lead=toscana, partners=[valencia], stage="submitted", reference="TEX-ITI1-001",
        title="Recycled wool yarn", acronym="REWOOL", priorities=["circular_economy", "industry_4_0"],
        value_chain=["fibre", "yarn"], trl=5, budget_eur=Decimal("500000"), requested_eur=Decimal("250000"),
        first_submitted_at=datetime(2026, 11, 20, 9, 30, tzinfo=UTC), submitted_version=2,
        answers={"market": MARKET, "confidential_costs": "Looms 120k", "jobs": 12, "start_date": "2027-01-15",
                 "eco_label": True},
    )
    draft = await factories.proposal(
        session, call=call, lead=valencia, reference="TEX-ES52-001", title=FORMULA, trl=None, budget_eur=None,
        requested_eur=None, answers={},
    )
    other_call = await factories.call(session)
    await factories.proposal(session, call=other_call, lead=toscana, reference="OTHER-ITI1-001")
    return {"call": call, "submitted": submitted, "draft": draft}


ROW_TOSCANA = [
    "TEX-ITI1-001", "Recycled wool yarn", "REWOOL", "Submitted", "ITI1", "Lanificio Rossi",
    "Tintes Valencia (ES52, confirmed)", "circular_economy; industry_4_0", "fibre; yarn", "5", "500000.00",
    "250000.00", "2026-11-20 09:30:00", "2", MARKET, "Looms 120k", "12", "2027-01-15", "yes",
]
ROW_VALENCIA = [
    "TEX-ES52-001", "'" + FORMULA, "", "Draft", "ES52", "Tintes Valencia", "", "circular_economy", "fibre",
    "", "", "", "", "", "", "", "", "", "",
]


@pytest.fixture
def people(identity_headers):
    return {
        "admin": identity_headers(Role.consortium_admin, subject=factories.ADMIN_SUBJECT),
        "toscana_manager": identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1"),
        "norte_manager": identity_headers(Role.cluster_manager, region="PT11", subject="manager-pt11"),
        "member": identity_headers(Role.member, organisation_id=uuid.uuid4(), subject="member"),
        "evaluator": identity_headers(Role.evaluator, subject="evaluator"),
    }


def parse_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def export_url(call) -> str:
    return f"/calls/{call.id}/proposals/export"


class TestCsvExport:
    async def test_the_admin_gets_every_proposal_of_the_call(self, client, world, people):
        response = await client.get(export_url(world["call"]), params={"format": "csv"}, headers=people["admin"])
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == (
            f"attachment; filename=\"TEX-2027-A-proposals-{TODAY}.csv\"; "
            f"filename*=UTF-8''TEX-2027-A-proposals-{TODAY}.csv"
        )
        assert response.headers["cache-control"] == "private, no-store"
        assert response.content.startswith(b"\xef\xbb\xbf")
        assert parse_csv(response.content) == [HEADER, ROW_VALENCIA, ROW_TOSCANA]

    async def test_csv_is_the_default_and_quotes_what_needs_quoting(self, client, world, people):
        response = await client.get(export_url(world["call"]), headers=people["admin"])
        text = response.content.decode("utf-8-sig")
        assert text.startswith("Reference,Title,Acronym,Stage,")
        assert '"EU outdoor apparel, ""premium""\nand workwear"' in text
        assert text.endswith("\r\n")


class TestXlsxExport:
    async def test_a_typed_sheet_with_a_bold_frozen_header(self, client, world, people):
        response = await client.get(export_url(world["call"]), params={"format": "xlsx"}, headers=people["admin"])
        assert response.status_code == 200
        assert response.headers["content-type"] == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        assert f"TEX-2027-A-proposals-{TODAY}.xlsx" in response.headers["content-disposition"]
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.title == "Proposals"
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:S3"
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        assert rows[0] == HEADER
        assert all(cell.font.bold for cell in sheet[1])
        assert not sheet["A2"].font.bold
        assert rows[1] == ["TEX-ES52-001", FORMULA, None, "Draft", "ES52", "Tintes Valencia", None,
                           "circular_economy", "fibre", None, None, None, None, None, None, None, None, None, None]
        assert sheet["B2"].data_type == "s"  # text, never run as a formula
        assert rows[2] == [
            "TEX-ITI1-001", "Recycled wool yarn", "REWOOL", "Submitted", "ITI1", "Lanificio Rossi",
            "Tintes Valencia (ES52, confirmed)", "circular_economy; industry_4_0", "fibre; yarn", 5, 500000,
            250000, datetime(2026, 11, 20, 9, 30), 2, MARKET, "Looms 120k", 12, datetime(2027, 1, 15), True,
        ]
        assert (sheet["K3"].number_format, sheet["M3"].number_format, sheet["R3"].number_format) == (
            "#,##0.00", "yyyy-mm-dd hh:mm:ss", "yyyy-mm-dd",
        )
        assert sheet["K3"].data_type == "n"


class TestWhoMayExport:
    async def test_a_cluster_manager_gets_only_their_regions_proposals(self, client, world, people):
        for format in ("csv", "xlsx"):
            response = await client.get(export_url(world["call"]), params={"format": format},
                                        headers=people["toscana_manager"])
            assert response.status_code == 200
        csv_rows = parse_csv((await client.get(export_url(world["call"]), headers=people["toscana_manager"])).content)
        assert csv_rows == [HEADER, ROW_TOSCANA]
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Reference", "TEX-ITI1-001"]

    async def test_a_manager_of_a_region_without_proposals_gets_the_header_only(self, client, world, people):
        response = await client.get(export_url(world["call"]), headers=people["norte_manager"])
        assert parse_csv(response.content) == [HEADER]

    @pytest.mark.parametrize("who", ["member", "evaluator"])
    async def test_members_and_evaluators_may_not_export(self, client, world, people, who):
        response = await client.get(export_url(world["call"]), headers=people[who])
        assert response.status_code == 403
        assert response.json()["detail"] == (
            "Only cluster managers and the consortium admin may export a call's proposals."
        )

    async def test_visitors_must_sign_in(self, client, world):
        assert (await client.get(export_url(world["call"]))).status_code == 401

    async def test_an_unknown_call_is_not_found(self, client, people):
        response = await client.get(f"/calls/{uuid.uuid4()}/proposals/export", headers=people["admin"])
        assert (response.status_code, response.json()["title"]) == (404, "Call not found")

    async def test_a_draft_call_exists_for_the_admin_only(self, session, client, people):
        call = await factories.call(session, status="draft")
        assert (await client.get(export_url(call), headers=people["toscana_manager"])).status_code == 404
        assert parse_csv((await client.get(export_url(call), headers=people["admin"])).content) == [HEADER[:16]]

    async def test_an_unknown_format_is_named(self, client, world, people):
        response = await client.get(export_url(world["call"]), params={"format": "pdf"}, headers=people["admin"])
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["query.format"]
