"""Past import runs: each person finds their own, newest first, and can open a run's per-row report."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from intelligence.imports.models import ImportRun
from tex4im_common.identity import Role

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def manager(identity_headers):
    return identity_headers(Role.cluster_manager, region="ITI1", subject="manager-iti1")


@pytest.fixture
async def runs(session) -> list[ImportRun]:
    """Five runs of the Toscana manager an hour apart (the last an opportunity feed) and one of someone else."""
    kept = []
    for hour in range(5):
        target, adapter = ("opportunities", "een") if hour == 4 else ("organisations", "csv")
        kept.append(ImportRun(
            target=target, adapter=adapter, filename=f"file-{hour}.csv", run_by="manager-iti1", rows_total=hour + 1,
            rows_created=hour, rows_updated=0, rows_refused=1, created_at=START + timedelta(hours=hour),
            report=[{"row": 1, "status": "refused", "id": None, "label": "Nameless",
                     "problems": [{"field": "name", "message": "Field required"}], "warnings": []}],
        ))
    kept.append(ImportRun(target="organisations", adapter="csv", filename="other.csv", run_by="manager-es52",
                          rows_total=0, rows_created=0, rows_updated=0, rows_refused=0, report=[],
                          created_at=START))
    session.add_all(kept)
    await session.flush()
    return kept


class TestListImportRuns:
    async def test_own_runs_come_newest_first_page_by_page(self, client, manager, runs):
        seen, cursor = [], None
        while True:
            params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
            body = (await client.get("/imports", params=params, headers=manager)).json()
            seen += [run["filename"] for run in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert seen == ["file-4.csv", "file-3.csv", "file-2.csv", "file-1.csv", "file-0.csv"]

    async def test_runs_can_be_narrowed_to_one_target(self, client, manager, runs):
        body = (await client.get("/imports", params={"target": "opportunities"}, headers=manager)).json()
        assert [(r["filename"], r["adapter"]) for r in body["items"]] == [("file-4.csv", "een")]

    async def test_anonymous_visitors_have_no_runs(self, client):
        assert (await client.get("/imports")).status_code == 401


class TestGetImportRun:
    async def test_the_report_is_kept_row_by_row(self, client, manager, runs):
        body = (await client.get(f"/imports/{runs[1].id}", headers=manager)).json()
        assert (body["filename"], body["dry_run"], body["rows_total"], body["warnings"]) == (
            "file-1.csv", False, 2, []
        )
        assert body["rows"] == [{"row": 1, "status": "refused", "id": None, "label": "Nameless",
                                 "problems": [{"field": "name", "message": "Field required"}], "warnings": []}]

    async def test_someone_elses_run_is_not_found(self, client, manager, runs):
        response = await client.get(f"/imports/{runs[-1].id}", headers=manager)
        assert response.status_code == 404
        assert (await client.get(f"/imports/{uuid.uuid4()}", headers=manager)).status_code == 404
