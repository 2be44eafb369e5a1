"""Loading the demo data set once, and telling the newcomer how to sign in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date

from gateway.demo import DEMO_PASSWORD, DemoAccount, load_demo_accounts
from intelligence.demo import DEMO_OPPORTUNITY_COUNT, load_intelligence_demo
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine


@dataclass(frozen=True)
class DemoLoad:
    """What this run created (zeros when the data set was already there) and every demo account."""

    organisations: int
    opportunities: int
    accounts_created: int
    accounts: list[DemoAccount]

    def summary(self) -> str:
        if not (self.organisations or self.accounts_created):
            return "Demo data: already loaded"
        return (f"Demo data: {self.organisations} organisations, {self.opportunities} opportunities, "
                f"{self.accounts_created} accounts created")


async def _load(database_url: str, today: date) -> DemoLoad:
    engine = create_async_engine(database_url)
    try:
        # one transaction per service schema: the intelligence records first, then the accounts that point at them
        async with AsyncSession(engine) as session, session.begin():
            organisations = await load_intelligence_demo(session, today=today)
        async with AsyncSession(engine) as session, session.begin():
            accounts_created, accounts = await load_demo_accounts(session)
    finally:
        await engine.dispose()
    return DemoLoad(organisations, DEMO_OPPORTUNITY_COUNT if organisations else 0, accounts_created, accounts)


def load_demo_data(database_url: str) -> DemoLoad:
    """Load whatever part of the demo data set is missing, with deadlines dated around today."""
    return asyncio.run(_load(database_url, date.today()))


def describe_accounts(accounts: list[DemoAccount]) -> str:
    width = max(len(a.email) for a in accounts)
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD})"]
    for account in accounts:
        roles = ", ".join(f"{role}" + (f" {region}" if region else "") for role, region in account.memberships)
        lines.append(f"  {account.email.ljust(width)}  {roles}")
    return "\n".join(lines)
