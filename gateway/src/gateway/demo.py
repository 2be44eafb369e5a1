"""Demo accounts: one per role, a cluster manager and a member in every region. Recognisably not real people."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.account.models import Membership, User
from gateway.account.passwords import hash_password

DEMO_PASSWORD = "tex4im-demo"  # noqa: S105  (printed at start; demo data only)
DEMO_DOMAIN = "demo.tex4im.eu"
# the interface speaks English and Italian so far; the other partners' accounts start in English
REGIONS = {
    "ITI1": ("Toscana", "it"), "ITC1": ("Piemonte", "it"), "RO21": ("Nord-Est", "en"),
    "ES52": ("Comunitat Valenciana", "en"), "PT11": ("Norte", "en"), "CZ05": ("Severovýchod", "en"),
    "SE23": ("Västsverige", "en"), "FRE1": ("Nord-Pas-de-Calais", "en"),
}


def demo_member_organisation_id(region_code: str) -> uuid.UUID:
    """The region's first demo company in the intelligence demo data set, which its member account belongs to.

    The intelligence service documents the id pattern (intelligence.demo.ids); the gateway may not import it,
    so both sides compute it and each has a test pinning the Norte id to the same literal.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-organisation:{region_code}:01")


def demo_account_id(email: str) -> uuid.UUID:
    """The stable user id (the tokens' subject) of a demo account.

    `uuid5(NAMESPACE_URL, "urn:tex4im:demo-account:<email>")`.

    The proposals demo data names its evaluators by this subject without importing the gateway; both sides pin the
    id of evaluator@demo.tex4im.eu to the same literal in a test.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:tex4im:demo-account:{email}")


# the evaluator pool of the demo: the first keeps the address the guides use
DEMO_EVALUATORS = (("evaluator", "Demo Evaluator"), *((f"evaluator{n}", f"Demo Evaluator {n}") for n in range(2, 7)))


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    locale: str
    memberships: tuple[tuple[str, str | None], ...]  # (role, region)
    organisation_id: uuid.UUID | None = None  # the organisation the member role acts for


def demo_accounts() -> list[DemoAccount]:
    accounts = [
        DemoAccount(f"admin@{DEMO_DOMAIN}", "Demo Coordinator (Toscana)", "en",
                    (("consortium_admin", None), ("cluster_manager", "ITI1"))),
    ]
    accounts += [DemoAccount(f"{local}@{DEMO_DOMAIN}", name, "en", (("evaluator", None),))
                 for local, name in DEMO_EVALUATORS]
    for code, (name, locale) in REGIONS.items():
        slug = code.lower()
        accounts.append(DemoAccount(f"manager.{slug}@{DEMO_DOMAIN}", f"Demo Cluster Manager ({name})", locale,
                                    (("cluster_manager", code),)))
        accounts.append(DemoAccount(f"member.{slug}@{DEMO_DOMAIN}", f"Demo Company Member ({name})", locale,
                                    (("member", code),), organisation_id=demo_member_organisation_id(code)))
    return accounts


async def load_demo_accounts(session: AsyncSession) -> tuple[int, list[DemoAccount]]:
    """Create the demo accounts that do not exist yet; returns how many were created and the full list."""
    accounts = demo_accounts()
    existing = set((await session.scalars(select(User.email).where(User.email.like(f"%@{DEMO_DOMAIN}")))).all())
    password_hash = hash_password(DEMO_PASSWORD)
    created = 0
    for account in accounts:
        if account.email in existing:
            continue
        session.add(User(
            id=demo_account_id(account.email), email=account.email, display_name=account.display_name,
            locale=account.locale, password_hash=password_hash, is_active=True,
            memberships=[
                Membership(role=role, region=region,
                           organisation_id=account.organisation_id if role == "member" else None)
                for role, region in account.memberships
            ],
        ))
        created += 1
    return created, accounts
