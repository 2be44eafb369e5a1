"""Loading the demo data set once, and telling the newcomer how to sign in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gateway.demo import DEMO_PASSWORD, DemoAccount, load_demo_accounts
from intelligence.db import outbox as intelligence_outbox
from intelligence.demo import DEMO_OPPORTUNITY_COUNT, load_intelligence_demo
from proposals.demo import ProposalsDemo, load_proposals_demo
from proposals.organisation.sync import apply_organisation_events
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine


@dataclass(frozen=True)
class DemoLoad:
    """What this run created (zeros when the data set was already there) and every demo account."""

    organisations: int
    opportunities: int
    proposals: ProposalsDemo
    accounts_created: int
    accounts: list[DemoAccount]

    def summary(self) -> str:
        if not (self.organisations or self.proposals.calls or self.accounts_created):
            return "Demo data: already loaded"
        return (f"Demo data: {self.organisations} organisations, {self.opportunities} opportunities, "
                f"{self.proposals.summary()}, {self.accounts_created} accounts created")


async def _copy_organisations(engine: AsyncEngine) -> None:
    """Fill the proposals copy of the registry from intelligence's feed, as its follower does once running."""
    after = None
    while True:
        async with AsyncSession(engine) as session:
            page = await intelligence_outbox.read_feed(session, after=after, limit=500)
        async with AsyncSession(engine) as session, session.begin():
            await apply_organisation_events(session, page.items)
        if len(page.items) < 500:
            return
        after = page.next_cursor


async def _load(database_url: str, today: date, keys: Path) -> DemoLoad:
    engine = create_async_engine(database_url)
    try:
        # one transaction per service schema: the intelligence records first, then the accounts that point at them
        async with AsyncSession(engine) as session, session.begin():
            organisations = await load_intelligence_demo(session, today=today)
        await _copy_organisations(engine)
        # the proposals story runs through the proposals API in-process, as demo people with signed tokens
        proposals = await load_proposals_demo(
            database_url=database_url, private_key_pem=(keys / "identity-ed25519.pem").read_text(),
            public_key_pem=(keys / "identity-ed25519.pub.pem").read_text(),
        )
        async with AsyncSession(engine) as session, session.begin():
            accounts_created, accounts = await load_demo_accounts(session)
    finally:
        await engine.dispose()
    return DemoLoad(organisations, DEMO_OPPORTUNITY_COUNT if organisations else 0, proposals, accounts_created,
                    accounts)


def load_demo_data(database_url: str, *, keys: Path) -> DemoLoad:
    """Load whatever part of the demo data set is missing, with deadlines dated around today."""
    return asyncio.run(_load(database_url, date.today(), keys))


def describe_accounts(accounts: list[DemoAccount]) -> str:
    width = max(len(a.email) for a in accounts)
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD})"]
    for account in accounts:
        roles = ", ".join(f"{role}" + (f" {region}" if region else "") for role, region in account.memberships)
        lines.append(f"  {account.email.ljust(width)}  {roles}")
    return "\n".join(lines)
