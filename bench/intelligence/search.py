"""Full-text faceted search over 100,000 opportunities and 50,000 organisations: p50/p95 per query.

Starts the platform on spare loopback ports with a throwaway database (as tests/conftest.py does), adds the
synthetic registry of bench/intelligence/seed.py on top of the demo data, signs in the Norte company member
(a partnership user: public and consortium-only records are searched), and measures each query of a fixed mix
three ways, interleaved request by request:

* **sql**: the very statements the service runs for that search (its page query and its one total + facets
  query), captured from the service's own repository and replayed with asyncpg straight on PostgreSQL: the
  baseline, the cost of the database work alone;
* **service**: `GET /search/...` straight to the intelligence service (identity token minted with the key);
* **gateway**: `GET /api/intelligence/search/...` through the gateway with the browser's cookie.

One request at a time (latency, not throughput). Every HTTP answer must be 200 with the same total as the
SQL baseline, so a misconfiguration cannot produce fast errors.

Usage: uv run --frozen python bench/intelligence/search.py [--write-readme] [--requests 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for the shared kit
from benchkit import Stack, cpu_model, direct_token, git_commit, log, ports_free, sign_in, write_results
from seed import seed

MEMBER_EMAIL = "member.pt11@demo.tex4im.eu"
TARGETS = ("sql", "service", "gateway")


@dataclass
class Query:
    title: str
    target: str  # opportunities | organisations
    params: dict[str, Any]
    samples: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in TARGETS})
    statements: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    total: int | None = None


def query_mix(today: date) -> list[Query]:
    return [
        Query("text `recycled cotton`", "opportunities", {"q": "recycled cotton"}),
        Query("text `cotone riciclato` in ITI1", "opportunities", {"q": "cotone riciclato", "region": ["ITI1"]}),
        Query("text `têxteis técnicos`", "opportunities", {"q": "têxteis técnicos"}),
        Query("text `wool`, technology offers, deadline from today", "opportunities",
              {"q": "wool", "kind": ["technology_offer"], "deadline_from": today.isoformat()}),
        Query("browse: circular economy in PT11 (no text)", "opportunities",
              {"priority": ["circular_economy"], "region": ["PT11"]}),
        Query("browse: everything open (no text, no filter)", "opportunities", {}),
        Query("organisations: text `dyeing finishing` in IT", "organisations",
              {"q": "dyeing finishing", "country": ["IT"]}),
        Query("organisations: browse NACE C13 in ES52", "organisations", {"nace": ["C13"], "region": ["ES52"]}),
    ]


async def capture_statements(dsn: str, access_token: str, queries: list[Query], today: date) -> None:
    """Run each search through the service's own repository once, recording the SQL and parameters it sends."""
    import jwt
    from intelligence import all_models  # noqa: F401  (mappers)
    from intelligence.access import Access
    from intelligence.search.repository import SearchRepository
    from intelligence.search.schemas import OpportunityCriteria, OrganisationCriteria
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
    from tex4im_common.identity import Identity, Membership
    from tex4im_common.pagination import PageParams

    claims = jwt.decode(access_token, options={"verify_signature": False})
    identity = Identity(subject=claims["sub"], name=claims.get("name"),
                        memberships=tuple(Membership(**m) for m in claims.get("memberships", [])))
    engine = create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://", 1))
    recorded: list[tuple[str, tuple[Any, ...]]] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        recorded.append((statement, tuple(parameters or ())))

    try:
        async with AsyncSession(engine) as session:
            repository = SearchRepository(session)
            for query in queries:
                recorded.clear()
                page = PageParams(limit=50, cursor=None)
                if query.target == "opportunities":
                    await repository.search_opportunities(OpportunityCriteria(**query.params), access=Access(identity),
                                                          today=today, page=page)
                else:
                    await repository.search_organisations(OrganisationCriteria(**query.params),
                                                          access=Access(identity), page=page)
                query.statements = [s for s in recorded if s[0].lstrip().upper().startswith(("SELECT", "WITH"))]
    finally:
        await engine.dispose()


async def run_sql(connection: asyncpg.Connection, query: Query) -> int:
    total = 0
    for statement, parameters in query.statements:
        for row in await connection.fetch(statement, *parameters):
            if "facet" in row and row["facet"] == "_total":  # the counts statement's total row
                total = row["n"]
    return total


async def run_http(client: httpx.AsyncClient, url: str, query: Query, headers: dict[str, str]) -> int:
    response = await client.get(url, params=query.params, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")
    return response.json()["total"]


async def measure(stack: Stack, access: str, queries: list[Query], *, requests: int, warmup: int) -> None:
    service_headers = {"Authorization": f"Bearer {direct_token(stack, access)}"}
    gateway_headers = {"Cookie": f"tex4im_access={access}"}
    connection = await asyncpg.connect(stack.database_dsn())
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            for query in queries:
                service_url = f"{stack.service_urls['intelligence']}/search/{query.target}"
                gateway_url = f"{stack.gateway_url}/api/intelligence/search/{query.target}"
                runners = {
                    "sql": lambda q=query: run_sql(connection, q),
                    "service": lambda q=query, u=service_url: run_http(client, u, q, service_headers),
                    "gateway": lambda q=query, u=gateway_url: run_http(client, u, q, gateway_headers),
                }
                totals = {name: await runner() for name, runner in runners.items()}
                if len(set(totals.values())) != 1:
                    raise RuntimeError(f"{query.title}: the three paths disagree on the total: {totals}")
                query.total = totals["sql"]
                for _ in range(warmup):
                    for runner in runners.values():
                        await runner()
                for _ in range(requests):
                    for name, runner in runners.items():
                        started = time.perf_counter()
                        await runner()
                        query.samples[name].append((time.perf_counter() - started) * 1000)
                log(f"{query.title}: {query.total} matches; p50 sql {percentile(query.samples['sql'], 50):.1f} ms, "
                    f"gateway {percentile(query.samples['gateway'], 50):.1f} ms")
    finally:
        await connection.close()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))  # nearest rank
    return ordered[index]


def render(queries: list[Query], *, requests: int, counts: tuple[int, int], seed_seconds: float) -> str:
    lines = [
        f"- Date (UTC): {datetime.now(UTC):%Y-%m-%d %H:%M}; commit {git_commit()}",
        f"- Machine: {os.cpu_count()} CPU ({cpu_model()}); Python {platform.python_version()}; PostgreSQL, the "
        "services and the load share these CPUs",
        f"- Data: {counts[0]:,} synthetic opportunities and {counts[1]:,} organisations (bench/intelligence/seed.py, "
        f"loaded with COPY through the search triggers in {seed_seconds:.0f} s) on top of the demo data; caller: "
        "the Norte company member (public and partnership-only records)",
        f"- {requests} requests per query and path, one at a time, interleaved sql → service → gateway; "
        "page size 50; every answer carries the exact total and all facet counts",
        "",
        "| Query | Matches | SQL p50 / p95 (ms) | service p50 / p95 (ms) | gateway p50 / p95 (ms) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for query in queries:
        cells = [f"{percentile(query.samples[t], 50):.1f} / {percentile(query.samples[t], 95):.1f}" for t in TARGETS]
        lines.append(f"| {query.title} | {query.total:,} | {' | '.join(cells)} |")
    every = {t: [v for q in queries for v in q.samples[t]] for t in TARGETS}
    cells = [f"{percentile(every[t], 50):.1f} / {percentile(every[t], 95):.1f}" for t in TARGETS]
    lines.append(f"| **all queries** | | {' | '.join(f'**{c}**' for c in cells)} |")
    overhead = statistics.median(
        percentile(q.samples["gateway"], 50) - percentile(q.samples["sql"], 50) for q in queries
    )
    lines += ["", f"- Median over the queries of (gateway p50 − SQL p50): {overhead:.1f} ms — the HTTP, identity, "
              "validation and JSON work on top of the database's."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-readme", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--port-base", type=int, default=18200, help="gateway port; the services use the next 3")
    parser.add_argument("--opportunities", type=int, default=100_000)
    parser.add_argument("--organisations", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=60, help="measured requests per query and path")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up requests per query and path")
    args = parser.parse_args(argv)
    if not ports_free(args.port_base):
        log(f"ports from {args.port_base} are in use; stop what listens there or pass --port-base")
        return 2
    work_dir = Path(tempfile.mkdtemp(prefix="tex4im-bench-search-"))
    stack = Stack(args.port_base, work_dir / "stack")
    today = datetime.now(UTC).date()
    queries = query_mix(today)
    started = time.monotonic()
    try:
        log(f"starting the platform on 127.0.0.1:{args.port_base}-{args.port_base + 3} (throwaway database)")
        stack.start()
        log(f"platform ready in {time.monotonic() - started:.0f} s; seeding the synthetic registry")
        seeded = time.monotonic()
        asyncio.run(seed(stack.database_dsn(), opportunity_count=args.opportunities,
                         organisation_count=args.organisations, today=today))
        seed_seconds = time.monotonic() - seeded
        log(f"seeded {args.opportunities:,} opportunities and {args.organisations:,} organisations in "
            f"{seed_seconds:.0f} s")
        access = sign_in(stack, MEMBER_EMAIL)
        asyncio.run(capture_statements(stack.database_dsn(), access, queries, today))
        asyncio.run(measure(stack, access, queries, requests=args.requests, warmup=args.warmup))
    except Exception:
        tail = stack.tail()
        if tail:
            print(f"--- last lines of the platform's log ---\n{tail}", file=sys.stderr)
        raise
    finally:
        stack.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
    table = render(queries, requests=args.requests, counts=(args.opportunities, args.organisations),
                   seed_seconds=seed_seconds)
    print(f"\n{table}\n", flush=True)
    if args.write_readme:
        write_results("search", table)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
