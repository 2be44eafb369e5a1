"""The proposals list and the board's stage counts at 10,000 proposals, for three callers: p50/p95 per query.

Starts the platform on spare loopback ports with a throwaway database (as tests/conftest.py does), waits for
the proposals service to copy the demo organisation registry, adds the synthetic proposals of
bench/proposals/seed.py, and measures a fixed query mix for the admin, the ITI1 cluster manager and the ITI1
demo member, three ways, interleaved request by request:

* **sql**: the very statements the service runs for that request (its page query and its partner-regions query,
  or its stage-counts query), captured from the service's own code and replayed with asyncpg straight on
  PostgreSQL: the baseline, the database's work alone (visibility rules included: they are in the SQL);
* **service**: `GET /proposals...` straight to the proposals service (identity token minted with the key);
* **gateway**: `GET /api/proposals/proposals...` through the gateway with the browser's cookie.

One request at a time (latency, not throughput). Every answer must be 200 with the same page (the same
proposal ids in the same order) or the same stage counts as the SQL baseline, on every request.

Usage: uv run --frozen python bench/proposals/listing.py [--write-readme] [--requests 60] [--explain]
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
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/, for the shared kit
from benchkit import Stack, cpu_model, direct_token, git_commit, log, ports_free, sign_in, write_results
from machine import others_share, snapshot, wait_until_quiet
from plans import explain, indexes
from seed import Seeded, seed, wait_for_organisation_copy

CALLERS = {  # label: demo account
    "admin": "admin@demo.tex4im.eu",
    "manager ITI1": "manager.iti1@demo.tex4im.eu",
    "member ITI1": "member.iti1@demo.tex4im.eu",
}
TARGETS = ("sql", "service", "gateway")
DEEP_PAGES = 5  # the deep page is reached by following next_cursor this many times
LIMIT = 50  # the list's default page size


@dataclass
class Query:
    caller: str
    title: str
    counts: bool  # GET /proposals/stage-counts, else GET /proposals
    params: dict[str, Any]
    deep: bool = False
    samples: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in TARGETS})
    statements: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    expected: tuple[Any, ...] = ()  # the page's proposal ids, or the (stage, count) pairs
    matches: int = 0  # the visible proposals that match the filter
    generic: bool = False  # PostgreSQL ran the replayed main statement mostly on its generic plan

    @property
    def path(self) -> str:
        return "/proposals/stage-counts" if self.counts else "/proposals"


def query_mix(caller: str, calls: dict[str, uuid.UUID]) -> list[Query]:
    return [
        Query(caller, "first page", False, {}),
        Query(caller, "call BENCHPERM", False, {"call_id": str(calls["BENCHPERM"])}),
        Query(caller, "stage evaluation", False, {"stage": "evaluation"}),
        Query(caller, "region PT11", False, {"region": "PT11"}),
        Query(caller, "priority circular_economy", False, {"priority": "circular_economy"}),
        Query(caller, "text `wool`", False, {"q": "wool"}),
        Query(caller, "text `BENCH25-PT11-042` (a reference)", False, {"q": "BENCH25-PT11-042"}),
        Query(caller, "board stage-counts", True, {}),
        Query(caller, f"deep page (cursor followed {DEEP_PAGES}×)", False, {}, deep=True),
    ]


def _filter(params: dict[str, Any]) -> Any:
    from proposals.proposal.repository import ProposalFilter

    return ProposalFilter(
        call_id=uuid.UUID(params["call_id"]) if "call_id" in params else None,
        stages=(params["stage"],) if "stage" in params else (),
        regions=(params["region"],) if "region" in params else (),
        priority=params.get("priority"), q=params.get("q"),
    )


async def capture_statements(dsn: str, tokens: dict[str, str], queries: list[Query]) -> None:
    """Run each request through the service's own code once, recording the SQL and parameters it sends."""
    import jwt
    from proposals import all_models  # noqa: F401  (mappers)
    from proposals.access import Access
    from proposals.proposal.repository import ProposalRepository
    from proposals.proposal.service import ProposalService
    from sqlalchemy import event
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
    from tex4im_common.identity import Identity, Membership
    from tex4im_common.pagination import PageParams

    engine = create_async_engine(dsn.replace("postgresql://", "postgresql+asyncpg://", 1))
    recorded: list[tuple[str, tuple[Any, ...]]] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        recorded.append((statement, tuple(parameters or ())))

    try:
        async with AsyncSession(engine) as session:
            service = ProposalService(ProposalRepository(session))
            for query in queries:
                claims = jwt.decode(tokens[query.caller], options={"verify_signature": False})
                access = Access(Identity(subject=claims["sub"], name=claims.get("name"),
                                         memberships=tuple(Membership(**m) for m in claims.get("memberships", []))))
                where = _filter(query.params)
                query.matches = (await service.stage_counts(access=access, where=where)).total
                cursor = None
                for page in range(DEEP_PAGES if query.deep else 0):
                    cursor = (await service.list_proposals(access=access, where=where,
                                                           params=PageParams(limit=LIMIT, cursor=cursor))).next_cursor
                    if cursor is None:
                        raise RuntimeError(f"{query.caller} sees only {page + 1} pages: the seed is too small")
                if cursor is not None:
                    query.params["cursor"] = cursor
                recorded.clear()
                if query.counts:
                    counts = await service.stage_counts(access=access, where=where)
                    query.expected = tuple((s.key, s.count) for s in counts.stages)
                else:
                    page = await service.list_proposals(access=access, where=where,
                                                        params=PageParams(limit=LIMIT, cursor=cursor))
                    query.expected = tuple(item.id for item in page.items)
                query.statements = [s for s in recorded if s[0].lstrip().upper().startswith(("SELECT", "WITH"))]
    finally:
        await engine.dispose()


async def run_sql(connection: asyncpg.Connection, query: Query) -> tuple[Any, ...]:
    results = [await connection.fetch(statement, *parameters) for statement, parameters in query.statements]
    if query.counts:
        return tuple((row["key"], row["count"]) for row in results[0])
    return tuple(row["id"] for row in results[0][:LIMIT])  # the page query reads one row more than the page


async def run_http(client: httpx.AsyncClient, url: str, query: Query, headers: dict[str, str]) -> tuple[Any, ...]:
    response = await client.get(url, params=query.params, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}: {response.text[:300]}")
    body = response.json()
    if query.counts:
        return tuple((s["key"], s["count"]) for s in body["stages"])
    return tuple(uuid.UUID(item["id"]) for item in body["items"])


async def measure(stack: Stack, tokens: dict[str, str], queries: list[Query], *, requests: int,
                  warmup: int) -> None:
    headers = {caller: {"service": {"Authorization": f"Bearer {direct_token(stack, token, audience='proposals')}"},
                        "gateway": {"Cookie": f"tex4im_access={token}"}} for caller, token in tokens.items()}
    connection = await asyncpg.connect(stack.database_dsn())
    try:
        async with httpx.AsyncClient(timeout=30) as client:
            for query in queries:
                service_url = f"{stack.service_urls['proposals']}{query.path}"
                gateway_url = f"{stack.gateway_url}/api/proposals{query.path}"
                caller = headers[query.caller]
                runners = {
                    "sql": lambda q=query: run_sql(connection, q),
                    "service": lambda q=query, u=service_url, h=caller["service"]: run_http(client, u, q, h),
                    "gateway": lambda q=query, u=gateway_url, h=caller["gateway"]: run_http(client, u, q, h),
                }
                for round_ in range(warmup + requests):
                    for name, runner in runners.items():
                        started = time.perf_counter()
                        answer = await runner()
                        elapsed = (time.perf_counter() - started) * 1000
                        if answer != query.expected:
                            raise RuntimeError(f"{query.caller}, {query.title}: {name} answered another page or "
                                               f"other counts than the service's own code did")
                        if round_ >= warmup:
                            query.samples[name].append(elapsed)
                plans = await connection.fetchrow("SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                                                  "WHERE statement = $1", query.statements[0][0])
                query.generic = plans is not None and plans["generic_plans"] > plans["custom_plans"]
                log(f"{query.caller}, {query.title}: {query.matches} matches; p50 sql "
                    f"{percentile(query.samples['sql'], 50):.1f} ms, gateway "
                    f"{percentile(query.samples['gateway'], 50):.1f} ms")
    finally:
        await connection.close()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))  # nearest rank
    return ordered[index]


def render(queries: list[Query], *, requests: int, seeded: Seeded, index_names: list[str], others: float) -> str:
    disturbed = " — **a disturbed run**: the figures are higher than on an idle machine" if others > 0.1 else ""
    lines = [
        f"- Date (UTC): {datetime.now(UTC):%Y-%m-%d %H:%M}; commit {git_commit()}",
        f"- Machine: {os.cpu_count()} CPU ({cpu_model()}); Python {platform.python_version()}; PostgreSQL, the "
        f"services and the load share these CPUs; other processes used {others:.0%} of the CPUs during the "
        f"measurements{disturbed}",
        f"- Data: {seeded.proposals:,} synthetic proposals in 2 calls with {seeded.partners:,} partner rows, over "
        f"{seeded.organisations:,} organisations (the demo registry's copy plus synthetic ones; bench/proposals/"
        f"seed.py, COPY in {seeded.seconds:.0f} s), on top of the {seeded.existing:,} proposals of the demo data",
        f"- Indexes on proposal and proposal_partner: {', '.join(f'`{name}`' for name in index_names)}",
        f"- {requests} requests per query and path, one at a time, interleaved sql → service → gateway; page size "
        f"{LIMIT}; every answer checked against the service's own result (same ids in the same order, same counts)",
        "",
        "| Caller | Query | Matches | SQL p50 / p95 (ms) | service p50 / p95 (ms) | gateway p50 / p95 (ms) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for query in queries:
        cells = [f"{percentile(query.samples[t], 50):.1f} / {percentile(query.samples[t], 95):.1f}" for t in TARGETS]
        title = f"{query.title}{' †' if query.generic else ''}"
        lines.append(f"| {query.caller} | {title} | {query.matches:,} | {' | '.join(cells)} |")
    every = {t: [v for q in queries for v in q.samples[t]] for t in TARGETS}
    cells = [f"{percentile(every[t], 50):.1f} / {percentile(every[t], 95):.1f}" for t in TARGETS]
    lines.append(f"| **all queries** | | | {' | '.join(f'**{c}**' for c in cells)} |")
    overhead = statistics.median(
        percentile(q.samples["gateway"], 50) - percentile(q.samples["sql"], 50) for q in queries
    )
    lines += ["", f"- Median over the queries of (gateway p50 − SQL p50): {overhead:.1f} ms — the HTTP, identity, "
              "validation and JSON work on top of the database's. \"Matches\": the proposals the caller may see "
              "that match the filter (the board's total). †: after five runs of the same statement PostgreSQL "
              "switched to its generic plan (parameters unknown), as it does on the service's pooled connections."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write-readme", action="store_true", help="write the results into bench/README.md")
    parser.add_argument("--port-base", type=int, default=18300, help="gateway port; the services use the next 3")
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--organisations-per-region", type=int, default=200, help="synthetic, besides the demo's")
    parser.add_argument("--requests", type=int, default=60, help="measured requests per query and path")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up requests per query and path")
    parser.add_argument("--quiet-wait", type=float, default=30, help="seconds to wait for other work to go quiet")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the slower statements")
    parser.add_argument("--explain-ms", type=float, default=10.0, help="what --explain counts as slower (SQL p50)")
    args = parser.parse_args(argv)
    if not ports_free(args.port_base):
        log(f"ports from {args.port_base} are in use; stop what listens there or pass --port-base")
        return 2
    from intelligence.demo import DEMO_ORGANISATION_COUNT

    work_dir = Path(tempfile.mkdtemp(prefix="tex4im-bench-proposals-"))
    stack = Stack(args.port_base, work_dir / "stack")
    started = time.monotonic()
    plans = ""
    try:
        log(f"starting the platform on 127.0.0.1:{args.port_base}-{args.port_base + 3} (throwaway database)")
        stack.start()
        dsn = stack.database_dsn()
        tokens = {caller: sign_in(stack, email) for caller, email in CALLERS.items()}
        log(f"platform ready in {time.monotonic() - started:.0f} s; waiting for the organisation copy")
        copied = asyncio.run(wait_for_organisation_copy(stack.gateway_url, tokens["admin"], dsn,
                                                        expected=DEMO_ORGANISATION_COUNT))
        log(f"the copy holds {copied} organisations; seeding {args.proposals:,} proposals")
        seeded = asyncio.run(seed(dsn, proposal_count=args.proposals,
                                  organisations_per_region=args.organisations_per_region,
                                  member_region="ITI1", member_email=CALLERS["member ITI1"]))
        log(f"seeded {seeded.proposals:,} proposals and {seeded.partners:,} partners in {seeded.seconds:.0f} s")
        queries = [q for caller in CALLERS for q in query_mix(caller, seeded.calls)]
        asyncio.run(capture_statements(dsn, tokens, queries))
        roots = [os.getpid(), stack.process.pid if stack.process else 0, stack.postmaster_pid() or 0]
        if args.quiet_wait:
            log(f"others use {wait_until_quiet(roots, seconds=args.quiet_wait):.0%} of the CPUs; measuring")
        before = snapshot(roots)
        asyncio.run(measure(stack, tokens, queries, requests=args.requests, warmup=args.warmup))
        others = others_share(before, snapshot(roots))
        index_names = asyncio.run(indexes(dsn))
        if args.explain:
            slower = [(f"{q.caller}, {q.title} (SQL p50 {percentile(q.samples['sql'], 50):.1f} ms)", *q.statements[0])
                      for q in queries if percentile(q.samples["sql"], 50) >= args.explain_ms]
            plans = asyncio.run(explain(dsn, slower))
    except Exception:
        tail = stack.tail()
        if tail:
            print(f"--- last lines of the platform's log ---\n{tail}", file=sys.stderr)
        raise
    finally:
        stack.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
    table = render(queries, requests=args.requests, seeded=seeded, index_names=index_names, others=others)
    print(f"\n{table}\n", flush=True)
    if plans:
        print(plans, flush=True)
    if args.write_readme:
        write_results("proposals-listing", table)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
