"""What PostgreSQL does with the captured statements: their plans, and the indexes the run had."""

from __future__ import annotations

from typing import Any

import asyncpg


async def explain(dsn: str, statements: list[tuple[str, str, tuple[Any, ...]]]) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of each (title, statement, parameters), with the statement, as text."""
    connection = await asyncpg.connect(dsn)
    out = []
    try:
        for title, statement, parameters in statements:
            plan = await connection.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", *parameters)
            out += [f"--- {title}", statement, *(row[0] for row in plan), ""]
    finally:
        await connection.close()
    return "\n".join(out)


async def indexes(dsn: str) -> list[str]:
    """The indexes on proposal and proposal_partner (another change may be adding some)."""
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch("SELECT indexname FROM pg_indexes WHERE schemaname = 'proposals' AND "
                                      "tablename IN ('proposal', 'proposal_partner') ORDER BY indexname")
    finally:
        await connection.close()
    return [row["indexname"] for row in rows]
