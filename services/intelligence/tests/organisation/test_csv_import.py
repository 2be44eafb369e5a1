"""Importing organisations from CSV: every row checked like a POST, reported exactly, re-imports update by VAT."""

from pathlib import Path

import pytest
from tex4im_common.identity import Role

FIXTURE = Path(__file__).parent / "fixtures" / "organisations.csv"
NACE_PATTERN_MESSAGE = r"String should match pattern '^[A-U][0-9]{2}(\.[0-9]{1,2})?$'"


def upload(content: bytes, name: str = "organisations.csv") -> dict:
    return {"file": (name, content, "text/csv")}


@pytest.fixture
def fixture_file() -> dict:
    return upload(FIXTURE.read_bytes())


def expected_rows(created: dict[int, str | None]) -> list[dict]:
    """The report of the fixture file; `created` maps the accepted rows to their ids."""
    def refused(row: int, label: str | None, field: str, message: str) -> dict:
        return {"row": row, "status": "refused", "id": None, "label": label,
                "problems": [{"field": field, "message": message}], "warnings": []}

    def accepted(row: int, label: str) -> dict:
        return {"row": row, "status": "created", "id": created[row], "label": label, "problems": [], "warnings": []}

    return [
        accepted(1, "Lanificio Rossi S.p.A."),
        refused(2, "Tessitura Verdi S.r.l.", "nace_codes", f"{NACE_PATTERN_MESSAGE} (got 'C13.2X')"),
        refused(3, None, "name", "Field required"),
        refused(4, "Hilaturas García S.L.", "region_code",
                "Only the cluster managers of region ES52 and the consortium admin may register organisations there."),
        refused(5, "Filatura Neri", "lon", "Input should be less than or equal to 180"),
        accepted(6, "Università degli Studi di Firenze"),
        refused(7, "Lavanderia Industriale Bruni", "lat", "give both lon and lat, or neither"),
    ]


class TestImportReport:
    async def test_each_row_is_reported_with_its_outcome_field_and_reason(self, client, toscana, fixture_file):
        response = await client.post("/organisations/import", files=fixture_file, headers=toscana)
        assert response.status_code == 200
        report = response.json()
        created = {r["row"]: r["id"] for r in report["rows"] if r["status"] == "created"}
        assert report["rows"] == expected_rows(created)
        assert {k: report[k] for k in ("target", "adapter", "filename", "dry_run", "rows_total", "rows_created",
                                       "rows_updated", "rows_refused", "warnings")} == {
            "target": "organisations", "adapter": "csv", "filename": "organisations.csv", "dry_run": False,
            "rows_total": 7, "rows_created": 2, "rows_updated": 0, "rows_refused": 5,
            "warnings": ["Unknown column 'notes' ignored."],
        }
        assert report["id"] is not None

    async def test_accepted_rows_are_registered_with_their_contact(self, client, toscana, fixture_file):
        report = (await client.post("/organisations/import", files=fixture_file, headers=toscana)).json()
        lanificio = (await client.get(f"/organisations/{report['rows'][0]['id']}", headers=toscana)).json()
        assert (lanificio["vat_number"], lanificio["nace_codes"], lanificio["capabilities"]) == (
            "IT01234567890", ["C13.10", "C13.20"], ["carded wool", "recycled wool"]
        )
        assert (lanificio["lon"], lanificio["lat"], lanificio["visibility"]) == (11.0968, 43.8777, "public")
        assert [(c["name"], c["email"]) for c in lanificio["contacts"]] == [("Anna Bianchi", "anna@lanificio.example")]
        university = (await client.get(f"/organisations/{report['rows'][5]['id']}", headers=toscana)).json()
        assert university["priorities"] == ["advanced_materials", "circular_economy"]
        names = [o["name"] for o in (await client.get("/organisations", headers=toscana)).json()["items"]]
        assert names == ["Lanificio Rossi S.p.A.", "Università degli Studi di Firenze"]

    async def test_a_dry_run_reports_the_same_and_writes_nothing(self, client, toscana, admin, fixture_file):
        response = await client.post("/organisations/import", params={"dry_run": "true"}, files=fixture_file,
                                     headers=toscana)
        report = response.json()
        assert report["rows"] == expected_rows({1: None, 6: None})
        assert (report["id"], report["dry_run"], report["rows_created"]) == (None, True, 2)
        assert (await client.get("/organisations", headers=admin)).json()["items"] == []
        assert (await client.get("/imports", headers=toscana)).json()["items"] == []

    async def test_comma_separated_files_without_bom_are_read_too(self, client, toscana):
        content = b'name,kind,country_code,region_code,city,capabilities\n"Tintoria Gialli, S.r.l.",company,IT,ITI1,' \
                  b'Prato,dyeing|finishing\n'
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        assert [(r["status"], r["label"]) for r in report["rows"]] == [("created", "Tintoria Gialli, S.r.l.")]
        assert report["warnings"] == []


class TestReimport:
    async def test_importing_the_same_file_again_creates_nothing_new(self, client, toscana, fixture_file):
        first = (await client.post("/organisations/import", files=fixture_file, headers=toscana)).json()
        again = (await client.post("/organisations/import", files=fixture_file, headers=toscana)).json()
        assert (again["rows_created"], again["rows_updated"], again["rows_refused"]) == (0, 0, 5)
        assert [(r["row"], r["status"], r["id"]) for r in again["rows"] if r["status"] != "refused"] == [
            (r["row"], "unchanged", r["id"]) for r in first["rows"] if r["status"] == "created"
        ]
        assert len((await client.get("/organisations", headers=toscana)).json()["items"]) == 2
        contacts = (await client.get(f"/organisations/{first['rows'][0]['id']}/contacts", headers=toscana)).json()
        assert [c["name"] for c in contacts] == ["Anna Bianchi"]

    async def test_a_row_with_a_registered_vat_number_updates_that_record(self, client, toscana, create):
        existing = await create(description="Old text.")
        content = b"name;kind;vat_number;country_code;region_code;city;description\n" \
                  b"Lanificio Rossi S.p.A.;company;IT01234567890;IT;ITI1;Prato;Carded wool since 1921.\n"
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        assert [(r["status"], r["id"]) for r in report["rows"]] == [("updated", existing["id"])]
        record = (await client.get(f"/organisations/{existing['id']}", headers=toscana)).json()
        assert (record["description"], record["version"], record["nace_codes"]) == (
            "Carded wool since 1921.", 2, ["C13.10", "C13.20"]
        )

    async def test_a_registered_vat_number_of_another_region_is_refused(self, client, toscana, create):
        await create(name="Hilaturas García S.L.", vat_number="ESB12345678", country_code="ES", region_code="ES52",
                     city="Alcoi")
        content = "name;kind;vat_number;country_code;region_code\nHilaturas García;company;ESB12345678;IT;ITI1\n"
        report = (await client.post("/organisations/import", files=upload(content.encode()), headers=toscana)).json()
        assert report["rows"][0]["problems"] == [{
            "field": "vat_number",
            "message": "Only the cluster managers of region ES52 and the consortium admin may update the record "
                       "with this VAT number.",
        }]

    async def test_a_row_that_looks_like_a_registered_organisation_gets_a_warning(self, client, toscana, create):
        existing = await create()
        content = b"name;kind;country_code;region_code;city\nLanificio Rossi SpA;company;IT;ITI1;PRATO\n"
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        assert report["rows"][0]["status"] == "created"
        assert report["rows"][0]["warnings"] == [
            f"Looks like a duplicate of 'Lanificio Rossi S.p.A.' ({existing['id']}, Prato): "
            "a similar name in the same city."
        ]


class TestRowsOfOneFile:
    async def test_a_later_row_with_the_same_vat_number_updates_the_earlier_one(self, client, toscana):
        content = (b"name;kind;vat_number;country_code;region_code;city\n"
                   b"Lanificio Rossi S.p.A.;company;IT01234567890;IT;ITI1;Prato\n"
                   b"Lanificio Rossi S.p.A.;company;IT 012 345 678 90;IT;ITI1;Montemurlo\n")
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        assert [r["status"] for r in report["rows"]] == ["created", "updated"]
        assert report["rows"][0]["id"] == report["rows"][1]["id"]
        record = (await client.get(f"/organisations/{report['rows'][0]['id']}", headers=toscana)).json()
        assert (record["city"], record["version"]) == ("Montemurlo", 1)

    async def test_a_contact_needs_a_name_and_a_well_formed_email(self, client, toscana):
        content = (b"name;kind;country_code;contact_name;contact_email\n"
                   b"Tessitura Verdi;company;IT;;info@verdi.example\n"
                   b"Tessitura Bianchi;company;IT;Carla Bianchi;carla-at-bianchi\n")
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        assert [(r["status"], [p["field"] for p in r["problems"]]) for r in report["rows"]] == [
            ("refused", ["contact_name"]), ("refused", ["contact_email"])
        ]

    async def test_a_region_outside_the_partnership_is_looked_after_by_the_importing_manager(
        self, client, toscana, valencia
    ):
        content = b"name;kind;country_code;region_code;city\nTuchfabrik Muller;company;DE;DEA2;Aachen\n"
        report = (await client.post("/organisations/import", files=upload(content), headers=toscana)).json()
        record_id = report["rows"][0]["id"]
        assert report["rows"][0]["status"] == "created"
        assert (await client.get(f"/organisations/{record_id}/contacts", headers=toscana)).status_code == 200
        assert (await client.get(f"/organisations/{record_id}/contacts", headers=valencia)).status_code == 403


class TestRefusedFiles:
    async def test_a_file_over_5_mb_is_a_413_problem(self, client, toscana, admin):
        content = b"name;kind;country_code\n" + b"x" * (5 * 1024 * 1024)
        response = await client.post("/organisations/import", files=upload(content), headers=toscana)
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == "The file is larger than 5 MB; split it."
        assert (await client.get("/imports", headers=toscana)).json()["items"] == []

    async def test_more_than_20000_rows_is_a_413_problem(self, client, toscana):
        content = b"name;kind;country_code\n" + b"A;company;IT\n" * 20_001
        response = await client.post("/organisations/import", files=upload(content), headers=toscana)
        assert response.status_code == 413
        assert response.json()["detail"] == "The file has 20,001 rows; at most 20,000 per import."

    async def test_missing_required_columns_refuse_the_whole_file(self, client, toscana):
        content = b"name;city\nLanificio Rossi;Prato\n"
        response = await client.post("/organisations/import", files=upload(content), headers=toscana)
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {"field": "file", "message": "missing column kind", "code": "column_missing"},
            {"field": "file", "message": "missing column country_code", "code": "column_missing"},
        ]

    async def test_a_file_that_is_not_utf8_is_a_422_problem(self, client, toscana):
        content = "name;kind;country_code\nUniversità;university;IT\n".encode("latin-1")
        response = await client.post("/organisations/import", files=upload(content), headers=toscana)
        assert response.status_code == 422
        assert response.json()["type"] == "urn:tex4im:problem:organisation-file-unreadable"

    async def test_only_managers_and_the_admin_may_import(self, client, identity_headers, fixture_file):
        member = identity_headers(Role.member, region="ITI1", subject="member-iti1")
        assert (await client.post("/organisations/import", files=fixture_file, headers=member)).status_code == 403
        assert (await client.post("/organisations/import", files=fixture_file)).status_code == 401


class TestImportRuns:
    async def test_the_run_is_kept_for_the_manager_who_ran_it(self, client, toscana, valencia, admin, fixture_file):
        report = (await client.post("/organisations/import", files=fixture_file, headers=toscana)).json()
        runs = (await client.get("/imports", headers=toscana)).json()["items"]
        assert [(r["id"], r["rows_total"], r["rows_created"], r["rows_refused"]) for r in runs] == [
            (report["id"], 7, 2, 5)
        ]
        kept = (await client.get(f"/imports/{report['id']}", headers=toscana)).json()
        assert kept == report
        assert (await client.get(f"/imports/{report['id']}", headers=valencia)).status_code == 404
        assert (await client.get("/imports", headers=valencia)).json()["items"] == []
        assert (await client.get(f"/imports/{report['id']}", headers=admin)).status_code == 200
