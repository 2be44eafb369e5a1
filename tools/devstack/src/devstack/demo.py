"""Loading the demo data set once, and telling the newcomer how to sign in."""

from __future__ import annotations

import asyncio

from gateway.demo import DEMO_PASSWORD, DemoAccount, load_demo_accounts
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine


async def _load(database_url: str) -> tuple[int, list[DemoAccount]]:
    engine = create_async_engine(database_url)
    try:
        async with AsyncSession(engine) as session, session.begin():
            return await load_demo_accounts(session)
    finally:
        await engine.dispose()


def load_demo_data(database_url: str) -> tuple[int, list[DemoAccount]]:
    return asyncio.run(_load(database_url))


def describe_accounts(accounts: list[DemoAccount]) -> str:
    width = max(len(a.email) for a in accounts)
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD})"]
    for account in accounts:
        roles = ", ".join(f"{role}" + (f" {region}" if region else "") for role, region in account.memberships)
        lines.append(f"  {account.email.ljust(width)}  {roles}")
    return "\n".join(lines)
