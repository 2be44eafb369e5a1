"""Who is calling, as the proposals service sees them: the roles, regions and organisations every policy uses.

The rules for one record live with its aggregate (proposal/policy.py, evaluation/policy.py...); this module
only answers questions about the caller, so every package asks them the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends
from tex4im_common.identity import Identity, OptionalIdentity, Role
from tex4im_common.problems import Forbidden, Unauthorized


@dataclass(frozen=True)
class Access:
    identity: Identity | None

    @property
    def subject(self) -> str:
        return self.require_user().subject

    @property
    def name(self) -> str | None:
        return self.identity.name if self.identity else None

    @property
    def is_user(self) -> bool:
        return self.identity is not None and self.identity.kind == "user"

    @property
    def in_consortium(self) -> bool:
        return self.is_user and bool(self.identity.memberships)  # type: ignore[union-attr]

    @property
    def is_admin(self) -> bool:
        return self.identity is not None and self.identity.is_consortium_admin

    @property
    def is_evaluator(self) -> bool:
        return self.identity is not None and self.identity.has_role(Role.evaluator)

    @property
    def managed_regions(self) -> set[str]:
        return self.identity.regions_with(Role.cluster_manager) if self.identity else set()

    @property
    def is_manager(self) -> bool:
        return self.is_admin or bool(self.managed_regions)

    @property
    def member_organisations(self) -> set[uuid.UUID]:
        """The organisations the caller acts for as a company / R&D member."""
        return self.identity.organisations_with(Role.member) if self.identity else set()

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

    def require_admin(self, *, what: str) -> Identity:
        identity = self.require_user()
        if not self.is_admin:
            raise Forbidden(f"Only the consortium admin may {what}.")
        return identity

    def require_manager(self, *, what: str) -> Identity:
        identity = self.require_user()
        if not self.is_manager:
            raise Forbidden(f"Only cluster managers and the consortium admin may {what}.")
        return identity

    def require_evaluator(self, *, what: str) -> Identity:
        identity = self.require_user()
        if not self.is_evaluator:
            raise Forbidden(f"Only evaluators may {what}.")
        return identity


async def _access(identity: OptionalIdentity) -> Access:
    return Access(identity)


AccessDep = Annotated[Access, Depends(_access)]
