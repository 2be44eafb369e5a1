"""The demo's people, as the gateway would describe them in identity tokens (the loader signs their tokens)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tex4im_common.identity import Identity, IdentityTokenSigner, Membership, Role

from proposals.demo.ids import DEMO_DOMAIN, REGION_NAMES, account_id, organisation_id, partner_contact_id


@dataclass(frozen=True)
class Person:
    identity: Identity

    @property
    def subject(self) -> str:
        return self.identity.subject


def _account(local: str, name: str, *memberships: Membership) -> Person:
    email = f"{local}@{DEMO_DOMAIN}"
    return Person(Identity(subject=str(account_id(email)), name=name, email=email, memberships=memberships))


def admin() -> Person:
    return _account("admin", "Demo Coordinator (Toscana)", Membership(role=Role.consortium_admin),
                    Membership(role=Role.cluster_manager, region="ITI1"))


def manager(region: str) -> Person:
    return _account(f"manager.{region.lower()}", f"Demo Cluster Manager ({REGION_NAMES[region]})",
                    Membership(role=Role.cluster_manager, region=region))


def member(region: str) -> Person:
    """The region's demo member account, acting for the region's demo company 01."""
    return _account(f"member.{region.lower()}", f"Demo Company Member ({REGION_NAMES[region]})",
                    Membership(role=Role.member, region=region, organisation_id=organisation_id(region, 1)))


def contact(region: str, organisation: uuid.UUID) -> Person:
    """Someone acting for a demo organisation that has no demo account (they appear in timelines only)."""
    if organisation == organisation_id(region, 1):
        return member(region)
    return Person(Identity(
        subject=str(partner_contact_id(organisation)), name=f"Demo Contact ({REGION_NAMES[region]})",
        memberships=(Membership(role=Role.member, region=region, organisation_id=organisation),),
    ))


def evaluators() -> list[Person]:
    """evaluator@ and evaluator2@ … evaluator6@, as the gateway's demo accounts."""
    pool = [("evaluator", "Demo Evaluator")] + [(f"evaluator{n}", f"Demo Evaluator {n}") for n in range(2, 7)]
    return [_account(local, name, Membership(role=Role.evaluator)) for local, name in pool]


class Tokens:
    """Fresh identity tokens for the proposals service, one per request (they live a minute)."""

    def __init__(self, signer: IdentityTokenSigner, audience: str = "proposals") -> None:
        self.signer, self.audience = signer, audience

    def headers(self, person: Person, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.signer.sign(person.identity, audience=self.audience)}", **extra}
