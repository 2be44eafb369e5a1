from pathlib import Path

from intelligence.imports.models import ImportRun
from intelligence.opportunity.models import Opportunity
from sqlalchemy import func, select

FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATE = (FIXTURES / "opportunities.csv").read_bytes()
EEN = (FIXTURES / "een_profiles.json").read_bytes()
CALLS = (FIXTURES / "eu_calls.json").read_bytes()


async def count(session, model):
    return await session.scalar(select(func.count()).select_from(model))


def upload(content, name="opportunities.csv"):
    return {"file": (name, content, "application/octet-stream")}


def statuses(report):
    return [(row["row"], row["status"]) for row in report["rows"]]


class TestTemplateImport:
    async def test_report_lists_created_and_refused_rows_with_field_and_message(
        self, client, session, norte_manager, events_of
    ):
        response = await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                                     headers=norte_manager)
        assert response.status_code == 200
        report = response.json()
        assert statuses(report) == [(1, "created"), (2, "created"), (3, "refused"), (4, "refused"), (5, "refused"),
                                    (6, "created")]
        assert (report["rows_total"], report["rows_created"], report["rows_updated"], report["rows_refused"]) == (
            6, 3, 0, 3,
        )
        refused = {row["row"]: [(p["field"], p["message"]) for p in row["problems"]] for row in report["rows"]
                   if row["status"] == "refused"}
        assert [field for field, _ in refused[3]] == ["kind"]
        assert refused[4] == [("deadline", "'30/06/2030' is not a date written YYYY-MM-DD")]
        assert refused[5] == [("region_codes.0", "String should match pattern '^[A-Z]{2}[A-Z0-9]{2}$'")]
        assert report["rows"][0]["label"] == "Recycled polyester yarn from PET bottles"
        assert report["id"] is not None
        assert await count(session, Opportunity) == 3
        assert await count(session, ImportRun) == 1
        yarn = await session.get(Opportunity, report["rows"][0]["id"])
        assert (yarn.owner_region_code, yarn.country_codes, yarn.status, yarn.created_by) == (
            "PT11", ["PT", "IT"], "open", "manager-norte",
        )
        assert [kind for kind, _ in await events_of(report["rows"][0]["id"])] == ["opportunity.published"]
        assert [kind for kind, _ in await events_of(report["rows"][1]["id"])] == ["opportunity.created"]

    async def test_importing_again_creates_nothing_new(self, client, session, norte_manager):
        first = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                                   headers=norte_manager)).json()
        again = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                                   headers=norte_manager)).json()
        assert statuses(again) == [(1, "unchanged"), (2, "unchanged"), (3, "refused"), (4, "refused"),
                                   (5, "refused"), (6, "unchanged")]
        assert [r["id"] for r in again["rows"]] == [r["id"] for r in first["rows"]]
        assert await count(session, Opportunity) == 3

    async def test_a_changed_row_updates_its_record(self, client, session, norte_manager, events_of):
        first = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                                   headers=norte_manager)).json()
        changed = TEMPLATE.replace(b"Recycled polyester yarn from PET bottles", b"Recycled PET yarn (GRS)")
        report = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(changed),
                                    headers=norte_manager)).json()
        assert statuses(report)[:2] == [(1, "updated"), (2, "unchanged")]
        record = await session.get(Opportunity, first["rows"][0]["id"])
        await session.refresh(record)
        assert (record.title, record.version) == ("Recycled PET yarn (GRS)", 2)
        assert await count(session, Opportunity) == 3
        assert [k for k, _ in await events_of(record.id)] == ["opportunity.published", "opportunity.updated"]

    async def test_a_dry_run_reports_and_writes_nothing(self, client, session, norte_manager):
        response = await client.post("/opportunities/import", params={"adapter": "csv", "dry_run": "true"},
                                     files=upload(TEMPLATE), headers=norte_manager)
        report = response.json()
        assert (report["dry_run"], report["id"], report["rows_created"], report["rows_refused"]) == (True, None, 3, 3)
        assert [r["id"] for r in report["rows"]] == [None] * 6
        assert await count(session, Opportunity) == 0
        assert await count(session, ImportRun) == 0

    async def test_a_status_the_record_cannot_move_to_refuses_the_row(self, client, norte_manager):
        await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                          headers=norte_manager)
        back_to_draft = TEMPLATE.replace(b",open,public", b",draft,public")
        report = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(back_to_draft),
                                    headers=norte_manager)).json()
        row = report["rows"][0]
        assert row["status"] == "refused"
        assert row["problems"][0]["field"] == "status"
        assert row["problems"][0]["message"].startswith("An opportunity cannot go from open to draft")

    async def test_a_new_record_cannot_start_closed(self, client, norte_manager):
        closed = TEMPLATE.replace(b",open,public", b",closed,public")
        report = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(closed),
                                    headers=norte_manager)).json()
        assert report["rows"][0]["problems"] == [
            {"field": "status", "message": "a new opportunity starts as draft or open"}
        ]

    async def test_the_same_reference_twice_in_a_file_is_refused_the_second_time(self, client, norte_manager):
        twice = TEMPLATE + TEMPLATE.splitlines(keepends=True)[1]
        report = (await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(twice),
                                    headers=norte_manager)).json()
        assert report["rows"][-1]["problems"] == [
            {"field": "source_ref", "message": "CIT-2030-001 is already item 1 of this file"}
        ]


class TestFeedImports:
    async def test_een_profiles_are_imported_for_the_owner_region(self, client, session, norte_manager):
        report = (await client.post("/opportunities/import", params={"adapter": "een"},
                                    files=upload(EEN, "een.json"), headers=norte_manager)).json()
        assert statuses(report) == [(1, "created"), (2, "created"), (3, "created"), (4, "created"),
                                    (5, "created"), (6, "created"), (7, "refused"), (8, "refused")]
        kinds = (await session.scalars(select(Opportunity.kind).order_by(Opportunity.source_ref))).all()
        assert sorted(kinds) == ["business_cooperation", "business_cooperation", "rnd", "technology_offer",
                                 "technology_offer", "technology_request"]
        owners = set((await session.scalars(select(Opportunity.owner_region_code))).all())
        assert owners == {"PT11"}

    async def test_a_profile_imported_by_another_region_is_not_taken_over(
        self, client, norte_manager, toscana_manager
    ):
        await client.post("/opportunities/import", params={"adapter": "een"}, files=upload(EEN, "een.json"),
                          headers=norte_manager)
        report = (await client.post("/opportunities/import", params={"adapter": "een"}, files=upload(EEN, "een.json"),
                                    headers=toscana_manager)).json()
        assert report["rows_refused"] == 8
        assert report["rows"][0]["problems"] == [
            {"field": "source_ref", "message": "already imported for region PT11, which you do not manage"}
        ]

    async def test_calls_are_placed_in_the_regions_named(self, client, session, admin):
        response = await client.post(
            "/opportunities/import", params={"adapter": "calls", "owner_region": "ITI1", "regions": ["PT11", "ITI1"]},
            files=upload(CALLS, "calls.json"), headers=admin,
        )
        report = response.json()
        assert (report["rows_created"], report["rows_refused"]) == (5, 1)
        call = (await session.scalars(
            select(Opportunity).where(Opportunity.source_ref == "EISMEA/2030/OP/0007")
        )).one()
        assert (call.kind, call.region_codes, call.owner_region_code, str(call.budget_eur)) == (
            "tender", ["PT11", "ITI1"], "ITI1", "350000.50",
        )


class TestWhoMayImport:
    async def test_toscana_manager_cannot_import_for_norte_nor_a_member(self, client, toscana_manager, member):
        response = await client.post("/opportunities/import", params={"adapter": "csv", "owner_region": "PT11"},
                                     files=upload(TEMPLATE), headers=toscana_manager)
        assert response.status_code == 403
        response = await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(TEMPLATE),
                                     headers=member)
        assert response.status_code == 403


class TestRefusedFiles:
    async def test_a_file_over_5_mb_is_413(self, client, session, norte_manager):
        big = TEMPLATE + b"\n" * (5 * 1024 * 1024)
        response = await client.post("/opportunities/import", params={"adapter": "csv"}, files=upload(big),
                                     headers=norte_manager)
        assert response.status_code == 413
        assert response.json()["detail"] == "The file is larger than 5 MB; split it and import the parts."
        assert await count(session, Opportunity) == 0

    async def test_an_unreadable_file_is_a_422_problem_naming_the_file(self, client, norte_manager):
        response = await client.post("/opportunities/import", params={"adapter": "een"}, files=upload(b"<xml/>"),
                                     headers=norte_manager)
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"] == "urn:tex4im:problem:opportunity-feed-unreadable"
        assert problem["errors"][0]["field"] == "body.file"

    async def test_an_unknown_adapter_is_a_422_problem(self, client, norte_manager):
        response = await client.post("/opportunities/import", params={"adapter": "xlsx"}, files=upload(TEMPLATE),
                                     headers=norte_manager)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "query.adapter"
