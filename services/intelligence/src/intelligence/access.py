"""Who may see and change what in the intelligence service: one policy, used by every aggregate.

- Public records are visible to everyone, anonymous visitors included; consortium-only records only to
  signed-in people of the partnership (a user identity with at least one membership).
- A cluster manager looks after the records of their region(s); the consortium admin after all of them.
- A member of an organisation may edit that organisation's profile and see its contacts.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from tex4im_common.identity import Identity, OptionalIdentity, Role
from tex4im_common.problems import Forbidden, Unauthorized

from intelligence.vocab import Visibility


@dataclass(frozen=True)
class Access:
    identity: Identity | None

    @property
    def subject(self) -> str:
        return self.require_user().subject

    @property
    def in_consortium(self) -> bool:
        return self.identity is not None and self.identity.kind == "user" and bool(self.identity.memberships)

    @property
    def is_admin(self) -> bool:
        return self.identity is not None and self.identity.is_consortium_admin

    @property
    def managed_regions(self) -> set[str]:
        return self.identity.regions_with(Role.cluster_manager) if self.identity else set()

    @property
    def is_manager(self) -> bool:
        return self.is_admin or bool(self.managed_regions)

    @property
    def organisations(self) -> set[uuid.UUID]:
        return self.identity.organisations_with(*Role) if self.identity else set()

    @property
    def home_regions(self) -> set[str]:
        return {m.region for m in self.identity.memberships if m.region} if self.identity else set()

    def visibilities(self) -> list[str]:
        """The visibility values this caller may read."""
        if self.in_consortium:
            return [Visibility.public.value, Visibility.consortium.value]
        return [Visibility.public.value]

    def may_read(self, visibility: str) -> bool:
        return visibility in self.visibilities()

    def manages_region(self, region_code: str | None) -> bool:
        return self.is_admin or (region_code is not None and region_code in self.managed_regions)

    def require_user(self) -> Identity:
        if self.identity is None or self.identity.kind != "user":
            raise Unauthorized("Sign in to do this.")
        return self.identity

    def require_consortium(self) -> Identity:
        identity = self.require_user()
        if not self.in_consortium:
            raise Forbidden("Only members of the partnership may do this.")
        return identity

    def require_manager(self) -> Identity:
        identity = self.require_user()
        if not self.is_manager:
            raise Forbidden("Only cluster managers and the consortium admin may do this.")
        return identity

    def require_region_manager(self, region_code: str | None, *, what: str) -> Identity:
        identity = self.require_user()
        if not self.manages_region(region_code):
            where = f"region {region_code}" if region_code else "records outside the partnership's regions"
            raise Forbidden(f"Only the cluster managers of {where} and the consortium admin may {what}.")
        return identity


async def _access(identity: OptionalIdentity) -> Access:
    return Access(identity)


AccessDep = Annotated[Access, Depends(_access)]
